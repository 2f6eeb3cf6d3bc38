package model

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

// selfAt answers every readiness and foundation item of the test bank at
// the level given for its facet (reverse items turned round, so the facet
// scores as given), and the lean toward the CTO.
func selfAt(b *Bank, levels map[string]int) *Assessment {
	lean := sided(b, true)
	a := assess(b, nil, func(it Item) (Answer, bool) {
		f, _ := b.Facet(it.Facet)
		if f.Layer == LayerLean {
			return lean(it)
		}
		v := levels[it.Facet]
		if it.Reverse {
			v = 6 - v
		}
		return Answer{Value: v}, true
	})
	a.Target = RoleCTO
	return a
}

// raters are responses rating every readiness and foundation item of the
// test bank at the level given for its facet, one per relationship given.
func raters(b *Bank, levels map[string]int, rels ...Relationship) []Response {
	var out []Response
	for i, rel := range rels {
		r := Response{Format: ResponseFormat, Version: 1, Invitation: "00000000000000000000000000000001", Bank: b.Version,
			Rater: NewToken(), Relationship: rel, At: time.Date(2026, 12, 1, 0, i, 0, 0, time.UTC), Answers: map[string]int{}}
		for _, it := range b.Items {
			if f, _ := b.Facet(it.Facet); f.Layer != LayerLean {
				v := levels[it.Facet]
				if it.Reverse {
					v = 6 - v
				}
				r.Answers[it.ID] = v
			}
		}
		out = append(out, r)
	}
	return out
}

func area(t *testing.T, r Result, id string) PeerArea {
	t.Helper()
	a, ok := r.Peers.Area(id)
	if !ok {
		t.Fatalf("no peers area %s in %+v", id, r.Peers)
	}
	return a
}

func TestPeersBlindSpotAndHiddenStrength(t *testing.T) {
	b := testBank(t)
	a := selfAt(b, map[string]int{"ops": 5, "area-x": 1, "lead": 1})
	a.Peers = raters(b, map[string]int{"ops": 1, "area-x": 1, "lead": 1}, RelPeer, RelPeer, RelManager)
	r := Compute(b, a)
	// Every rating the same: the spread is the floor, one level; t(0.95,
	// 2+2) = 2.776; half = 2.776*.25/sqrt(3) = .40.
	if got := area(t, r, "ops"); got.Reading != PeerBlindSpot || got.Others != 0 || got.High != 40 || got.Raters != 3 || got.High >= got.SelfLow {
		t.Errorf("ops: %+v, want a blind spot, others 0 (0-40) from 3 raters", got)
	}
	if got := area(t, r, "lead"); got.Reading != PeerWithinBands {
		t.Errorf("lead: %+v, want within the bands", got)
	}
	a = selfAt(b, map[string]int{"ops": 3, "area-x": 3, "lead": 1})
	a.Peers = raters(b, map[string]int{"ops": 5, "area-x": 5, "lead": 5}, RelPeer, RelPeer, RelManager)
	r = Compute(b, a)
	if got := area(t, r, "lead"); got.Reading != PeerHiddenStrength || got.Others != 100 || got.Low != 60 || got.SelfHi >= got.Low {
		t.Errorf("lead: %+v, want a hidden strength, others 100 (60-100)", got)
	}
	// Raters of 1, 2 and 3 on every item: mean 25. Their means' spread
	// is .25; the pooled spread of all their ratings (0, .25, .5 each 8
	// times) is .2085; shrunk: sqrt((2*.0625 + 2*.0435)/4) = .230, under
	// the floor of .25; half = 2.776*.25/sqrt(3) = .40.
	a.Peers = raters(b, map[string]int{"ops": 1, "area-x": 1, "lead": 1}, RelPeer)
	a.Peers = append(a.Peers, raters(b, map[string]int{"ops": 2, "area-x": 2, "lead": 2}, RelPeer)...)
	a.Peers = append(a.Peers, raters(b, map[string]int{"ops": 3, "area-x": 3, "lead": 3}, RelPeer)...)
	got := area(t, Compute(b, a), "ops")
	if got.Others != 25 || got.Low != 0 || got.High != 65 {
		t.Errorf("ops others %d band %d-%d, want 25 band 0-65", got.Others, got.Low, got.High)
	}
}

func TestPeersNeedThree(t *testing.T) {
	b := testBank(t)
	a := selfAt(b, map[string]int{"ops": 3, "area-x": 3, "lead": 3})
	if Compute(b, a).Peers != nil {
		t.Errorf("a panel without responses")
	}
	a.Peers = raters(b, map[string]int{"ops": 1, "area-x": 1, "lead": 1}, RelPeer, RelManager)
	p := Compute(b, a).Peers
	if p == nil || p.Need != 1 || len(p.Areas) != 0 {
		t.Fatalf("two responses: %+v, want nothing shown and one more needed", p)
	}
	// An area only two colleagues could observe shows none of their figures.
	a.Peers = append(a.Peers, raters(b, map[string]int{"ops": 2, "area-x": 2, "lead": 2}, RelPeer)...)
	for id := range a.Peers[2].Answers {
		if it, _ := b.Item(id); it.Facet == "lead" {
			a.Peers[2].Answers[id] = 0 // no opportunity to observe
		}
	}
	r := Compute(b, a)
	if got := area(t, r, "lead"); got.Shown || got.Others != 0 || got.Groups != nil {
		t.Errorf("lead rated by two: %+v, want nothing of theirs", got)
	}
	if got := area(t, r, "ops"); !got.Shown {
		t.Errorf("ops rated by three is not shown")
	}
}

