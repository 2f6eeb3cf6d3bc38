package ui

import (
	"bufio"
	"strings"
	"testing"

	"github.com/cxo-dev/cxo/model"
)

// o answers "no opportunity yet" on a readiness rating, in the TUI: the
// answer is stored as such (not a value, not "not applicable"), and on an
// item that is not a rating it is refused with a reason.
func TestNoOpportunityKeyInTheTUI(t *testing.T) {
	s := testStore(t)
	d := newDriver(t, s, Start{Action: "new", Length: model.LengthFull}, 80, 24)
	d.keys("enter")
	a := d.app.a
	if it := d.app.question.item(&d.app.session); it.OffersNoOpportunity() {
		t.Fatalf("the first item %s is a rating; the lean comes first", it.ID)
	}
	d.keys("o")
	if a.Answers[a.Order[0]].Given() || !strings.Contains(d.screen(), "no opportunity yet") {
		t.Fatalf("o on a lean item: %+v\n%s", a.Answers[a.Order[0]], d.screen())
	}
	for i, id := range a.Order {
		it, _ := d.app.bank.Item(id)
		if !it.OffersNoOpportunity() {
			continue
		}
		d.app.question.open(&d.app.session, i)
		d.app.state = stateQuestion
		if !strings.Contains(d.screen(), "o  no opportunity yet") {
			t.Errorf("the rating's screen does not offer o:\n%s", d.screen())
		}
		d.keys("o")
		got := a.Answers[id]
		if !got.NoOpportunity || got.NA || got.Value != 0 || !got.Given() {
			t.Fatalf("o on %s gave %+v", id, got)
		}
		stored, _, err := s.Load(a.ID)
		if err != nil || !stored.Answers[id].NoOpportunity {
			t.Fatalf("not stored: %+v %v", stored.Answers[id], err)
		}
		// Back on the item, the screen says so.
		d.app.question.open(&d.app.session, i)
		if !strings.Contains(d.screen(), "✓ no opportunity yet") {
			t.Errorf("the answered item does not show its answer:\n%s", d.screen())
		}
		return
	}
	t.Fatal("no rating item in the full assessment")
}

// The line mode takes o on a rating and refuses it elsewhere.
func TestNoOpportunityInTheLineMode(t *testing.T) {
	s := testStore(t)
	b := testBank(t)
	// Answer every lean item 2 (an o among them is refused first), then
	// o for the first rating.
	var in strings.Builder
	in.WriteString("o\n")
	lean := 0
	for _, it := range b.Items {
		if f, _ := b.Facet(it.Facet); f.Layer == model.LayerLean && it.Quick {
			lean++
		}
	}
	for i := 0; i < lean; i++ {
		in.WriteString("2\n")
	}
	in.WriteString("o\nq\n")
	var out strings.Builder
	l := &Line{Store: s, Bank: b, In: bufio.NewReader(strings.NewReader(in.String())), Out: &out}
	if err := l.Run(Start{Action: "new", Length: model.LengthQuick}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "\"No opportunity yet\" is for the readiness ratings") || !strings.Contains(out.String(), "o no opportunity yet,") {
		t.Errorf("line mode output:\n%s", out.String())
	}
	list, _, _ := s.List()
	a, _, err := s.Load(list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	got := a.Answers[a.Order[lean]]
	if it, _ := b.Item(a.Order[lean]); !it.OffersNoOpportunity() || !got.NoOpportunity || got.Value != 0 {
		t.Errorf("item %d (%s): %+v, want no opportunity yet", lean+1, it.ID, got)
	}
}

// The results' plan panel lists each "no opportunity yet" under "later"
// as a chance to seek, apart from the gaps.
func TestChancesToSeekOnThePlanPanel(t *testing.T) {
	d := newDriver(t, testStore(t), Start{Theme: "dark"}, 100, 200)
	a, _ := finishedAssessment(t, "20261102-093000-abc", 0)
	b := testBank(t)
	for _, id := range a.Order {
		if it, _ := b.Item(id); it.ID == "budget-3" {
			a.Answers[id] = model.Answer{NoOpportunity: true}
		}
	}
	d.send(resultLoadedMsg{a: a, res: model.Compute(b, a)})
	d.keys("tab", "tab")
	if s := d.screen(); !strings.Contains(s, "Later: chances to seek") || !strings.Contains(s, "• Seek the chance to own part of a technology budget") {
		t.Errorf("plan panel:\n%s", s)
	}
}
