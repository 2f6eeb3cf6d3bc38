package model_test

import (
	"strings"
	"testing"
	"time"

	"github.com/cxo-dev/cxo/assets"
	"github.com/cxo-dev/cxo/model"
)

// One count everywhere: answered never includes not applicable.
func TestTallyKeepsNotApplicableApart(t *testing.T) {
	a := &model.Assessment{Order: []string{"a", "b", "c", "d", "e"}, Answers: map[string]model.Answer{
		"a": {Value: 3}, "b": {NA: true}, "c": {Skipped: true}, "d": {Value: 1}}}
	got := a.Tally()
	if got != (model.Tally{Answered: 2, NA: 1, Skipped: 1, Open: 1, Total: 5}) {
		t.Fatalf("Tally = %+v", got)
	}
	if p := got.Progress(); p != "2 answered and 1 not applicable of 5" {
		t.Errorf("Progress = %q", p)
	}
	if w := got.Words(); w != "2 answered · 1 not applicable · 1 skipped · 1 open · 5 items" {
		t.Errorf("Words = %q", w)
	}
}

// The Markdown puts the CTO on the left as the screens do, names flags
// and groups in words, keeps the expected level and the grouping, and an
// unfinished export does not offer a plan for gaps it never measured.
func TestMarkdownSpeaksOneVocabulary(t *testing.T) {
	b, a := fixedAssessment(t)
	md := model.Markdown(b, model.BuildReport(b, a, model.Compute(b, a)))
	for _, bad := range []string{"**contradiction**", "**fast**", "**longstring**", "CTO areas", "| Facet | CIO side |", "-100 (CIO) to +100 (CTO)"} {
		if strings.Contains(md, bad) {
			t.Errorf("the Markdown says %q", bad)
		}
	}
	for _, want := range []string{"| Facet | CTO side |", "### Operational skills", "| Expected |", "CTO +100 to CIO -100"} {
		if !strings.Contains(md, want) {
			t.Errorf("the Markdown lacks %q", want)
		}
	}
	if strings.Contains(md, "centres on ") {
		for _, l := range strings.Split(md, "\n") {
			if i := strings.Index(l, "centres on "); i >= 0 && l[i+len("centres on "):][0] >= 'A' && l[i+len("centres on "):][0] <= 'Z' && l[i+len("centres on ")+1:][0] > 'Z' {
				t.Errorf("a capital mid-sentence: %q", l)
			}
		}
	}

	bank, _ := assets.DefaultBank()
	empty := model.NewAssessment(bank, "20261102-093000-abd", time.Date(2026, 11, 2, 9, 30, 0, 0, time.UTC), model.LengthQuick, "")
	rep := model.BuildReport(bank, empty, model.Compute(bank, empty))
	rep.Plan = nil // as a result with nothing rated and no step to take
	md = model.Markdown(bank, rep)
	if strings.Contains(md, "No gaps, so no plan") || !strings.Contains(md, "No plan yet") {
		t.Errorf("an unfinished, unrated export contradicts itself:\n%s", md)
	}
}

// The JSON names the scale of each kind of number.
func TestJSONLabelsItsScales(t *testing.T) {
	b, a := fixedAssessment(t)
	rep := model.BuildReport(b, a, model.Compute(b, a))
	for _, k := range []string{"lean", "facets", "readiness", "foundations", "affinities", "moved_most", "peers"} {
		if rep.Scales[k] == "" {
			t.Errorf("no scale for %s", k)
		}
	}
	if !strings.Contains(string(model.JSON(rep)), `"scales"`) {
		t.Error("the JSON has no scales")
	}
	for _, f := range rep.Flags {
		if f.Title == "" || f.Title == f.Code {
			t.Errorf("flag %s has no title", f.Code)
		}
	}
}
