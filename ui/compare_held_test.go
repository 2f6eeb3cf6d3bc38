package ui

import (
	"strings"
	"testing"
)

// A held verdict's lean is provisional: the compare row says so beside the
// numbers instead of reading them as a verdict ("within the bands").
func TestCompareSaysTheLeanWasHeld(t *testing.T) {
	a1, r1 := finishedAssessment(t, "20261001-090000-aaa", 0)
	a2, r2 := finishedAssessment(t, "20261102-090000-bbb", 1)
	r2.Held = true
	d := newDriver(t, testStore(t), Start{Theme: "dark"}, 120, 40)
	d.send(compareLoadedMsg{before: a1, after: a2, a: r1, b: r2})
	var lean string
	for _, l := range strings.Split(ansiStrip(strings.Join(d.app.compare.lines, "\n")), "\n") {
		if f := strings.Fields(l); len(f) > 1 && f[0] == "Lean" && !strings.Contains(l, "CTO +100") { // the row, not its heading
			lean = l
		}
	}
	if !strings.Contains(lean, "held back now") || strings.Contains(lean, "within the bands") || strings.Contains(lean, "changed") {
		t.Errorf("lean row of a held verdict: %q, want it marked held back now", lean)
	}
}
