package store

import (
	"errors"
	"testing"
	"time"

	"github.com/cxo-dev/cxo/model"
)

// Waiting hears how long a call has waited for a held file and can stop
// the wait; by default a call waits up to 60 s.
func TestWaitingHookHearsAndStops(t *testing.T) {
	if s := New("x", ""); s.LockWait*time.Duration(s.Attempts) != time.Minute {
		t.Errorf("default wait %v×%d, want 60 s", s.LockWait, s.Attempts)
	}
	bank := testBank(t)
	path := dbPath(t)
	s := New(path, "")
	a := newAssessment(t, bank, "20261123-170811-a3f")
	if err := s.Create(a); err != nil {
		t.Fatal(err)
	}
	s.LockWait = 20 * time.Millisecond
	holdFile(t, path, 0)
	var heard []time.Duration
	s.Waiting = func(waited time.Duration) bool {
		heard = append(heard, waited)
		return len(heard) < 3
	}
	err := s.SaveAnswer(a.ID, a.Order[0], model.Answer{Value: 2}, 1)
	var busy *BusyError
	if !errors.As(err, &busy) {
		t.Fatalf("SaveAnswer on a held file = %v, want *BusyError", err)
	}
	if want := []time.Duration{20 * time.Millisecond, 40 * time.Millisecond, 60 * time.Millisecond}; len(heard) != 3 || heard[0] != want[0] || heard[2] != want[2] {
		t.Errorf("Waiting heard %v, want %v and then a stop", heard, want)
	}
}
