package ui

import (
	"strings"
	"testing"

	"github.com/cxo-dev/cxo/model"
)

// The review, the quality panel and the question header count the same
// way: answered never includes not applicable, and nothing says "~1 min
// left" with every item answered. Flags and groups are named in words.
func TestScreensCountOneWay(t *testing.T) {
	d := newDriver(t, testStore(t), Start{Theme: "dark"}, 120, 40)
	a, _ := finishedAssessment(t, "20261102-093000-abc", 0)
	na := -1
	for i, id := range a.Order {
		if it, _ := d.app.bank.Item(id); it.NA {
			a.Answers[id] = model.Answer{NA: true}
			na = i
			break
		}
	}
	if na < 0 {
		t.Skip("no item takes not applicable")
	}
	res := model.Compute(d.app.bank, a)
	res.Flags = []model.Flag{{Code: "fast", Message: "m", Items: []string{a.Order[0]}}}
	d.send(resultLoadedMsg{a: a, res: res})
	want := a.Tally()
	d.keys("4")
	scr := d.screen()
	if !strings.Contains(scr, want.Words()) {
		t.Errorf("the quality panel does not count as %q:\n%s", want.Words(), scr)
	}
	if strings.Contains(scr, "  fast\n") || !strings.Contains(scr, model.FlagTitle("fast")) {
		t.Errorf("the flag is named by its code:\n%s", scr)
	}
	d.keys("2")
	if strings.Contains(d.screen(), "CTO areas") {
		t.Errorf("a group is named for one role:\n%s", d.screen())
	}
	d.keys("v")
	scr = d.screen()
	if !strings.Contains(scr, want.Progress()) || strings.Contains(scr, itoa(want.Total)+" of "+itoa(want.Total)+" answered") {
		t.Errorf("the review does not count as %q:\n%s", want.Progress(), scr)
	}
	d.keys("o", "enter")
	if d.app.state != stateQuestion || strings.Contains(d.screen(), "min left") || !strings.Contains(d.screen(), "all answered") {
		t.Errorf("the header of a fully answered assessment:\n%s", d.screen())
	}
}
