package model

import (
	"strings"
	"testing"
)

// A lean facet whose band crosses the middle says nothing about which
// side the person is on, so it is never named a gap, not even a possible
// one: two answers at +1 and +0.5 put "What you build" at 88, but the
// band (spread .354, t(99%, 1+2) = 5.841, half 1.46) runs 14-100.
func TestLeanFacetAcrossTheMiddleIsNoGap(t *testing.T) {
	b := load(t, testBankYAML, testPlanYAML)
	a := assess(b, nil, only(map[string]Answer{"b-choice-1": v(1), "b-scen-1": v(1)}))
	a.Target = RoleCIO
	r := Compute(b, a)
	if s := scoreOf(t, r.Facets, "build"); s.Score != 88 || s.Low != 14 || s.High != 100 {
		t.Fatalf("build %+v, want 88 (14-100)", s)
	}
	for _, g := range r.Gaps {
		if g.FacetID == "build" {
			t.Errorf("a facet whose band crosses the middle is named a %s: %+v", g.Band, g)
		}
	}
	for _, p := range append(append([]PlanStep{}, r.Plan...), r.Later...) {
		if p.FacetID == "build" {
			t.Errorf("the plan works on a facet nothing establishes: %+v", p)
		}
	}
}

// One answer on a facet is below the minimum per facet: however far it
// sits, no gap is named from it.
func TestLeanFacetFromOneAnswerIsNoGap(t *testing.T) {
	b := load(t, testBankYAML, testPlanYAML)
	a := assess(b, nil, only(map[string]Answer{"b-choice-1": v(1)}))
	a.Target = RoleCIO
	if r := Compute(b, a); len(r.Gaps) != 0 {
		t.Errorf("gaps from one answer: %+v", r.Gaps)
	}
}

// A facet gap names the position and its scale, so "lean to" is never
// read on the lean's -100..+100 scale.
func TestLeanFacetGapSaysItsScale(t *testing.T) {
	b := load(t, testBankYAML, testPlanYAML)
	a := assess(b, nil, only(map[string]Answer{"b-choice-1": v(1), "b-choice-2": v(2), "b-scen-1": v(3), "b-scen-2": v(3)}))
	a.Target = RoleCIO
	r := Compute(b, a)
	if len(r.Gaps) != 1 || !strings.Contains(r.Gaps[0].Why, "position 100, band 75-100, where 100 is the CTO side and 0 the CIO side") {
		t.Errorf("gaps %+v", r.Gaps)
	}
}

// Measured against both roles, an area both ask the same of is below
// that level, not below one role's: the words name no role.
func TestEqualLevelsNameNoRole(t *testing.T) {
	b := load(t, testBankYAML, testPlanYAML)
	a := assess(b, nil, only(map[string]Answer{"ld-1": v(1), "ld-2": v(5), "ld-3": v(2)}))
	r := Compute(b, a)
	if r.Target != "" {
		t.Fatalf("target %q, want none", r.Target)
	}
	var g *Finding
	for i := range r.Gaps {
		if r.Gaps[i].FacetID == "lead" {
			g = &r.Gaps[i]
		}
	}
	if g == nil {
		t.Fatalf("gaps %+v, want Leadership", r.Gaps)
	}
	if g.Role != "" || strings.Contains(g.Why, "CTO's") || strings.Contains(g.Why, "CIO's") ||
		!strings.Contains(g.Why, ", below 70; cxo's judgement: both roles call for about 70.") {
		t.Errorf("gap %+v: it picks one role where both ask 70", g)
	}
	// With a chosen target the role is named: it is the one chosen.
	a.Target = RoleCIO
	r = Compute(b, a)
	for _, g := range r.Gaps {
		if g.FacetID == "lead" && (g.Role != RoleCIO || !strings.Contains(g.Why, "below the CIO's 70")) {
			t.Errorf("against the CIO: %+v", g)
		}
	}
}

// Overlapping bands establish no difference, which is not agreement: the
// reading says "within the bands", as compare does, in the panel, the
// Markdown and the JSON; a result stored with the old "in line" exports
// in the new words.
func TestPeersOverlapReadsWithinTheBands(t *testing.T) {
	b := testBank(t)
	a := selfAt(b, map[string]int{"ops": 5, "area-x": 1, "lead": 1})
	a.Peers = raters(b, map[string]int{"ops": 1, "area-x": 1, "lead": 1}, RelPeer, RelPeer, RelManager)
	r := Compute(b, a)
	pa, ok := r.Peers.Area("lead")
	if !ok || pa.Reading != PeerWithinBands || pa.Reading == "in line" {
		t.Fatalf("lead %+v, want %q", pa, PeerWithinBands)
	}
	check := func(r Result, how string) {
		t.Helper()
		rep := BuildReport(b, a, r)
		md, js := Markdown(b, rep), string(JSON(rep))
		if strings.Contains(md, "in line") || strings.Contains(js, "in line") {
			t.Errorf("%s: an export still calls overlapping bands \"in line\"", how)
		}
		if !strings.Contains(js, `"reading": "within the bands"`) || !strings.Contains(md, "| within the bands |") ||
			!strings.Contains(md, "within the bands means the bands overlap, so no difference between your view and theirs is established") {
			t.Errorf("%s: exports do not say \"within the bands\" and what it means", how)
		}
	}
	check(r, "computed")
	for i := range r.Peers.Areas {
		if r.Peers.Areas[i].Reading == PeerWithinBands {
			r.Peers.Areas[i].Reading = "in line" // as stored before
		}
	}
	check(r, "stored with the old words")
}

