package model

import (
	"strings"
	"testing"
	"time"
)

// A result without gaps never says every area meets its level while an
// area on show sits below one on a single answer (a quick assessment).
func TestNoGapsWordsAgreeWithTheAreas(t *testing.T) {
	low := Score{N: 1, Score: 0, ExpectCTO: 80, ExpectCIO: 70}
	met := Score{N: 3, Score: 85, ExpectCTO: 80, ExpectCIO: 70}
	for _, c := range []struct {
		name   string
		areas  []Score
		target Role
		want   string
	}{
		{"nothing rated", []Score{{}}, "", "Nothing was rated yet"},
		{"one answer below a level", []Score{low, met}, "", "1 area scores below an expected level on a single answer"},
		{"below the CIO's level only, CTO target", []Score{{N: 1, Score: 75, ExpectCTO: 70, ExpectCIO: 80}}, RoleCTO, "No gaps: every area with enough answers"},
		{"below the CIO's level only, no target", []Score{{N: 1, Score: 75, ExpectCTO: 70, ExpectCIO: 80}}, "", "No gap can be named yet"},
		{"every area meets", []Score{met}, "", "No gaps: every area with enough answers meets"},
	} {
		if got := NoGapsWords(c.areas, c.target); !strings.Contains(got, c.want) {
			t.Errorf("%s: %q, want it to say %q", c.name, got, c.want)
		}
	}
}

// The plan counts an answer two quality checks flag once.
func TestEvidenceStepCountsEachFlaggedAnswerOnce(t *testing.T) {
	r := Result{Held: true, Lean: Lean{Enough: true}, Flags: []Flag{
		{Code: "longstring", Items: []string{"a", "b", "c"}},
		{Code: "contradiction", Items: []string{"b", "c", "d"}},
	}}
	step, ok := evidenceStep(&r, selfRatings{})
	if !ok || len(step.Actions) == 0 || !strings.Contains(step.Actions[0], "Review the 4 answers") {
		t.Errorf("evidence step %+v, want the 4 flagged answers", step)
	}
}

// With too few trade-off answers the JSON lean has no number and no
// direction or size either.
func TestReportLeanWithoutEnoughAnswers(t *testing.T) {
	rl := reportLean(Result{Method: 2, Lean: Lean{Score: 13, Direction: RoleCTO, Size: "slight", Certainty: "open"}})
	if rl.Score != nil || rl.Direction != "" || rl.Size != "" || rl.Certainty != "" {
		t.Errorf("lean without enough answers: %+v", rl)
	}
}

// An area whose every item was answered "no opportunity yet" says so,
// not "not rated" like an area nobody asked about.
func TestAreaWithNoOpportunityIsNamedSo(t *testing.T) {
	b := testBank(t)
	a := NewAssessment(b, "20261201-090000-abc", time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC), LengthFull, "")
	facet := ""
	for _, id := range a.Order {
		it, _ := b.Item(id)
		if it.OffersNoOpportunity() && (facet == "" || it.Facet == facet) {
			facet = it.Facet
			a.Answers[id] = Answer{NoOpportunity: true}
		}
	}
	if facet == "" {
		t.Skip("the test bank offers no opportunity on no item")
	}
	res := Compute(b, a)
	for _, s := range res.Readiness {
		if s.ID == facet && (s.N != 0 || s.NoOpportunity == 0) {
			t.Errorf("%s: N %d, no opportunity %d", s.ID, s.N, s.NoOpportunity)
		}
	}
	md := Markdown(b, BuildReport(b, a, res))
	if !strings.Contains(md, "| no opportunity yet |") {
		t.Errorf("the Markdown does not name the area's no opportunity")
	}
}

// A lean at the middle has no direction and so no size word.
func TestLeanWordsAtTheMiddle(t *testing.T) {
	got := LeanWords(Lean{Enough: true, Score: 0, Low: -20, High: 20, Size: "slight", Confidence: 0.99})
	if !strings.Contains(got, "Size: none (0)") || strings.Contains(got, "slight") {
		t.Errorf("%q", got)
	}
}

// A band across the middle gives no direction: the side the score is on
// is said as where the answers sit, and the size only as what it would be.
func TestLeanWordsWhenTheBandCrossesTheMiddle(t *testing.T) {
	open := LeanWords(Lean{Enough: true, Score: -44, Low: -100, High: 13, Direction: RoleCIO, Size: "moderate", Certainty: "open", Confidence: 0.975})
	want := "Direction: not established - the answers sit on the CIO side (-44), but the 97.5% band runs -100 to +13, across the middle. Size: moderate, if that side holds. Certainty: open."
	if open != want {
		t.Errorf("open lean:\n got %q\nwant %q", open, want)
	}
	clear := LeanWords(Lean{Enough: true, Score: -54, Low: -100, High: -8, Direction: RoleCIO, Size: "moderate", Certainty: "clear", Confidence: 0.99})
	if !strings.HasPrefix(clear, "Direction: CIO. Size: moderate (-54). Certainty: clear") {
		t.Errorf("clear lean: %q", clear)
	}
}
