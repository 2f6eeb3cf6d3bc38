package ui

import (
	"strings"
	"testing"

	"github.com/cxo-dev/cxo/model"
)

// In a scenario with five responses, a-d pick the first four and 5 the
// fifth; e stays the evidence note (it does not pick the fifth, and the
// fifth is labelled without a letter).
func TestLettersPickInAFiveOptionScenario(t *testing.T) {
	s := testStore(t)
	d := newDriver(t, s, Start{Action: "new", Length: model.LengthFull}, 100, 40)
	d.keys("enter")
	a := d.app
	idx := -1
	for i, id := range a.a.Order {
		if it, _ := a.bank.Item(id); it.Format == model.FormatScenario && len(it.Options) == 5 {
			idx = i
			break
		}
	}
	if idx < 0 {
		t.Skip("the bank has no five-option scenario")
	}
	for a.question.index < idx {
		before := a.question.index
		d.keys("right")
		if a.question.index == before { // a section intro: show its first item
			d.keys("enter")
		}
	}
	if a.state != stateQuestion {
		d.keys("enter")
	}
	id := a.a.Order[idx]
	d.keys("b")
	if got := a.a.Answers[id].Value; got != 2 {
		t.Fatalf("b on a five-option scenario stored %d, want 2", got)
	}
	d.keys("left")
	for a.question.index != idx || a.state != stateQuestion {
		d.keys("right")
	}
	d.keys("e")
	if !a.question.noting || a.a.Answers[id].Value != 2 {
		t.Errorf("e: noting=%v answer=%d; want the note open and the answer kept at 2", a.question.noting, a.a.Answers[id].Value)
	}
}

// The full key help offers only what the item on show takes: no "not
// applicable" on an item that refuses it, "no opportunity" only where a
// readiness rating offers it.
func TestFullHelpOffersWhatTheItemTakes(t *testing.T) {
	s := testStore(t)
	d := newDriver(t, s, Start{Action: "new", Length: model.LengthFull}, 100, 40)
	d.keys("enter")
	a := d.app
	for i, id := range a.a.Order {
		it, _ := a.bank.Item(id)
		a.question.index = i
		var names []string
		for _, group := range a.question.keyHelp(&a.session).FullHelp() {
			for _, b := range group {
				names = append(names, b.Help().Desc)
			}
		}
		all := strings.Join(names, "|")
		if got := strings.Contains(all, "not applicable"); got != it.NA {
			t.Errorf("item %s (na %v): full help offers not applicable: %v", id, it.NA, got)
		}
		if got := strings.Contains(all, "no opportunity"); got != it.OffersNoOpportunity() {
			t.Errorf("item %s: full help offers no opportunity: %v, want %v", id, got, it.OffersNoOpportunity())
		}
	}
}
