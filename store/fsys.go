package store

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// fileSystem is the handful of file-system calls whose order decides what
// survives a power loss: a file's bytes must be synced before a name points
// at them, and the folder synced after a name is added, changed or
// removed. Everything that creates, renames or links a file cxo keeps goes
// through fsys, so the tests can record the order (fsys_test.go) instead
// of timing anything.
type fileSystem interface {
	CreateTemp(dir, pattern string) (tempFile, error)
	Rename(from, to string) error
	Link(from, to string) error
	Remove(name string) error
	Mkdir(name string, perm fs.FileMode) error
	SyncDir(dir string) error
	SyncFile(name string) error // a file written through another handle
	// Created is told that an open with O_CREATE made name (the database).
	Created(name string)
}

// tempFile is what CreateTemp returns: an *os.File, or the recorder's.
type tempFile interface {
	io.Writer
	Name() string
	Chmod(fs.FileMode) error
	Sync() error
	Close() error
}

type osFS struct{}

func (osFS) CreateTemp(dir, pattern string) (tempFile, error) { return os.CreateTemp(dir, pattern) }
func (osFS) Rename(from, to string) error                     { return os.Rename(from, to) }
func (osFS) Link(from, to string) error                       { return os.Link(from, to) }
func (osFS) Remove(name string) error                         { return os.Remove(name) }
func (osFS) Mkdir(name string, perm fs.FileMode) error        { return os.Mkdir(name, perm) }
func (osFS) Created(string)                                   {}

func (osFS) SyncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	// Some systems cannot sync a folder (EINVAL); nothing more can be done
	// there, and the file's own sync still holds its bytes.
	if err := d.Sync(); err != nil && !errors.Is(err, syscall.EINVAL) && !errors.Is(err, syscall.ENOTSUP) {
		return err
	}
	return nil
}

func (osFS) SyncFile(name string) error {
	f, err := os.OpenFile(name, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

var fsys fileSystem = osFS{}

// makeDirs creates dir and any missing folders above it (mode 0700), and
// syncs the folder each one was made in, so a new data folder survives a
// power loss along with the database about to be created in it.
func makeDirs(dir string) error {
	if fi, err := os.Stat(dir); err == nil {
		if !fi.IsDir() {
			return &fs.PathError{Op: "mkdir", Path: dir, Err: syscall.ENOTDIR}
		}
		return nil
	}
	parent := filepath.Dir(dir)
	if parent != dir {
		if err := makeDirs(parent); err != nil {
			return err
		}
	}
	if err := fsys.Mkdir(dir, 0o700); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return nil // made by another cxo meanwhile
		}
		return err
	}
	return fsys.SyncDir(parent)
}

// createdFile is an OpenFile for bbolt that syncs the folder when the
// open creates the file, so the new database's name is durable.
func createdFile(name string, flag int, perm fs.FileMode) (*os.File, error) {
	if flag&os.O_CREATE == 0 {
		return os.OpenFile(name, flag, perm)
	}
	_, statErr := os.Lstat(name)
	f, err := os.OpenFile(name, flag, perm)
	if err == nil && errors.Is(statErr, fs.ErrNotExist) {
		fsys.Created(name)
		if err := fsys.SyncDir(filepath.Dir(name)); err != nil {
			f.Close()
			return nil, err
		}
	}
	return f, err
}

// writeFileAtomic writes dst (mode 0600) so that a crash at any moment
// leaves either the old contents (or nothing) or the new, whole: the bytes
// go to a temporary file beside dst, are synced, and only then get dst's
// name, by a hard link when nothing may be replaced (a link never
// overwrites, so a file created meanwhile is safe) or a rename when the
// old contents are to go; then the folder is synced. A file system without
// hard links falls back to a rename once dst is seen to be free. With
// noClobber an existing dst gives ErrExists and is untouched.
func writeFileAtomic(dst string, fill func(w io.Writer) error, noClobber bool) (err error) {
	dir := filepath.Dir(dst)
	tmp, err := fsys.CreateTemp(dir, "."+filepath.Base(dst)+".tmp-*")
	if err != nil {
		return err
	}
	named := false
	defer func() {
		if err != nil || named {
			fsys.Remove(tmp.Name()) // after a link, the extra name; on failure, the leftovers
		}
	}()
	err = tmp.Chmod(0o600)
	if err == nil {
		err = fill(tmp)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if noClobber {
		err = fsys.Link(tmp.Name(), dst)
		switch {
		case errors.Is(err, fs.ErrExist):
			return &fs.PathError{Op: "create", Path: dst, Err: ErrExists}
		case err != nil && !errors.Is(err, fs.ErrPermission) && !errors.Is(err, syscall.ENOTSUP) &&
			!errors.Is(err, syscall.EXDEV) && !errors.Is(err, syscall.EMLINK):
			return err
		case err != nil: // no hard links here: rename, once the name is seen to be free
			if _, statErr := os.Lstat(dst); statErr == nil {
				return &fs.PathError{Op: "create", Path: dst, Err: ErrExists}
			}
			err = fsys.Rename(tmp.Name(), dst)
		default:
			named = true
		}
	} else {
		err = fsys.Rename(tmp.Name(), dst)
	}
	if err != nil {
		return err
	}
	if named {
		// The temporary name goes before the folder is synced, so the
		// sync covers both changes.
		fsys.Remove(tmp.Name())
		named = false
	}
	return fsys.SyncDir(dir)
}
