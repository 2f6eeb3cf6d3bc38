//go:build !windows && !plan9 && !solaris && !aix && !android

package store

import (
	"os"
	"syscall"
)

// unlockFile drops the flock bbolt took on f. Closing f alone does not:
// the lock belongs to the open file, which bbolt's memory map keeps open.
func unlockFile(f *os.File) {
	_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
}
