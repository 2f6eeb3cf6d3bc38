package store

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"syscall"

	berrors "go.etcd.io/bbolt/errors"

	"github.com/cxo-dev/cxo/model"
)

// ErrDiskFull and ErrReadOnly are what a *WriteError is (errors.Is).
var (
	ErrDiskFull = errors.New("the disk is full or the file has reached its size limit")
	ErrReadOnly = errors.New("the database or its folder is not writable")
)

// WriteError says a change could not be saved because the disk is full
// (or a file size limit was reached) or the location is read-only. The
// transaction was rolled back: everything committed before is intact, and
// the same call can be retried once there is room or permission.
type WriteError struct {
	What string // what could not be saved; "" means the database
	Path string
	Kind error // ErrDiskFull or ErrReadOnly
	Err  error // what the system said
}

func (e *WriteError) Error() string {
	hint := "free some space and try again"
	if e.Kind == ErrReadOnly {
		hint = "make it writable or choose another file with --db"
	}
	if e.What != "" {
		return fmt.Sprintf("cannot save %s %s: %v (%s); the database itself is intact", e.What, e.Path, e.Kind, model.OneLine(e.Err.Error()))
	}
	return fmt.Sprintf("cannot save to database %s: %v (%s); everything saved before is intact, %s",
		e.Path, e.Kind, model.OneLine(e.Err.Error()), hint)
}

func (e *WriteError) Unwrap() error        { return e.Err }
func (e *WriteError) Is(target error) bool { return target == e.Kind }

// Texts of the errors bbolt reports with %s (so errors.Is cannot see the
// errno) when growing or syncing the file fails.
var (
	diskFullTexts = []string{"no space left on device", "file too large", "disk quota exceeded"}
	readOnlyTexts = []string{"read-only file system", "permission denied"}
)

// asWriteError turns a full disk or a read-only location into a
// *WriteError naming path; anything else gives nil. Errors this package
// made itself are left as they are.
func asWriteError(path string, err error) *WriteError {
	if err == nil {
		return nil
	}
	var (
		w *WriteError
		d *DamagedError
		n *NewerError
		b *BusyError
		r *RecordError
	)
	switch {
	case errors.As(err, &w):
		return w
	case errors.As(err, &d), errors.As(err, &n), errors.As(err, &b), errors.As(err, &r), errors.Is(err, ErrNotFound):
		return nil
	case errors.Is(err, berrors.ErrMaxSizeReached), errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EFBIG),
		errors.Is(err, syscall.EDQUOT), containsAny(err.Error(), diskFullTexts):
		return &WriteError{Path: path, Kind: ErrDiskFull, Err: err}
	case errors.Is(err, syscall.EROFS), errors.Is(err, os.ErrPermission), containsAny(err.Error(), readOnlyTexts):
		return &WriteError{Path: path, Kind: ErrReadOnly, Err: err}
	}
	return nil
}

func containsAny(s string, subs []string) bool {
	s = strings.ToLower(s)
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}