// "Why" shows every answer a score rests on, each with its value on the
// score's scale, and says what the numbers are: ratings 5, 3 and 4 are
// 100, 50 and 75 on 0-100, and their mean is the score, 75.
func TestWhyShowsEveryAnswerWithItsValue(t *testing.T) {
	b := testBank(t)
	r := Compute(b, assess(b, nil, only(map[string]Answer{"ops-1": v(5), "ops-2": v(3), "ops-3": v(4), "b-choice-1": v(1), "b-scen-1": v(1)})))
	s := scoreOf(t, r.Readiness, "ops")
	if s.Score != 75 || len(s.Movers) != 3 {
		t.Fatalf("ops %d from %d answers shown, want 75 from all 3: %+v", s.Score, len(s.Movers), s.Movers)
	}
	sum := 0
	for _, mv := range s.Movers {
		sum += AnswerValue(s, mv)
	}
	if sum != 225 {
		t.Errorf("values %+v sum to %d, want 100+50+75", s.Movers, sum)
	}
	if got := WhyLegend(s); !strings.HasPrefix(got, "Score 75 is the mean of these 3 answers, each valued 0-100 (a rating's level 1 is 0, 3 is 50, 5 is 100;") {
		t.Errorf("legend %q", got)
	}
	// A lean facet: +1 and +.5 are positions 100 and 75, mean 88.
	f := scoreOf(t, r.Facets, "build")
	if len(f.Movers) != 2 || AnswerValue(f, f.Movers[0]) != 100 || AnswerValue(f, f.Movers[1]) != 75 {
		t.Errorf("build %+v", f.Movers)
	}
	if got := WhyLegend(f); got != "Position 88 is the mean of these 2 answers, each placed from 100 (fully the CTO side) to 0 (fully the CIO side):" {
		t.Errorf("legend %q", got)
	}
}

// A result stored when only the three largest answers were kept says it
// shows three of the four, not that the score is their mean.
func TestWhyOfAnOlderResultSaysWhatItLacks(t *testing.T) {
	s := Score{Score: 63, N: 4, Layer: LayerReadiness, Movers: []Mover{{Effect: 50}, {Effect: -25}, {Effect: 25}}}
	if got, want := WhyLegend(s), "Score 63 is the mean of 4 answers; kept with this result are the 3 that moved it most, each valued 0-100"; !strings.HasPrefix(got, want) {
		t.Errorf("legend %q, want it to start %q", got, want)
	}
}

// Compare labels each section's scale, CTO first, so a lean move of -62
// is not read beside a facet move of -94 as if both were on one scale.
func TestCompareLabelsEachScale(t *testing.T) {
	a := Result{BankVersion: "x-1", Lean: Lean{Score: 43, Low: 20, High: 60, N: 14, Enough: true}}
	b := a
	b.Lean = Lean{Score: -19, Low: -40, High: 0, N: 14, Enough: true}
	c, err := Compare(a, b)
	if err != nil {
		t.Fatal(err)
	}
	if c.Lean.Name != "Lean (CTO +100 to CIO -100)" {
		t.Errorf("lean row %q, want CTO on the left", c.Lean.Name)
	}
	for name, s := range map[string]string{"lean": c.LeanScale, "facets": c.FacetScale, "readiness": c.ReadinessScale, "peers": c.PeersScale} {
		if s == "" {
			t.Errorf("no scale for the %s rows", name)
		}
		if i, j := strings.Index(s, "CTO"), strings.Index(s, "CIO"); i > j {
			t.Errorf("%s scale %q puts the CIO first", name, s)
		}
	}
	if !strings.Contains(c.FacetScale, "100 the CTO side, 0 the CIO side") {
		t.Errorf("facet scale %q", c.FacetScale)
	}
}

// The Markdown says the facets' scale is not the lean's, right above them.
func TestMarkdownFacetScaleIsNotTheLeans(t *testing.T) {
	b := load(t, testBankYAML, testPlanYAML)
	a := assess(b, nil, only(map[string]Answer{"b-choice-1": v(1), "b-scen-1": v(1)}))
	md := Markdown(b, BuildReport(b, a, Compute(b, a)))
	want := "Each facet's position runs from 100 (wholly the CTO side) to 0 (wholly the CIO side), 50 being the middle: not the lean's scale above, on which a position p would be 2p - 100.\n\n| Facet |"
	if !strings.Contains(md, want) {
		t.Errorf("no scale note above the facets:\n%s", md)
	}
}
