package store

import (
	"io"
)

// writeAtomic writes dst (mode 0600) by filling a temporary file beside it,
// syncing it and renaming it over dst (see writeFileAtomic in fsys.go).
func writeAtomic(dst string, fill func(w io.Writer) error) error {
	return writeFileAtomic(dst, fill, false)
}

// syncDir makes a rename in dir durable where the system allows it.
func syncDir(dir string) {
	_ = fsys.SyncDir(dir) // fsys.go
}
