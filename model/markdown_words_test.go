package model

import (
	"strings"
	"testing"
)

// The export of an assessment in progress with one trade-off answer reads
// "1 trade-off answer", and every reason it prints is a sentence with its
// full stop, also one stored without it by an earlier cxo.
func TestMarkdownInProgressWordsAndFullStops(t *testing.T) {
	b := testBank(t)
	first := true
	a := assess(b, nil, func(it Item) (Answer, bool) {
		if f, _ := b.Facet(it.Facet); f.Layer != LayerLean || it.Format == FormatLikert || !first {
			return Answer{}, false
		}
		first = false
		return Answer{Value: 1}, true
	})
	r := Compute(b, a)
	r.Plan = append(r.Plan, PlanStep{Name: "Gather evidence", Actions: []string{"Answer more."}, Why: "no gap is certain yet, and better evidence would make the result worth more"})
	md := Markdown(b, BuildReport(b, a, r))
	if r.Lean.N != 1 || !strings.Contains(md, "1 trade-off answer given") {
		t.Errorf("lean N %d; export:\n%s", r.Lean.N, md)
	}
	if !strings.Contains(md, "No gap is certain yet, and better evidence would make the result worth more.\n") {
		t.Errorf("the plan's reason lacks its full stop:\n%s", md)
	}
	for _, why := range []string{"a.", "b", "c?", ""} {
		if got := Sentence(why); got != map[string]string{"a.": "a.", "b": "b.", "c?": "c?", "": ""}[why] {
			t.Errorf("Sentence(%q) = %q", why, got)
		}
	}
}
