package model

import (
	"strings"
	"testing"
)

func TestCompareCallsChangeOnlyBeyondTheBands(t *testing.T) {
	a := Result{BankVersion: "2026.11-1",
		Lean:      Lean{Score: 10, Low: -5, High: 25, N: 20},
		Readiness: []Score{{ID: "risk", Name: "Risk", Score: 40, Low: 30, High: 50, N: 2}, {ID: "budget", Name: "Budget", Score: 40, Low: 30, High: 50, N: 2}},
	}
	b := Result{BankVersion: "2026.11-2",
		Lean:      Lean{Score: 20, Low: 5, High: 35, N: 20},
		Readiness: []Score{{ID: "risk", Name: "Risk", Score: 70, Low: 60, High: 80, N: 2}, {ID: "budget", Name: "Budget", Score: 55, Low: 45, High: 65, N: 2}},
	}
	c, err := Compare(a, b)
	if err != nil {
		t.Fatal(err)
	}
	if c.Lean.Changed || c.Lean.Delta != 10 {
		t.Errorf("lean %+v: +10 inside overlapping bands is no change", c.Lean)
	}
	if !c.Readiness[0].Changed || c.Readiness[0].Delta != 30 {
		t.Errorf("risk %+v: bands 30-50 and 60-80 do not overlap, so it changed", c.Readiness[0])
	}
	if c.Readiness[1].Changed {
		t.Errorf("budget %+v: bands 30-50 and 45-65 overlap", c.Readiness[1])
	}
}

func TestCompareRefusesOtherBankFamilies(t *testing.T) {
	_, err := Compare(Result{BankVersion: "2026.11-1"}, Result{BankVersion: "2027.02-1"})
	if err == nil {
		t.Fatal("compared results from different bank families")
	}
	if !Compatible("2026.11-1", "2026.11-7") || Compatible("a-1", "b-1") {
		t.Error("Compatible is wrong")
	}
}

// Operational gaps weigh more against the CIO's levels (the essay makes
// operational skill essential for a CIO), so an operational gap leads the
// plan over an area gap of the same size.
func TestOperationalGapsLeadThePlan(t *testing.T) {
	b := &Bank{
		Facets: []Facet{
			{ID: "area", Name: "Area", Layer: LayerReadiness, Group: "area", Expect: map[Role]int{RoleCIO: 80}},
			{ID: "ops", Name: "Ops", Layer: LayerReadiness, Group: "operational", Expect: map[Role]int{RoleCIO: 80}},
		},
		Plan: map[string]PlanActions{"area": {Actions: []string{"a1", "a2"}}, "ops": {Actions: []string{"o1", "o2"}}},
	}
	b.index()
	r := Result{Target: RoleCIO, Lean: Lean{Enough: true}, Readiness: []Score{
		{ID: "area", Name: "Area", Group: "area", Score: 50, Low: 40, High: 60, N: 2},
		{ID: "ops", Name: "Ops", Group: "operational", Score: 50, Low: 40, High: 60, N: 2},
	}}
	findings(b, &r, false, selfRatings{})
	if len(r.Gaps) != 2 || r.Gaps[0].FacetID != "ops" || r.Plan[0].FacetID != "ops" {
		t.Fatalf("gaps %+v, plan %+v: the operational gap should come first against the CIO", r.Gaps, r.Plan)
	}
	// Against the CTO's levels operational skill weighs like any area:
	// the essay makes it optional for a CTO with an operational partner.
	b.Facets[0].Expect[RoleCTO], b.Facets[1].Expect[RoleCTO] = 80, 80
	r.Target, r.Gaps, r.Plan = RoleCTO, nil, nil
	findings(b, &r, false, selfRatings{})
	if len(r.Gaps) != 2 || r.Gaps[0].FacetID != "area" || r.Gaps[0].Weight != 1 || r.Gaps[1].Weight != 1 {
		t.Fatalf("gaps %+v: against the CTO both weigh 1 and keep bank order", r.Gaps)
	}
}

func TestCloneIsIndependent(t *testing.T) {
	a := &Assessment{ID: "x", Order: []string{"a", "b"}, Answers: map[string]Answer{"a": {Value: 1}}}
	c := a.Clone()
	a.Answers["b"] = Answer{Value: 2}
	a.Order[0] = "z"
	if _, ok := c.Answers["b"]; ok || c.Order[0] != "a" || c.Answers["a"].Value != 1 {
		t.Fatalf("clone shares state with the original: %+v", c)
	}
}

// A held verdict's lean is provisional: the comparison says so, on the
// side it concerns, and claims no change from it.
func TestCompareMarksAHeldLean(t *testing.T) {
	a := Result{BankVersion: "2026.11-1", Lean: Lean{Score: -25, Low: -40, High: -10, N: 20, Enough: true}}
	b := Result{BankVersion: "2026.11-1", Lean: Lean{Score: 60, Low: 45, High: 75, N: 20, Enough: true}}
	c, _ := Compare(a, b)
	if c.Lean.Held || c.Lean.Note != "" || !c.Lean.Changed {
		t.Fatalf("neither held: %+v", c.Lean)
	}
	for _, tc := range []struct {
		before, after bool
		want          string
	}{{true, false, "held back before"}, {false, true, "held back now"}, {true, true, "held back both times"}} {
		a.Held, b.Held = tc.before, tc.after
		c, _ := Compare(a, b)
		if !c.Lean.Held || !strings.HasPrefix(c.Lean.Note, tc.want) || c.Lean.Changed {
			t.Errorf("held %v/%v: %+v, want Held, a note starting %q and no change claimed", tc.before, tc.after, c.Lean, tc.want)
		}
	}
}
