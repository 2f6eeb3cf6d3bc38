package ui

import (
	"strings"
	"testing"

	"github.com/cxo-dev/cxo/model"
)

// "v" from the quality panel lists the flagged answers only; ] and [ move
// between flagged items in the whole list, o switches between the two.
func TestReviewJumpsBetweenFlaggedItems(t *testing.T) {
	d := newDriver(t, testStore(t), Start{Theme: "dark"}, 100, 40)
	a, res := finishedAssessment(t, "20261102-093000-abc", 0)
	marked := []int{3, 17, 40}
	var ids []string
	for _, i := range marked {
		ids = append(ids, a.Order[i])
	}
	res.Flags = []model.Flag{{Code: "fast", Message: "m", Items: ids}}
	d.send(resultLoadedMsg{a: a, res: res})
	d.keys("4", "v")
	if d.app.state != stateReview {
		t.Fatalf("v did not open the review (state %v)", d.app.state)
	}
	scr := d.screen()
	rows := 0
	for _, l := range strings.Split(scr, "\n") {
		if strings.Contains(l, "✓") {
			rows++
		}
	}
	if !d.app.review.onlyFlagged || d.app.review.cursor != 3 || rows != 3 || !strings.Contains(scr, "1/3") {
		t.Fatalf("the review does not open on the flagged answers only (cursor %d):\n%s", d.app.review.cursor, scr)
	}
	d.keys("down")
	if d.app.review.cursor != 17 {
		t.Errorf("↓ in the flagged-only list: cursor %d, want 17", d.app.review.cursor)
	}
	d.keys("o")
	if d.app.review.onlyFlagged || !strings.Contains(d.screen(), "18/"+itoa(len(a.Order))) {
		t.Fatalf("o did not list every item:\n%s", d.screen())
	}
	for _, want := range []int{40, 3, 17} {
		d.keys("]")
		if d.app.review.cursor != want {
			t.Errorf("]: cursor %d, want %d", d.app.review.cursor, want)
		}
	}
	for _, want := range []int{3, 40} {
		d.keys("[")
		if d.app.review.cursor != want {
			t.Errorf("[: cursor %d, want %d", d.app.review.cursor, want)
		}
	}
	if !strings.Contains(d.screen(), "] next flagged") {
		t.Errorf("the help line does not offer ]:\n%s", d.screen())
	}
}
