package ui

import (
	"bufio"
	"strings"
	"testing"

	"github.com/cxo-dev/cxo/model"
)

// The line mode shows a finished assessment's kept result, colleagues'
// view included, not today's scoring of it: from cxo --accessible resume
// ID and from the home menu's 4; it stays finished.
func TestLineShowsTheKeptResultOfAFinishedOne(t *testing.T) {
	s := testStore(t)
	a := keptMethod1(t, s, &model.PeerPanel{Responses: 1, Need: 2})
	for _, c := range []struct {
		name, in string
		start    Start
	}{
		{"resume ID", "", Start{Action: ActionResume, ResumeID: a.ID}},
		{"home 4", "4\n", Start{}},
	} {
		var out strings.Builder
		l := &Line{Store: s, Bank: testBank(t), In: bufio.NewReader(strings.NewReader(c.in)), Out: &out, Command: "cxo --db x.db"}
		err := l.Run(c.start)
		got := out.String()
		for _, want := range []string{"Results for " + a.ID, "Scored with method 1", "clear CTO lean", "Colleagues: 1 response imported", "cxo --db x.db export " + a.ID, "It stays finished"} {
			if !strings.Contains(got, want) {
				t.Errorf("%s: %v; lacks %q:\n%s", c.name, err, want, got)
			}
		}
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
		}
		if b, _, err := s.Load(a.ID); err != nil || b.Status != model.StatusFinished {
			t.Fatalf("%s: status after: %v %v", c.name, b.Status, err)
		}
	}
}
