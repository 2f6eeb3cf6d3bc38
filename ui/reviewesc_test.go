package ui

import (
	"testing"
)

// esc on an item picked in the review goes back to the review, on the
// item picked; an item reached any other way still goes home.
func TestEscFromPickedItemReturnsToReview(t *testing.T) {
	f := flowFixture{t: t, b: testBank(t), built: map[string]string{}}
	d := newDriver(t, f.unfinished(1, 1), Start{Theme: "dark"}, 100, 30)
	d.keys("r", "v", "down", "down")
	if d.app.state != stateReview {
		t.Fatalf("on the %s screen, want review", stateNames[d.app.state])
	}
	picked := d.app.review.cursor
	d.keys("enter")
	if d.app.state != stateQuestion || d.app.question.index != picked {
		t.Fatalf("enter opened the %s screen at %d, want question %d", stateNames[d.app.state], d.app.question.index, picked)
	}
	d.keys("esc")
	if d.app.state != stateReview || d.app.review.cursor != picked {
		t.Fatalf("esc on a picked item led to the %s screen (cursor %d), want the review on %d", stateNames[d.app.state], d.app.review.cursor, picked)
	}
	d.keys("esc") // the review goes back to the saved item
	d.keys("esc")
	if d.app.state != stateHome {
		t.Errorf("esc on an item reached from the review's back led to %s, want home", stateNames[d.app.state])
	}
}
