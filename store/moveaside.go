package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"
)

// MoveAside renames a damaged database to <path>.corrupt-<YYYYMMDD-HHMMSS>
// (now's clock), so a fresh one can be started; its bytes are not changed.
// An existing file is never overwritten: if the name is taken, -2, -3 ...
// is added. It returns the new name.
func MoveAside(path string, now time.Time) (string, error) {
	if _, err := os.Lstat(path); err != nil {
		return "", err
	}
	for _, dst := range asideNames(path, now) {
		// A hard link never replaces an existing name, so it claims dst
		// atomically; removing the old name completes the move.
		err := fsys.Link(path, dst)
		if err == nil {
			if err := fsys.Remove(path); err != nil {
				fsys.Remove(dst)
				return "", fmt.Errorf("cannot move %s aside: %w", path, err)
			}
			syncDir(filepath.Dir(path))
			return dst, nil
		}
		if errors.Is(err, os.ErrExist) {
			continue
		}
		// No hard links here (some file systems): rename, once the name
		// is seen to be free.
		if _, statErr := os.Lstat(dst); statErr == nil {
			continue
		} else if !errors.Is(statErr, os.ErrNotExist) {
			return "", fmt.Errorf("cannot move %s aside: %w", path, statErr)
		}
		if err := fsys.Rename(path, dst); err != nil {
			return "", fmt.Errorf("cannot move %s aside: %w", path, err)
		}
		syncDir(filepath.Dir(path))
		return dst, nil
	}
	return "", fmt.Errorf("cannot move %s aside: %s-2 to -100 are all taken", path, asideNames(path, now)[0])
}

// asideNames are the names a damaged file may be set aside under, in the
// order they are tried: <path>.corrupt-<YYYYMMDD-HHMMSS>, then -2 to -100.
func asideNames(path string, now time.Time) []string {
	base := path + ".corrupt-" + now.Format("20060102-150405")
	names := []string{base}
	for i := 2; i <= 100; i++ {
		names = append(names, base+"-"+strconv.Itoa(i))
	}
	return names
}
