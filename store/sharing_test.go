package store

import (
	"errors"
	"fmt"
	"io"
	"log"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cxo-dev/cxo/model"
	bolt "go.etcd.io/bbolt"
)

// holdFile opens the database the way a long writer in another process
// would (bbolt read-write: an exclusive lock) and keeps it for d, or until
// the test ends when d is 0. It returns once the lock is held.
func holdFile(t *testing.T, path string, d time.Duration) (released <-chan struct{}) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatalf("hold %s: %v", path, err)
	}
	done := make(chan struct{})
	var once sync.Once
	release := func() { once.Do(func() { db.Close(); close(done) }) }
	t.Cleanup(release)
	if d > 0 {
		time.AfterFunc(d, release)
	}
	return done
}

func TestWaitsForAShortWriter(t *testing.T) {
	bank := testBank(t)
	path := dbPath(t)
	s := New(path, "")
	const id = "20261123-170811-a3f"
	a := newAssessment(t, bank, id)
	if err := s.Create(a); err != nil {
		t.Fatal(err)
	}
	const hold = 300 * time.Millisecond
	if hold >= s.LockWait*time.Duration(s.Attempts) {
		t.Fatalf("the default wait %v×%d is shorter than the test's hold", s.LockWait, s.Attempts)
	}

	// Ordering, not timing: each call must return only after the holder
	// let go, and then succeed.
	released := holdFile(t, path, hold)
	list, _, err := s.List()
	if err != nil || len(list) != 1 {
		t.Fatalf("List while the file was held briefly = %v, %v", list, err)
	}
	select {
	case <-released:
	default:
		t.Error("List returned while the file was still held")
	}

	released = holdFile(t, path, hold)
	if err := s.SaveAnswer(id, a.Order[0], model.Answer{Value: 3}, 1); err != nil {
		t.Fatalf("SaveAnswer while the file was held briefly: %v", err)
	}
	select {
	case <-released:
	default:
		t.Error("SaveAnswer returned while the file was still held")
	}
	if sum := summaryOf(t, s, id); sum.Answered != 1 {
		t.Errorf("answered = %d after waiting, want 1", sum.Answered)
	}
}

func TestBusyWhenHeldTooLong(t *testing.T) {
	bank := testBank(t)
	path := dbPath(t)
	s := New(path, "")
	const id = "20261123-170811-a3f"
	a := newAssessment(t, bank, id)
	if err := s.Create(a); err != nil {
		t.Fatal(err)
	}
	s.LockWait, s.Attempts = 60*time.Millisecond, 3
	holdFile(t, path, 0) // held for the whole test

	calls := map[string]func() error{
		"List":       func() error { _, _, err := s.List(); return err },
		"Load":       func() error { _, _, err := s.Load(id); return err },
		"SaveAnswer": func() error { return s.SaveAnswer(id, a.Order[0], model.Answer{Value: 2}, 1) },
		"Create":     func() error { return s.Create(newAssessment(t, bank, "20261123-170811-b00")) },
	}
	for name, call := range calls {
		// The call must give up by itself; the guard only stops a hang
		// from stalling the suite.
		done := make(chan error, 1)
		go func() { done <- call() }()
		var err error
		select {
		case err = <-done:
		case <-time.After(time.Minute):
			t.Fatalf("%s hung on a held file", name)
		}
		var busy *BusyError
		if !errors.As(err, &busy) {
			t.Errorf("%s on a held file = %v, want *BusyError", name, err)
			continue
		}
		if busy.Path != path || !strings.Contains(err.Error(), path) {
			t.Errorf("%s: busy error %q does not name %s", name, err, path)
		}
	}
}

// Many writers on one assessment, each answering its own items, lose
// nothing, and the answered count stays right; readers meanwhile never
// see an error.
func TestConcurrentWritersLoseNothing(t *testing.T) {
	bank := testBank(t)
	path := dbPath(t)
	const id = "20261123-170811-a3f"
	if err := New(path, "").Create(newAssessment(t, bank, id)); err != nil {
		t.Fatal(err)
	}
	const writers, each = 8, 25
	var wg, readers sync.WaitGroup
	stop := make(chan struct{})
	errs := make(chan error, writers*each+100)
	for r := 0; r < 2; r++ {
		readers.Add(1)
		go func() {
			defer readers.Done()
			s := New(path, "")
			s.Attempts = 1000
			for {
				select {
				case <-stop:
					return
				default:
				}
				if _, skipped, err := s.List(); err != nil || len(skipped) > 0 {
					errs <- fmt.Errorf("List: %v (skipped %v)", err, skipped)
					return
				}
			}
		}()
	}
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := New(path, fmt.Sprintf("writer %d", w)) // one per "process"
			s.Attempts = 1000                           // this test is about losing nothing, not waiting
			for i := 0; i < each; i++ {
				ans := model.Answer{Value: i%5 + 1, Note: fmt.Sprintf("w%d i%d", w, i)}
				if err := s.SaveAnswer(id, fmt.Sprintf("w%d-i%02d", w, i), ans, i); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(stop)
	readers.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	s := New(path, "")
	got, skipped, err := s.Load(id)
	if err != nil || len(skipped) > 0 {
		t.Fatalf("Load: %v (skipped %v)", err, skipped)
	}
	if len(got.Answers) != writers*each {
		t.Errorf("stored %d answers, want %d", len(got.Answers), writers*each)
	}
	for w := 0; w < writers; w++ {
		for i := 0; i < each; i++ {
			item := fmt.Sprintf("w%d-i%02d", w, i)
			if a := got.Answers[item]; a.Value != i%5+1 || a.Note != fmt.Sprintf("w%d i%d", w, i) {
				t.Errorf("answer %s = %+v", item, a)
			}
		}
	}
	if sum := summaryOf(t, s, id); sum.Answered != writers*each {
		t.Errorf("listed %d answered, want %d", sum.Answered, writers*each)
	}
}

// lateLogger panics on the last thing bolt.Open does, once the file is
// locked and mapped: a stand-in for a panic deep in bbolt's open.
type lateLogger struct{ bolt.DefaultLogger }

func (l *lateLogger) Infof(format string, v ...any) {
	if strings.Contains(format, "successfully") {
		panic("injected panic at the end of bolt.Open")
	}
}

// A panic inside bolt.Open becomes a DamagedError, and the lock that
// bolt.Open took is released: otherwise every later call in this process
// (and every other cxo) would find the file busy.
func TestPanicInOpenReleasesTheLock(t *testing.T) {
	path := dbPath(t)
	if err := New(path, "").Create(newAssessment(t, testBank(t), "20261123-170811-a3f")); err != nil {
		t.Fatal(err)
	}
	logger := &lateLogger{bolt.DefaultLogger{Logger: log.New(io.Discard, "", 0)}}
	db, err := openRecovered(path, &bolt.Options{Timeout: time.Second, Logger: logger})
	var d *DamagedError
	if db != nil || !errors.As(err, &d) || d.Path != path {
		t.Fatalf("openRecovered after a panic = %v, %v; want a *DamagedError for %s", db, err, path)
	}
	db, err = bolt.Open(path, 0o600, &bolt.Options{Timeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatalf("the file is still locked after the panic: %v", err)
	}
	db.Close()
}
