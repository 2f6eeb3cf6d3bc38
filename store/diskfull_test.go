package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/cxo-dev/cxo/model"
	berrors "go.etcd.io/bbolt/errors"
)

func bigAnswer(i int) model.Answer {
	return model.Answer{Value: i%5 + 1, Note: strings.Repeat("a long note ", 125), At: testStart.Truncate(time.Millisecond)}
}

// checkWriteError asserts err is a one-line *WriteError of kind naming path.
func checkWriteError(t *testing.T, err error, kind error, path string) {
	t.Helper()
	var w *WriteError
	switch {
	case !errors.As(err, &w):
		t.Errorf("got %v (%T), want a *WriteError", err, err)
	case !errors.Is(err, kind):
		t.Errorf("got %v, want %v", err, kind)
	case w.Path != path || !strings.Contains(err.Error(), path):
		t.Errorf("%q does not name %s", err, path)
	case strings.Contains(err.Error(), "\n"):
		t.Errorf("%q is more than one line", err)
	case !strings.Contains(err.Error(), "everything saved before is intact"):
		t.Errorf("%q does not say the saved answers are safe", err)
	}
}

// With the file at its size limit (bbolt's MaxSize standing in for a full
// disk) SaveAnswer returns a clear error, the answers saved before are all
// there, the file is sound, and the same answer saves once there is room.
func TestDiskFullMaxSize(t *testing.T) {
	bank := testBank(t)
	path := dbPath(t)
	s := New(path, "")
	const id = "20261123-170811-a3f"
	if err := s.Create(newAssessment(t, bank, id)); err != nil {
		t.Fatal(err)
	}
	saved := map[string]model.Answer{}
	for i := range 3 {
		item := fmt.Sprintf("item-%03d", i)
		if err := s.SaveAnswer(id, item, bigAnswer(i), i); err != nil {
			t.Fatal(err)
		}
		saved[item] = bigAnswer(i)
	}
	fi, _ := os.Stat(path)
	s.maxSize = int(fi.Size())
	var failed string
	for i := 3; i < 500; i++ {
		item := fmt.Sprintf("item-%03d", i)
		err := s.SaveAnswer(id, item, bigAnswer(i), i)
		if err == nil {
			saved[item] = bigAnswer(i)
			continue
		}
		checkWriteError(t, err, ErrDiskFull, path)
		t.Logf("after %d more answers: %v", i-3, err)
		failed = item
		// Trying again while the disk is still full fails the same way.
		checkWriteError(t, s.SaveAnswer(id, item, bigAnswer(i), i), ErrDiskFull, path)
		break
	}
	if failed == "" {
		t.Fatalf("500 answers fitted in %d bytes", s.maxSize)
	}
	if fi, _ := os.Stat(path); fi.Size() > int64(s.maxSize) {
		t.Errorf("the file grew to %d bytes past its limit %d", fi.Size(), s.maxSize)
	}
	if err := s.Check(); err != nil {
		t.Errorf("Check after the disk filled: %v", err)
	}
	got, _, err := s.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	checkAnswers(t, got.Answers, saved)

	s.maxSize = 0 // room again: the pending answer saves
	var i int
	fmt.Sscanf(failed, "item-%d", &i)
	if err := s.SaveAnswer(id, failed, bigAnswer(i), i); err != nil {
		t.Fatalf("retry once there is room: %v", err)
	}
	saved[failed] = bigAnswer(i)
	got, _, _ = s.Load(id)
	checkAnswers(t, got.Answers, saved)
}

func TestWriteErrorKinds(t *testing.T) {
	const path = "/data/cxo.db"
	pathErr := func(errno syscall.Errno) error { return &fs.PathError{Op: "write", Path: path, Err: errno} }
	for _, c := range []struct {
		err  error
		kind error // nil: not a write error
	}{
		{pathErr(syscall.ENOSPC), ErrDiskFull},
		{pathErr(syscall.EFBIG), ErrDiskFull},
		{pathErr(syscall.EDQUOT), ErrDiskFull},
		{fmt.Errorf("file resize error: %s", pathErr(syscall.EFBIG)), ErrDiskFull}, // bbolt's grow, with %s
		{fmt.Errorf("file sync error: %s", pathErr(syscall.ENOSPC)), ErrDiskFull},
		{berrors.ErrMaxSizeReached, ErrDiskFull},
		{pathErr(syscall.EROFS), ErrReadOnly},
		{pathErr(syscall.EACCES), ErrReadOnly},
		{pathErr(syscall.EPERM), ErrReadOnly},
		{pathErr(syscall.EIO), nil},
		{&DamagedError{Path: path, Reason: "no space left on device"}, nil},
		{fmt.Errorf("%w: x", ErrNotFound), nil},
		{errors.New("assessment x already exists"), nil},
	} {
		w := asWriteError(path, c.err)
		switch {
		case c.kind == nil && w != nil:
			t.Errorf("%v is taken for %v", c.err, w.Kind)
		case c.kind != nil && (w == nil || !errors.Is(w, c.kind)):
			t.Errorf("%v is not taken for %v (got %v)", c.err, c.kind, w)
		case w != nil && !errors.Is(w, c.err) && !strings.Contains(w.Error(), c.err.Error()):
			t.Errorf("%v lost the system's error: %v", c.err, w)
		}
	}
}
