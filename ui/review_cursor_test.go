package ui

import (
	"testing"
	"time"

	"github.com/cxo-dev/cxo/model"
)

// Answering the last open item picked in the review returns to the review
// on that item, not on the first one.
func TestReviewKeepsItsPlaceWhenNothingIsLeftOpen(t *testing.T) {
	s := testStore(t)
	b := testBank(t)
	a := model.NewAssessment(b, "20261201-090000-rev", time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC), model.LengthQuick, "")
	if err := s.Create(a); err != nil {
		t.Fatal(err)
	}
	open := 5
	for i, id := range a.Order {
		if i != open {
			if err := s.SaveAnswer(a.ID, id, model.Answer{Value: 1, Took: time.Second}, i+1); err != nil {
				t.Fatal(err)
			}
		}
	}
	d := newDriver(t, s, Start{Action: ActionResume, ResumeID: a.ID}, 100, 30)
	d.keys("v")
	if d.app.state != stateReview || d.app.review.cursor != open {
		t.Fatalf("review: state %v cursor %d, want the review on item %d", d.app.state, d.app.review.cursor, open)
	}
	d.keys("enter", "2")
	if d.app.state != stateReview || d.app.review.cursor != open {
		t.Errorf("after answering the picked item: state %v cursor %d, want the review on item %d", d.app.state, d.app.review.cursor, open)
	}
}
