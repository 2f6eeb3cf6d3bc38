package model

import (
	"fmt"
	"strings"
)

// Change is one score in two results. Changed is true only when the bands
// do not overlap: a difference inside the noise of the person's own
// answers is not called a change.
type Change struct {
	ID      string
	Name    string
	Before  Score
	After   Score
	Delta   int
	Changed bool
	// Held is set on the lean when either side's verdict was held back by
	// the quality checks: its numbers are then provisional, never a
	// verdict, and no change between them is claimed. Note says which
	// side, for every place that shows the row.
	Held bool   `json:",omitempty"`
	Note string `json:",omitempty"`
}

// Comparison sets two results side by side.
type Comparison struct {
	Method    int    // the scoring method both sides were read with
	Lean      Change // on -100..100
	Facets    []Change
	Readiness []Change // readiness and foundations
	// Peers is the colleagues' view per area, where both results show it.
	Peers []Change `json:",omitempty"`
	// Scales label each section's numbers, CTO first, for the screen to
	// show beside them: the lean and the facets run on different scales,
	// and a difference on one is not a difference on the other.
	LeanScale, FacetScale, ReadinessScale, PeersScale string
}

// Compare's labels of each section's scale.
const (
	CompareLeanScale      = "CTO +100 to CIO -100"
	CompareFacetScale     = "position: 100 the CTO side, 0 the CIO side (a change of 10 here is 20 on the lean's scale)"
	CompareReadinessScale = "0-100, from your ratings"
	ComparePeersScale     = "0-100, the others' scores"
)

// Compatible reports whether two bank versions measure the same things.
// Versions read "<family>-<revision>"; revisions of a family only reword
// items, so their results compare; another family does not.
func Compatible(a, b string) bool {
	return family(a) == family(b)
}

func family(v string) string {
	if i := strings.LastIndex(v, "-"); i > 0 {
		return v[:i]
	}
	return v
}

// Compare sets result b (later) against a (earlier).
func Compare(a, b Result) (Comparison, error) {
	if !Compatible(a.BankVersion, b.BankVersion) {
		return Comparison{}, fmt.Errorf("these results come from question banks %s and %s, which measure different things; compare results from the same bank", a.BankVersion, b.BankVersion)
	}
	if a.MethodOf() != b.MethodOf() {
		return Comparison{}, fmt.Errorf("these results were scored with methods %d and %d; score both with one method first (OneMethod)", a.MethodOf(), b.MethodOf())
	}
	c := Comparison{Method: a.MethodOf(), LeanScale: CompareLeanScale, FacetScale: CompareFacetScale, ReadinessScale: CompareReadinessScale, PeersScale: ComparePeersScale}
	c.Lean = change("lean", "Lean ("+CompareLeanScale+")", leanScore(a), leanScore(b))
	heldLean(&c.Lean, a.Held, b.Held)
	c.Facets = changes(a.Facets, b.Facets)
	c.Peers = peerChanges(a.Peers, b.Peers)
	c.Readiness = changes(append(append([]Score{}, a.Readiness...), a.Foundations...), append(append([]Score{}, b.Readiness...), b.Foundations...))
	return c, nil
}

func changes(before, after []Score) []Change {
	byID := map[string]Score{}
	for _, s := range before {
		byID[s.ID] = s
	}
	var out []Change
	for _, s := range after {
		if old, ok := byID[s.ID]; ok {
			out = append(out, change(s.ID, s.Name, old, s))
		}
	}
	return out
}

// leanScore is the lean as a Score; with too few trade-off answers for a
// verdict it counts as unanswered, so it can never be called a change.
func leanScore(r Result) Score {
	s := Score{Score: r.Lean.Score, Low: r.Lean.Low, High: r.Lean.High, N: r.Lean.N}
	if r.MethodOf() >= 2 && !r.Lean.Enough {
		s.N = 0
	}
	return s
}

// heldLean marks the lean row when a side's verdict was held back: the
// results screen says "review these answers first" there, so a comparison
// must not read the provisional number as if it were the verdict.
func heldLean(c *Change, before, after bool) {
	if !before && !after {
		return
	}
	c.Held, c.Changed = true, false
	switch {
	case before && after:
		c.Note = "held back both times, so provisional"
	case before:
		c.Note = "held back before, so provisional"
	default:
		c.Note = "held back now, so provisional"
	}
}

// change uses the one band rule of gaps and strengths: a difference counts
// only when the bands clear each other.
func change(id, name string, before, after Score) Change {
	c := Change{ID: id, Name: name, Before: before, After: after, Delta: after.Score - before.Score}
	c.Changed = before.N > 1 && after.N > 1 && clears(after.Low, after.High, before.Low, before.High)
	return c
}

// OneMethod returns two results read with one method: as stored when both
// were made with the same one, otherwise both scored afresh with the
// current method (the stored results stay as they are).
func OneMethod(b *Bank, aa *Assessment, ra Result, ab *Assessment, rb Result) (Result, Result) {
	if ra.MethodOf() == rb.MethodOf() {
		return ra, rb
	}
	return Compute(b, aa), Compute(b, ab)
}
