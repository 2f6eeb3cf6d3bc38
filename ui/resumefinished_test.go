package ui

import (
	"bufio"
	"strings"
	"testing"

	"github.com/cxo-dev/cxo/model"
)

// Resuming a finished assessment says it is finished and shows its kept
// result, in line mode (exit 0, the export command named) and full screen
// (the result screen); its status never changes.
func TestResumeFinishedSaysSo(t *testing.T) {
	f := flowFixture{t: t, b: testBank(t), built: map[string]string{}}
	s, id := f.finished()
	var out strings.Builder
	l := &Line{Store: s, Bank: f.b, In: bufio.NewReader(strings.NewReader("1\n1\n")), Out: &out, Command: "cxo --db x.db"}
	err := l.Run(Start{Action: ActionResume, ResumeID: id})
	got := out.String()
	if err != nil || !strings.Contains(got, "is finished, so there is nothing to resume") || !strings.Contains(got, "cxo --db x.db export "+id) ||
		!strings.Contains(got, "Results for "+id) || !strings.Contains(got, "It stays finished") {
		t.Errorf("line mode resume of a finished one: %v\n%s", err, got)
	}
	if strings.Contains(got, "Resuming") || strings.Contains(got, "Item ") {
		t.Errorf("line mode went on with a finished assessment:\n%s", got)
	}
	if a, _, err := s.Load(id); err != nil || a.Status != model.StatusFinished {
		t.Fatalf("status after: %v %v", a, err)
	}

	d := newDriver(t, s, Start{Theme: "dark", Action: ActionResume, ResumeID: id}, 100, 30)
	if d.app.state != stateResults || !strings.Contains(d.app.status, "finished, so there is nothing to resume") {
		t.Errorf("full screen: %s screen, status %q", stateNames[d.app.state], d.app.status)
	}
	// Opened from the history it is just shown.
	d = newDriver(t, s, Start{Theme: "dark"}, 100, 30)
	d.keys("h", "enter")
	if d.app.state != stateResults || strings.Contains(d.app.status, "nothing to resume") {
		t.Errorf("from the history: %s screen, status %q", stateNames[d.app.state], d.app.status)
	}
}
