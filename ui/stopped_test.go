package ui

import (
	"fmt"
	"strings"
	"testing"
)

// Quitting the full-screen program with an assessment open says where it
// stopped and the exact command that goes on; with none open it says
// nothing.
func TestStoppedLineAfterQuit(t *testing.T) {
	s := testStore(t)
	d := newDriver(t, s, Start{}, 80, 24)
	if got := d.app.StoppedLine("cxo"); got != "" {
		t.Errorf("on the home screen: %q, want nothing", got)
	}
	d.keys("n", "enter", "enter", "1") // quick, begin, answer item 1
	d.keys("q")
	want := fmt.Sprintf("Stopped at item 2 of %d; every answer so far is saved. Resume with: cxo --db '/x y.db' resume %s", len(d.app.a.Order), d.app.a.ID)
	if got := d.app.StoppedLine("cxo --db '/x y.db'"); got != want {
		t.Errorf("after q on item 2:\n got %q\nwant %q", got, want)
	}
	// Back on the home screen the assessment is no longer open.
	d = newDriver(t, s, Start{}, 80, 24)
	d.keys("r")
	if !strings.Contains(d.screen(), "item 2 of") {
		t.Fatalf("r did not resume on item 2:\n%s", d.screen())
	}
	d.keys("v")
	if got := d.app.StoppedLine("cxo"); !strings.HasPrefix(got, "Stopped at the review (1 answered of ") {
		t.Errorf("in the review: %q", got)
	}
	d.keys("esc", "esc")
	if got := d.app.StoppedLine("cxo"); got != "" {
		t.Errorf("after esc to home: %q, want nothing", got)
	}
}
