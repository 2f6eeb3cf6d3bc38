package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/cxo-dev/cxo/model"
)

// NotAFileError says something other than a regular file (or nothing) is
// at a path cxo reads or writes: a folder, a named pipe, a device. Opening
// a named pipe blocks until another program writes to it, and writing a
// device or a pipe sends the bytes elsewhere, so such paths are refused
// before anything opens them.
type NotAFileError struct {
	Path string
	What string // "is a named pipe", "is a device", ...
	Hint string // what to do, for the user
}

func (e *NotAFileError) Error() string {
	return fmt.Sprintf("%s %s; %s", model.Escaped(e.Path), e.What, e.Hint)
}

// kindOf names what a file mode is, in the words the errors use; "" for a
// regular file.
func kindOf(m fs.FileMode) string {
	switch {
	case m.IsRegular():
		return ""
	case m.IsDir():
		return "is a folder"
	case m&fs.ModeNamedPipe != 0:
		return "is a named pipe"
	case m&fs.ModeCharDevice != 0:
		return "is a device (character special file)"
	case m&fs.ModeDevice != 0:
		return "is a device (block special file)"
	case m&fs.ModeSocket != 0:
		return "is a socket"
	case m&fs.ModeSymlink != 0:
		return "is a symbolic link"
	}
	return "is not a regular file"
}

// targetKind looks at what is at path, following symbolic links. It
// returns the regular file's info (nil when nothing is there) or a
// *NotAFileError; a symbolic link whose target is missing is refused too,
// since writing through it would create a file somewhere the user did not
// name.
func targetKind(path, hint string) (fs.FileInfo, error) {
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		if li, lerr := os.Lstat(path); lerr == nil && li.Mode()&fs.ModeSymlink != 0 {
			to, _ := os.Readlink(path)
			return nil, &NotAFileError{Path: path, What: "is a symbolic link to " + to + ", which does not exist", Hint: hint}
		}
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if what := kindOf(fi.Mode()); what != "" {
		return nil, &NotAFileError{Path: path, What: what, Hint: hint}
	}
	return fi, nil
}

// CheckDBPath is checkDBPath, for the commands that say what is at the
// path before they would report an empty database.
func CheckDBPath(path string) error { return checkDBPath(path) }

// checkDBPath refuses, at once, a database path holding anything but a
// regular file or nothing: every command and the TUI open the file
// through Store.open, which calls this first.
func checkDBPath(path string) error {
	_, err := targetKind(path, "cxo keeps its database in a regular file; point --db or CXO_DB at one (or at a name not yet taken)")
	var nf *NotAFileError
	if errors.As(err, &nf) {
		if strings.HasPrefix(nf.What, "is a symbolic link") {
			nf.Hint = "create that file (an empty one will do) to keep the database there, or point --db or CXO_DB elsewhere"
		} else {
			nf.What += ", not a database file"
		}
		return nf
	}
	if err != nil && !errors.Is(err, fs.ErrPermission) {
		return fmt.Errorf("database %s: %w", path, err)
	}
	// No permission to look is reported by the open that follows.
	return nil
}
