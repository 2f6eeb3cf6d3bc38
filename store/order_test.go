package store

import (
	"testing"
	"time"

	"github.com/cxo-dev/cxo/model"
)

// Three assessments started within one second: their ids share the second
// and differ only in the random suffix, which here runs against the order
// they were started in. List (and so export's and resume's "newest") must
// follow the start time, not the suffix.
func TestListOrdersBySubSecondStart(t *testing.T) {
	b := testBank(t)
	s := New(dbPath(t), "test")
	base := time.Date(2026, 11, 23, 17, 8, 11, 0, time.UTC)
	for _, c := range []struct {
		id string
		ns int
	}{{"20261123-170811-fff", 100}, {"20261123-170811-000", 900_000_000}, {"20261123-170811-777", 500_000_000}} {
		a := model.NewAssessment(b, c.id, base.Add(time.Duration(c.ns)), model.LengthQuick, model.RoleCTO)
		if err := s.Create(a); err != nil {
			t.Fatal(err)
		}
	}
	// A record from before sub-second times: same second, no fraction.
	old := model.NewAssessment(b, "20261123-170810-abc", base.Add(-time.Second), model.LengthQuick, model.RoleCTO)
	if err := s.Create(old); err != nil {
		t.Fatal(err)
	}
	list, _, err := s.List()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, x := range list {
		got = append(got, x.ID)
	}
	want := []string{"20261123-170811-000", "20261123-170811-777", "20261123-170811-fff", "20261123-170810-abc"}
	if len(got) != len(want) {
		t.Fatalf("list %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("list %v, want %v (newest start first)", got, want)
		}
	}
}

// Records that tie on Started (old ones kept whole seconds) order by id,
// the same way on every call.
func TestListTiesFallBackToID(t *testing.T) {
	list := []Summary{{ID: "a", Started: testStart.Truncate(time.Second)}, {ID: "c", Started: testStart.Truncate(time.Second)},
		{ID: "b", Started: testStart.Truncate(time.Second)}, {ID: "z"}}
	sortNewestFirst(list)
	if got := list[0].ID + list[1].ID + list[2].ID + list[3].ID; got != "cbaz" {
		t.Fatalf("order %s, want cbaz", got)
	}
}
