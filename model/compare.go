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
}

// Comparison sets two results side by side.
type Comparison struct {
	Lean      Change // on -100..100
	Facets    []Change
	Readiness []Change // readiness and foundations
}

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
	var c Comparison
	c.Lean = change("lean", "Lean (CIO -100 to CTO +100)",
		Score{Score: a.Lean.Score, Low: a.Lean.Low, High: a.Lean.High, N: a.Lean.N},
		Score{Score: b.Lean.Score, Low: b.Lean.Low, High: b.Lean.High, N: b.Lean.N})
	c.Facets = changes(a.Facets, b.Facets)
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

func change(id, name string, before, after Score) Change {
	c := Change{ID: id, Name: name, Before: before, After: after, Delta: after.Score - before.Score}
	c.Changed = before.N > 0 && after.N > 0 && (after.Low > before.High || after.High < before.Low)
	return c
}
