package ui

import (
	"strings"
	"testing"
)

// Compare reads the list again when the one it holds shows nothing to
// compare with: another cxo may have finished one while the results were
// on show.
func TestCompareReadsTheListAgain(t *testing.T) {
	s := testStore(t)
	a, _ := finishedAssessment(t, "20261102-093000-abc", 0)
	res := storeFinished(t, s, a)
	d := newDriver(t, s, Start{Theme: "dark"}, 100, 30)
	d.send(resultLoadedMsg{a: a, res: res})
	if d.app.state != stateResults {
		t.Fatalf("state %v, want the results", d.app.state)
	}
	// Another process finishes a second one now.
	b, _ := finishedAssessment(t, "20261103-093000-def", 1)
	storeFinished(t, s, b)
	d.keys("c")
	if d.app.state != stateHistory || strings.Contains(d.app.status, "nothing to compare") {
		t.Errorf("c after another finished: state %v, status %q; want the picker", d.app.state, d.app.status)
	}
}
