package store

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
)

// Tighten makes the database and its last-good copies readable by their
// owner only (0600), and the default data folder, which cxo made, 0700:
// earlier versions, a restore with cp, or a umask may have left them
// readable by others, and the answers are private. A folder the user chose
// with --db or CXO_DB is theirs and left as it is. It returns one line for
// each file or folder it could not tighten, saying why; nothing on Windows,
// where modes do not control who can read a file.
func (s *Store) Tighten() (notes []string) {
	if runtime.GOOS == "windows" {
		return nil
	}
	tighten := func(path string, want fs.FileMode, dir bool) {
		fi, err := os.Lstat(path)
		if err != nil || fi.IsDir() != dir || !(dir || fi.Mode().IsRegular()) || fi.Mode().Perm()&^want == 0 {
			return // missing, not what cxo keeps there (a link, a folder), or tight already
		}
		if err := os.Chmod(path, fi.Mode().Perm()&want); err != nil {
			notes = append(notes, fmt.Sprintf("%s is readable by others (mode %04o) and cxo cannot change that (%v); run: chmod %04o %s",
				path, fi.Mode().Perm(), errText(err), fi.Mode().Perm()&want, ShellQuote(path)))
		}
	}
	if dir := filepath.Dir(s.Path); samePath(dir, filepath.Dir(DefaultPath())) {
		tighten(dir, 0o700, true)
	}
	for _, p := range append([]string{s.Path}, BackupGenerations(s.Path)...) {
		tighten(p, 0o600, false)
	}
	return notes
}

func samePath(a, b string) bool {
	fa, err1 := os.Stat(a)
	fb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(fa, fb)
}

// errText is what the system said, without the operation and path Go
// puts before it.
func errText(err error) string {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}
