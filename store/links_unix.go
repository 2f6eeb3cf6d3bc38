//go:build unix

package store

import (
	"io/fs"
	"syscall"
)

// otherNames counts the hard links a file has besides the name it was
// found by.
func otherNames(fi fs.FileInfo) int {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok && st.Nlink > 1 {
		return int(st.Nlink - 1)
	}
	return 0
}
