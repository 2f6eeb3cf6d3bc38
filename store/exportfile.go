package store

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// ErrExists means an export would overwrite a file.
var ErrExists = errors.New("file exists")

// WriteExport writes an export file readable only by its owner (0600),
// through a temporary file beside it, so a crash never leaves a truncated
// export at path (writeFileAtomic). Without overwrite an existing file is
// never touched; with it the new content replaces the old one atomically.
// Only a regular file (or nothing) is accepted at path: a device, a named
// pipe, a socket, a dangling link or a file with other hard links is
// refused as a *NotAFileError saying what it is; a symbolic link to a
// regular file is followed and kept.
// Problems come back as one plain line naming the path: a folder where the
// file should go, a folder that does not exist, no permission.
func WriteExport(path string, data []byte, overwrite bool) error {
	if err := writeExport(path, data, overwrite); err != nil {
		var nf *NotAFileError
		if errors.Is(err, ErrExists) || errors.As(err, &nf) {
			return err
		}
		return exportProblem(path, err)
	}
	return nil
}

// exportProblem says what stopped an export in the user's terms.
func exportProblem(path string, err error) error {
	dir := filepath.Dir(path)
	if info, statErr := os.Stat(path); statErr == nil && info.IsDir() {
		return fmt.Errorf("%s is a folder; give a file name, such as %s", path, filepath.Join(path, "cxo-results.md"))
	}
	if info, statErr := os.Stat(dir); errors.Is(statErr, os.ErrNotExist) {
		return fmt.Errorf("cannot write %s: the folder %s does not exist", path, dir)
	} else if statErr == nil && !info.IsDir() {
		return fmt.Errorf("cannot write %s: %s is a file, not a folder", path, dir)
	}
	if errors.Is(err, os.ErrPermission) {
		return fmt.Errorf("cannot write %s: no permission to write in %s", path, dir)
	}
	if w := asWriteError(path, err); w != nil {
		w.What = "the export"
		return w
	}
	return fmt.Errorf("cannot write %s: %w", path, err)
}

// exportHint is what to do when the target is not a regular file. It
// never suggests --force: forcing would not make a device or a pipe a
// safe place to write.
const exportHint = "cxo writes an export only to a regular file or a new name; choose another path"

func writeExport(path string, data []byte, overwrite bool) error {
	fi, err := targetKind(path, exportHint)
	var nf *NotAFileError
	if errors.As(err, &nf) && nf.What == "is a folder" {
		return errors.New("is a folder") // reported by exportProblem
	}
	if err != nil {
		return err
	}
	dst := path
	if fi != nil {
		// Replacing a file with other names would leave them holding the
		// old contents (the rename gives this name new ones): the user
		// must choose which name to write.
		if n := otherNames(fi); n > 0 {
			return &NotAFileError{Path: path, What: fmt.Sprintf("has %d other name(s) (hard links) sharing its contents", n),
				Hint: "cxo will not split or overwrite them; export to a new name, or remove the other names first"}
		}
		if !overwrite {
			return fmt.Errorf("%s: %w", path, ErrExists)
		}
		// A symbolic link is followed and kept: the new file is written
		// beside the file it points to and renamed over that.
		if real, err := filepath.EvalSymlinks(path); err == nil {
			dst = real
		}
	}
	return writeFileAtomic(dst, func(w io.Writer) error { _, err := w.Write(data); return err }, !overwrite)
}
