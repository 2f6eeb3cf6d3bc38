package model

import (
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// withoutItem removes the item block with the id from a bank's YAML.
func withoutItem(t *testing.T, bank, id string) string {
	t.Helper()
	start := strings.Index(bank, "  - id: "+id+"\n")
	if start < 0 {
		t.Fatalf("no item %s", id)
	}
	end := strings.Index(bank[start+1:], "  - id: ")
	if end < 0 {
		return bank[:start]
	}
	return bank[:start] + bank[start+1+end:]
}

const newItems = `  - id: ops-4
    facet: ops
    format: rating
    text: Who owns each recurring job?
    anchors: {1: Nobody., 3: Some have owners., 5: Every one has an owner.}
    guide: g#two
  - id: ld-4
    facet: lead
    format: likert
    text: I make the call when a decision is stuck.
    quick: true
    guide: g#one
`

func sectionIndex(b *Bank, id string) int {
	it, _ := b.Item(id)
	f, _ := b.Facet(it.Facet)
	return slices.Index(Sections, f.Layer)
}

func TestOrder(t *testing.T) {
	b := testBank(t)
	full := Order(b, LengthFull, "20261123-170811-a3f")
	if again := Order(b, LengthFull, "20261123-170811-a3f"); !reflect.DeepEqual(full, again) {
		t.Errorf("order changed for the same id:\n%v\n%v", full, again)
	}
	if other := Order(b, LengthFull, "20261123-170812-0b7"); reflect.DeepEqual(full, other) {
		t.Errorf("two ids gave the same order %v", full)
	}
	// Every item once, sections in order lean -> readiness -> foundation.
	if got, want := slices.Sorted(slices.Values(full)), slices.Sorted(slices.Values(bankOrder(b))); !reflect.DeepEqual(got, want) {
		t.Errorf("full order holds %v, want every item once: %v", got, want)
	}
	var sections []int
	for _, id := range full {
		sections = append(sections, sectionIndex(b, id))
	}
	if !slices.IsSorted(sections) {
		t.Errorf("sections out of order: %v (%v)", sections, full)
	}
	if want := []int{0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2}; !reflect.DeepEqual(sections, want) {
		t.Errorf("sections %v, want %v", sections, want)
	}
	// Shuffled within sections: over a few ids, not always bank order.
	shuffled := false
	for _, id := range []string{"a", "b", "c", "d"} {
		if !reflect.DeepEqual(Order(b, LengthFull, id), bankOrder(b)) {
			shuffled = true
		}
	}
	if !shuffled {
		t.Errorf("order is never shuffled")
	}

	quick := Order(b, LengthQuick, "20261123-170811-a3f")
	wantQuick := []string{"b-choice-1", "b-like-1", "ax-1", "ld-1", "ld-2", "ops-1"}
	if got := slices.Sorted(slices.Values(quick)); !reflect.DeepEqual(got, slices.Sorted(slices.Values(wantQuick))) {
		t.Errorf("quick order %v, want exactly the quick items %v", quick, wantQuick)
	}
	for i := 1; i < len(quick); i++ {
		if sectionIndex(b, quick[i-1]) > sectionIndex(b, quick[i]) {
			t.Errorf("quick order sections out of order: %v", quick)
		}
	}
}

func TestNewAssessment(t *testing.T) {
	b := testBank(t)
	a := NewAssessment(b, "x1", t0, LengthQuick, RoleCIO)
	if a.ID != "x1" || !a.Started.Equal(t0) || a.Length != LengthQuick || a.Target != RoleCIO ||
		a.BankVersion != "test-1" || a.Status != StatusInProgress || a.Cursor != 0 || a.Answers == nil || len(a.Answers) != 0 {
		t.Errorf("NewAssessment = %+v", a)
	}
	if !reflect.DeepEqual(a.Order, Order(b, LengthQuick, "x1")) {
		t.Errorf("order %v, want Order(quick, x1)", a.Order)
	}
}

func TestEstimate(t *testing.T) {
	b := testBank(t)
	// Each item takes its own reading time: its words at 5 a second, and
	// 2 seconds to choose.
	var full, quick time.Duration
	for _, it := range b.Items {
		full += ExpectedTime(it)
		if it.Quick {
			quick += ExpectedTime(it)
		}
	}
	if n, d := Estimate(b, LengthFull); n != 14 || d != full {
		t.Errorf("full estimate %d items %v, want 14 and %v", n, d, full)
	}
	if n, d := Estimate(b, LengthQuick); n != 6 || d != quick {
		t.Errorf("quick estimate %d items %v, want 6 and %v", n, d, quick)
	}
	// A 10-word statement: 2 s of reading, 2 s to choose.
	it := Item{Format: FormatLikert, Text: "one two three four five six seven eight nine ten"}
	if d := ExpectedTime(it); d != 4*time.Second {
		t.Errorf("a 10-word statement takes %v, want 4s", d)
	}
	// Options and level descriptions are read too.
	it.Options = []Option{{Text: "one two three four"}}
	it.Anchors = map[int]string{1: "one two three four one"}
	if d := ExpectedTime(it); d != 5800*time.Millisecond {
		t.Errorf("with 9 more words %v, want 5.8s", d)
	}
}

func TestProgressRemainingFirstOpen(t *testing.T) {
	b := testBank(t)
	a := NewAssessment(b, "p", t0, LengthFull, "")
	_, all := Estimate(b, LengthFull)
	if n, total := a.Progress(); n != 0 || total != 14 || a.FirstOpen() != 0 || a.Remaining(b) != all {
		t.Fatalf("fresh: progress %d/%d first open %d remaining %v", n, total, a.FirstOpen(), a.Remaining(b))
	}
	a.Answers[a.Order[0]] = v(3)
	a.Answers[a.Order[1]] = Answer{NA: true}
	a.Answers[a.Order[2]] = Answer{Skipped: true}
	a.Answers[a.Order[3]] = v(1)
	if n, _ := a.Progress(); n != 3 {
		t.Errorf("progress %d, want 3 (value, n/a and value; not the skip)", n)
	}
	if a.FirstOpen() != 2 {
		t.Errorf("first open %d, want 2 (the skipped item)", a.FirstOpen())
	}
	left := all
	for _, id := range []string{a.Order[0], a.Order[1], a.Order[3]} {
		it, _ := b.Item(id)
		left -= ExpectedTime(it)
	}
	if a.Remaining(b) != left {
		t.Errorf("remaining %v, want %v (the 11 open items' own times)", a.Remaining(b), left)
	}
	for _, id := range a.Order {
		a.Answers[id] = v(2)
	}
	if a.FirstOpen() != 14 || a.Remaining(b) != 0 {
		t.Errorf("all answered: first open %d remaining %v, want 14 and 0", a.FirstOpen(), a.Remaining(b))
	}
}

func TestSectionOf(t *testing.T) {
	b := testBank(t)
	a := NewAssessment(b, "s", t0, LengthFull, "")
	for i, want := range []Layer{LayerLean, LayerLean, LayerLean, LayerLean, LayerLean, LayerLean,
		LayerReadiness, LayerReadiness, LayerReadiness, LayerReadiness, LayerReadiness,
		LayerFoundation, LayerFoundation, LayerFoundation} {
		if got := a.SectionOf(b, i); got != want {
			t.Errorf("SectionOf(%d) = %q, want %q", i, got, want)
		}
	}
	if a.SectionOf(b, -1) != "" || a.SectionOf(b, 14) != "" {
		t.Errorf("SectionOf out of range is not empty")
	}
}

func TestAnswerGiven(t *testing.T) {
	cases := []struct {
		a    Answer
		want bool
	}{
		{Answer{}, false},
		{v(1), true},
		{Answer{NA: true}, true},
		{Answer{Skipped: true}, false},
		{Answer{Skipped: true, Value: 4}, false},
		{Answer{Note: "a note alone is not an answer"}, false},
	}
	for _, c := range cases {
		if got := c.a.Given(); got != c.want {
			t.Errorf("%+v.Given() = %v, want %v", c.a, got, c.want)
		}
	}
}

func TestNewID(t *testing.T) {
	at := time.Date(2026, 11, 23, 18, 8, 11, 0, time.FixedZone("CET", 3600))
	id := NewID(at)
	if !regexp.MustCompile(`^20261123-170811-[0-9a-f]{3}$`).MatchString(id) {
		t.Errorf("NewID = %q, want 20261123-170811-xxx (UTC)", id)
	}
}

func TestParseRole(t *testing.T) {
	cases := []struct {
		in   string
		want Role
		ok   bool
	}{
		{"", "", true},
		{"cto", RoleCTO, true},
		{"CTO", RoleCTO, true},
		{"Cto", RoleCTO, true},
		{"cio", RoleCIO, true},
		{"CIO", RoleCIO, true},
		{"cIo", RoleCIO, true},
		{"ceo", "", false},
		{" cto", "", false},
	}
	for _, c := range cases {
		got, ok := ParseRole(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("ParseRole(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
		}
	}
	if RoleCTO.Upper() != "CTO" || RoleCIO.Upper() != "CIO" || Role("").Upper() != "" {
		t.Errorf("Upper: %q %q %q", RoleCTO.Upper(), RoleCIO.Upper(), Role("").Upper())
	}
}

// The bank changed under a stored assessment: ops-2 is gone, ops-4 (full
// only) and ld-4 (quick) are new.
func TestBankChange(t *testing.T) {
	v1 := testBank(t)
	v2 := load(t, withoutItem(t, testBankYAML, "ops-2")+newItems, "")
	if _, ok := v2.Item("ops-2"); ok {
		t.Fatal("ops-2 still in the changed bank")
	}

	start := func() *Assessment {
		a := NewAssessment(v1, "20261123-170811-a3f", t0, LengthFull, "")
		for _, id := range a.Order {
			if id != "ld-3" {
				it, _ := v1.Item(id)
				a.Answers[id], _ = sided(v1, true)(it)
			}
		}
		a.Answers["ops-2"] = v(1) // would pull ops down if it still counted
		a.Cursor = slices.Index(a.Order, "ld-3")
		return a
	}

	t.Run("computes before reconciling", func(t *testing.T) {
		a := start()
		r := Compute(v2, a)
		if r.Unscored != 1 {
			t.Errorf("Unscored %d, want 1", r.Unscored)
		}
		if r.Total != 13 || r.Answered != 12 || r.Skipped != 1 || r.Answered+r.Skipped+r.NA != r.Total {
			t.Errorf("counts answered %d skipped %d na %d total %d, want 12 1 0 13", r.Answered, r.Skipped, r.NA, r.Total)
		}
		if ops := scoreOf(t, r.Readiness, "ops"); ops.N != 2 || ops.Score != 75 {
			t.Errorf("ops %+v, want N=2 score 75 (ops-2 not scored)", ops)
		}
		if _, ok := a.Answers["ops-2"]; !ok {
			t.Errorf("the lost answer was dropped from the assessment")
		}
		// Same result as if the lost answer had never been given.
		b := start()
		delete(b.Answers, "ops-2")
		want := Compute(v2, b)
		want.Unscored = 1
		if !reflect.DeepEqual(r, want) {
			t.Errorf("lost answer changed the result:\n got %+v\nwant %+v", r, want)
		}
	})

	t.Run("reconcile", func(t *testing.T) {
		a := start()
		before := append([]string{}, a.Order...)
		if !a.Reconcile(v2) {
			t.Fatal("Reconcile reported no change")
		}
		if slices.Contains(a.Order, "ops-2") {
			t.Errorf("ops-2 still in the order %v", a.Order)
		}
		if _, ok := a.Answers["ops-2"]; !ok {
			t.Errorf("Reconcile dropped the stored answer to ops-2")
		}
		// Kept items keep their relative order; each new item joins the end
		// of its section.
		var kept []string
		for _, id := range before {
			if id != "ops-2" {
				kept = append(kept, id)
			}
		}
		want := slices.Insert(slices.Clone(kept), slices.Index(kept, firstOf(v1, kept, LayerFoundation)), "ops-4")
		want = append(want, "ld-4")
		if !reflect.DeepEqual(a.Order, want) {
			t.Errorf("order\n got %v\nwant %v", a.Order, want)
		}
		if a.Order[a.Cursor] != "ld-3" {
			t.Errorf("cursor on %s, want ld-3", a.Order[a.Cursor])
		}
		if a.Reconcile(v2) {
			t.Errorf("second Reconcile reported a change")
		}
		r := Compute(v2, a)
		if r.Total != 15 || r.Skipped != 3 || r.Unscored != 1 {
			t.Errorf("after reconcile total %d skipped %d unscored %d, want 15 3 1", r.Total, r.Skipped, r.Unscored)
		}
	})

	t.Run("cursor on a removed item moves to the first open one", func(t *testing.T) {
		a := start()
		delete(a.Answers, "ops-2")
		a.Cursor = slices.Index(a.Order, "ops-2")
		a.Reconcile(v2)
		if a.Cursor != a.FirstOpen() || a.Order[a.Cursor] != "ops-4" {
			t.Errorf("cursor %d (%s), want the first open item ops-4", a.Cursor, a.Order[a.Cursor])
		}
	})

	t.Run("cursor past the end", func(t *testing.T) {
		a := start()
		a.Answers["ld-3"] = v(4)
		a.Cursor = len(a.Order)
		a.Reconcile(v2)
		if a.Order[a.Cursor] != "ops-4" {
			t.Errorf("cursor %d, want the new open item ops-4", a.Cursor)
		}
	})

	t.Run("quick assessments take only new quick items", func(t *testing.T) {
		a := NewAssessment(v1, "q", t0, LengthQuick, "")
		if !a.Reconcile(v2) {
			t.Fatal("no change reported")
		}
		if slices.Contains(a.Order, "ops-4") || a.Order[len(a.Order)-1] != "ld-4" || len(a.Order) != 7 {
			t.Errorf("quick order %v, want the six quick items then ld-4", a.Order)
		}
	})

	t.Run("an answered item that comes back is scored again", func(t *testing.T) {
		a := start()
		a.Reconcile(v2)
		a.Reconcile(v1) // back to the first bank: ops-2 returns
		if !slices.Contains(a.Order, "ops-2") {
			t.Fatalf("ops-2 did not come back: %v", a.Order)
		}
		if ops := scoreOf(t, Compute(v1, a).Readiness, "ops"); ops.N != 3 {
			t.Errorf("ops N=%d, want 3", ops.N)
		}
		if a.Order[a.Cursor] != "ld-3" {
			t.Errorf("cursor on %s, want ld-3", a.Order[a.Cursor])
		}
	})

	t.Run("unchanged bank", func(t *testing.T) {
		a := start()
		order := slices.Clone(a.Order)
		if a.Reconcile(v1) || !reflect.DeepEqual(a.Order, order) {
			t.Errorf("Reconcile against the same bank changed the order")
		}
	})
}

func firstOf(b *Bank, order []string, l Layer) string {
	for _, id := range order {
		it, _ := b.Item(id)
		if f, _ := b.Facet(it.Facet); f.Layer == l {
			return id
		}
	}
	return ""
}

// Another revision of the same bank carries an assessment on (and it takes
// the revision's version); another family is refused, naming both.
func TestCheckBankAndRevisions(t *testing.T) {
	v1 := testBank(t)
	a := NewAssessment(v1, "20261123-170811-a3f", t0, LengthFull, "")
	revision := load(t, strings.Replace(testBankYAML, `version: "test-1"`, `version: "test-2"`, 1), "")
	other := load(t, strings.Replace(testBankYAML, `version: "test-1"`, `version: "other-1"`, 1), "")
	if err := a.CheckBank(revision); err != nil {
		t.Errorf("a revision of the same bank was refused: %v", err)
	}
	if !a.Reconcile(revision) || a.BankVersion != "test-2" {
		t.Errorf("after reconciling with a revision: version %q", a.BankVersion)
	}
	if a.Reconcile(revision) {
		t.Error("a second reconcile reported a change")
	}
	err := a.CheckBank(other)
	if err == nil || !strings.Contains(err.Error(), "test-2") || !strings.Contains(err.Error(), "other-1") {
		t.Errorf("another family: %v", err)
	}
}
