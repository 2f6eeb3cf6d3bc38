package store

import (
	"testing"
	"time"

	"github.com/cxo-dev/cxo/model"
)

// The result exported without an id, and shown as the last result, is the
// one finished last, not the one started last: start A, start B, finish B,
// then finish A, and A is the newest finished.
func TestNewestFinishedIsTheOneFinishedLast(t *testing.T) {
	day := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	list := []Summary{ // newest start first, as List gives them
		{ID: "b", Started: day.Add(time.Minute), Status: model.StatusFinished, Finished: day.Add(10 * time.Minute)},
		{ID: "a", Started: day, Status: model.StatusFinished, Finished: day.Add(20 * time.Minute)},
		{ID: "c", Started: day.Add(-time.Hour), Status: model.StatusInProgress},
	}
	if got, ok := Newest(list, true); !ok || got.ID != "a" {
		t.Errorf("newest finished = %q, %v; want a (finished last)", got.ID, ok)
	}
	if got, ok := Newest(list, false); !ok || got.ID != "c" {
		t.Errorf("newest unfinished = %q, %v; want c", got.ID, ok)
	}
	// Equal finish times keep list order.
	list[1].Finished = list[0].Finished
	if got, _ := Newest(list, true); got.ID != "b" {
		t.Errorf("tie: newest finished = %q, want b (list order)", got.ID)
	}
	if _, ok := Newest(list[2:], true); ok {
		t.Error("a list with nothing finished has no newest finished")
	}
}