func TestShownGroups(t *testing.T) {
	cases := []struct {
		name   string
		counts map[Relationship]int
		want   []Relationship
	}{
		{"none", map[Relationship]int{}, nil},
		{"one group of every rater", map[Relationship]int{RelPeer: 4}, []Relationship{RelPeer}},
		{"two groups of three", map[Relationship]int{RelPeer: 3, RelManager: 3}, []Relationship{RelManager, RelPeer}},
		{"a group under three", map[Relationship]int{RelPeer: 3, RelManager: 3, RelReport: 3, RelOther: 0}, []Relationship{RelManager, RelPeer, RelReport}},
		// Subtraction: showing the peers (3) beside the whole (4) would give
		// the one manager's ratings away.
		{"subtraction by one", map[Relationship]int{RelPeer: 3, RelManager: 1}, nil},
		{"subtraction by two", map[Relationship]int{RelPeer: 5, RelReport: 2}, nil},
		// With two groups and one rater left over, the smaller group joins
		// the rest, which then has four.
		{"subtraction with two groups", map[Relationship]int{RelPeer: 4, RelReport: 3, RelManager: 1}, []Relationship{RelPeer}},
		{"rest of three", map[Relationship]int{RelPeer: 3, RelManager: 1, RelOther: 2}, []Relationship{RelPeer}},
		{"all small", map[Relationship]int{RelPeer: 2, RelManager: 2, RelOther: 2}, nil},
	}
	for _, c := range cases {
		if got := ShownGroups(c.counts); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

func TestPeersGroupSuppressionInThePanel(t *testing.T) {
	b := testBank(t)
	a := selfAt(b, map[string]int{"ops": 3, "area-x": 3, "lead": 3})
	// Three peers and one manager: the whole is shown, no group is, so the
	// manager's ratings cannot be had by subtraction.
	a.Peers = append(raters(b, map[string]int{"ops": 2, "area-x": 2, "lead": 2}, RelPeer, RelPeer, RelPeer),
		raters(b, map[string]int{"ops": 5, "area-x": 5, "lead": 5}, RelManager)...)
	got := area(t, Compute(b, a), "ops")
	if !got.Shown || got.Raters != 4 || len(got.Groups) != 0 {
		t.Errorf("3 peers + 1 manager: %+v, want the whole of 4 and no group", got)
	}
	// Three peers and three managers: both groups shown.
	a.Peers = append(a.Peers, raters(b, map[string]int{"ops": 5, "area-x": 5, "lead": 5}, RelManager, RelManager)...)
	got = area(t, Compute(b, a), "ops")
	if len(got.Groups) != 2 || got.Groups[0].Relationship != RelManager || got.Groups[0].Others != 100 || got.Groups[1].Others != 25 {
		t.Errorf("3 peers + 3 managers: groups %+v", got.Groups)
	}
}

func TestPlanPutsGapsColleaguesConfirmFirst(t *testing.T) {
	b := load(t, testBankYAML, testPlanYAML)
	a := selfAt(b, map[string]int{"ops": 1, "area-x": 1, "lead": 5})
	alone := gapSteps(Compute(b, a))
	if len(alone) < 2 || alone[0].FacetID != "area-x" || alone[1].FacetID != "ops" {
		t.Fatalf("plan without colleagues: %+v, want area-x (shortfall 80) before ops (50)", alone)
	}
	// Three colleagues see ops low, but their band (0-56) reaches the
	// level of 50: that confirms nothing.
	a.Peers = raters(b, map[string]int{"ops": 1, "area-x": 5, "lead": 5}, RelPeer, RelPeer, RelPeer)
	if got := gapSteps(Compute(b, a)); got[0].FacetID != "area-x" || got[1].Confirmed {
		t.Fatalf("three colleagues whose band reaches the level: %+v, want the person's own order", got)
	}
	// Six colleagues see ops low (band 0-25) and area X high: the gap they
	// confirm first.
	a.Peers = raters(b, map[string]int{"ops": 1, "area-x": 5, "lead": 5}, RelPeer, RelPeer, RelPeer, RelPeer, RelPeer, RelPeer)
	res := Compute(b, a)
	with := gapSteps(res)
	if with[0].FacetID != "ops" || !with[0].Confirmed || with[1].FacetID != "area-x" || with[1].Confirmed {
		t.Fatalf("plan with colleagues: %+v, want ops (confirmed) before area-x", with)
	}
	if !res.Gaps[0].Confirmed || res.Gaps[0].FacetID != "ops" {
		t.Errorf("gaps %+v, want ops confirmed first", res.Gaps)
	}
	rep := BuildReport(b, a, res)
	if !rep.Gaps[0].Confirmed || rep.Peers == nil || len(rep.Peers.Areas) != 3 {
		t.Errorf("report: gaps %+v peers %+v", rep.Gaps[0], rep.Peers)
	}
	// Two colleagues confirm nothing: the plan is the person's own.
	a.Peers = a.Peers[:2]
	if got := gapSteps(Compute(b, a)); got[0].FacetID != "area-x" {
		t.Errorf("two colleagues changed the plan: %+v", got)
	}
}

// gapSteps are the plan's steps that work on a gap.
func gapSteps(r Result) []PlanStep {
	var out []PlanStep
	for _, s := range append(append([]PlanStep{}, r.Plan...), r.Later...) {
		if s.FacetID != "" {
			out = append(out, s)
		}
	}
	return out
}

func TestComparePeers(t *testing.T) {
	b := testBank(t)
	a := selfAt(b, map[string]int{"ops": 3, "area-x": 3, "lead": 3})
	a.Peers = raters(b, map[string]int{"ops": 1, "area-x": 3, "lead": 3}, RelPeer, RelPeer, RelPeer)
	before := Compute(b, a)
	a.Peers = raters(b, map[string]int{"ops": 5, "area-x": 3, "lead": 3}, RelPeer, RelPeer, RelPeer)
	after := Compute(b, a)
	c, err := Compare(before, after)
	if err != nil || len(c.Peers) != 3 {
		t.Fatalf("compare: %v %+v", err, c.Peers)
	}
	if !c.Peers[0].Changed || c.Peers[0].Delta != 100 || c.Peers[1].Changed {
		t.Errorf("peers changes %+v", c.Peers)
	}
}

// A gap colleagues confirm says they put it below the level too (not that
// they give it the person's own score); a strength colleagues rate well
// below the person's own rating is a possible strength at most, and says so.
func TestPeerWordsOnGapsAndStrengths(t *testing.T) {
	b := testBank(t)
	a := selfAt(b, map[string]int{"ops": 5, "area-x": 1, "lead": 1})
	a.Peers = raters(b, map[string]int{"ops": 1, "area-x": 1, "lead": 1}, RelPeer, RelPeer, RelManager)
	res := Compute(b, a)
	if got := area(t, res, "ops"); got.Reading != PeerBlindSpot {
		t.Fatalf("ops: %+v, want a blind spot", got)
	}
	confirmed, strength := false, false
	for _, g := range res.Gaps {
		if g.FacetID == "area-x" {
			confirmed = true
			if !strings.Contains(g.Why, "Your colleagues put it below") || strings.Contains(g.Why, " too.") {
				t.Errorf("confirmed gap reads %q", g.Why)
			}
		}
	}
	for _, s := range res.Strengths {
		if s.FacetID == "ops" {
			strength = true
			if s.Band == MarkStrength || !strings.Contains(s.Why, "possible blind spot") {
				t.Errorf("a strength colleagues rate low: %s %q", s.Band, s.Why)
			}
		}
	}
	if !confirmed || !strength {
		t.Errorf("gaps %+v strengths %+v: want area-x a confirmed gap and ops a strength", res.Gaps, res.Strengths)
	}
}

// Colleagues confirm a gap only when their whole band lies below the
// level: a mean below it with a band reaching above it is "within the
// bands" on the panel, and confirms nothing.
func TestPeersConfirmOnlyWithTheirWholeBandBelow(t *testing.T) {
	p := &PeerPanel{Areas: []PeerArea{
		{ID: "wide", Shown: true, Others: 61, Low: 1, High: 100},
		{ID: "below", Shown: true, Others: 40, Low: 20, High: 60},
		{ID: "hidden", Shown: false},
	}}
	if p.Confirmed("wide", 65) {
		t.Error("a band of 1-100 confirmed a gap below 65")
	}
	if !p.Confirmed("below", 65) {
		t.Error("a band of 20-60 did not confirm a gap below 65")
	}
	if p.Confirmed("below", 60) || p.Confirmed("hidden", 65) {
		t.Error("a band reaching the level, or a hidden area, confirmed a gap")
	}
}

// A certain gap never ranks behind a possible gap, whatever the
// colleagues confirm.
func TestPlanRanksCertainGapsBeforeConfirmedPossibleOnes(t *testing.T) {
	gaps := []rankedGap{
		{Finding{FacetID: "possible-confirmed", Band: MarkPossibleGap, Confirmed: true}, 60},
		{Finding{FacetID: "certain-small", Band: MarkGap}, 10},
		{Finding{FacetID: "possible", Band: MarkPossibleGap}, 90},
		{Finding{FacetID: "certain-confirmed", Band: MarkGap, Confirmed: true}, 5},
		{Finding{FacetID: "certain-big", Band: MarkGap}, 40},
	}
	rankGaps(gaps)
	var got []string
	for _, g := range gaps {
		got = append(got, g.FacetID)
	}
	want := []string{"certain-confirmed", "certain-big", "certain-small", "possible-confirmed", "possible"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ranking %v, want %v", got, want)
	}
}
