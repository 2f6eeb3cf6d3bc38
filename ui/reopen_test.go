package ui

import (
	"strings"
	"testing"

	"github.com/cxo-dev/cxo/model"
)

// reviewAFinished stores a finished assessment, opens its result, opens
// the review and changes the first answer.
func reviewAFinished(t *testing.T) (*driver, *model.Assessment) {
	t.Helper()
	s := testStore(t)
	a, _ := finishedAssessment(t, "20261102-093000-abc", 0)
	res := storeFinished(t, s, a)
	d := newDriver(t, s, Start{Theme: "dark"}, 100, 30)
	d.send(resultLoadedMsg{a: a, res: res})
	d.keys("v")
	if d.app.state != stateReview {
		t.Fatalf("v did not open the review (state %v)", d.app.state)
	}
	d.keys("up", "up", "up", "enter")
	it, _ := d.app.bank.Item(a.Order[d.app.question.index])
	old := a.Answers[it.ID].Value
	d.keys(itoa(old%it.Levels() + 1)) // another answer
	if d.app.state != stateReview {
		t.Fatalf("after the changed answer: state %v, want the review", d.app.state)
	}
	return d, a
}

func listed(t *testing.T, d *driver, id string) (status model.Status, lean string) {
	t.Helper()
	list, _, err := d.app.store.List()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range list {
		if s.ID == id {
			return s.Status, s.Lean
		}
	}
	t.Fatalf("%s not listed", id)
	return
}

// Leaving the review after a changed answer asks: enter finishes again.
func TestChangedAnswerAsksToFinishAgain(t *testing.T) {
	d, a := reviewAFinished(t)
	d.keys("esc")
	if d.app.state != stateReview || !strings.Contains(d.screen(), "enter: finish again") {
		t.Fatalf("esc after a change did not ask (state %v):\n%s", d.app.state, d.screen())
	}
	if !strings.Contains(d.screen(), "keep it open") {
		t.Errorf("the help line does not offer esc keep it open:\n%s", d.screen())
	}
	d.keys("q") // neither answer: nothing happens but quitting is the root's
	d.quit = false
	d.keys("enter")
	if d.app.state != stateResults {
		t.Fatalf("enter did not finish again (state %v)", d.app.state)
	}
	if st, _ := listed(t, d, a.ID); st != model.StatusFinished {
		t.Errorf("finished again, but stored as %q", st)
	}
	d.keys("v", "esc") // no change since: esc goes back without asking
	if d.app.state != stateResults {
		t.Errorf("esc on an unchanged review: state %v, want the results", d.app.state)
	}
}

// esc keeps it open: in progress, its last result still in the history.
func TestChangedAnswerKeptOpenKeepsTheLastResult(t *testing.T) {
	d, a := reviewAFinished(t)
	d.keys("esc", "esc")
	if d.app.state == stateReview || d.app.state == stateResults {
		t.Fatalf("keep open: state %v, want the saved item", d.app.state)
	}
	st, lean := listed(t, d, a.ID)
	if st != model.StatusInProgress || lean == "" {
		t.Errorf("kept open: stored %q with lean %q, want in progress with the last result's lean", st, lean)
	}
	d.run(d.app.apply(intent{ev: evBack}))
	d.keys("h")
	if !strings.Contains(d.screen(), "last result") {
		t.Errorf("the history does not show the last result of the reopened assessment:\n%s", d.screen())
	}
}
