package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// ErrExists means an export would overwrite a file.
var ErrExists = errors.New("file exists")

// WriteExport writes an export file readable only by its owner (0600).
// Without overwrite an existing file is never touched; with it the new
// content replaces the old one atomically.
// Problems come back as one plain line naming the path: a folder where the
// file should go, a folder that does not exist, no permission.
func WriteExport(path string, data []byte, overwrite bool) error {
	if err := writeExport(path, data, overwrite); err != nil {
		if errors.Is(err, ErrExists) {
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

func writeExport(path string, data []byte, overwrite bool) error {
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return errors.New("is a folder") // reported by exportProblem
	}
	if !overwrite {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, os.ErrExist) {
			return fmt.Errorf("%s: %w", path, ErrExists)
		}
		if err != nil {
			return err
		}
		if _, err := f.Write(data); err != nil {
			f.Close()
			os.Remove(path)
			return err
		}
		if err := f.Sync(); err != nil {
			f.Close()
			return err
		}
		return f.Close()
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".cxo-export-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
