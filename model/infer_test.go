package model

import (
	"math"
	"reflect"
	"strings"
	"testing"
)

// The t critical values gonum gives match the printed tables.
func TestTCriticalMatchesTables(t *testing.T) {
	cases := []struct {
		conf float64
		df   int
		want float64
	}{
		{0.95, 2, 4.302653}, {0.95, 3, 3.182446}, {0.95, 4, 2.776445}, {0.95, 30, 2.042272},
		{0.99, 7, 3.499483}, {0.99, 15, 2.946713}, {0.975, 7, 2.841244}, {0.90, 6, 1.943180},
	}
	for _, c := range cases {
		if got := TCritical(c.conf, c.df); math.Abs(got-c.want) > 1e-4 {
			t.Errorf("TCritical(%v, %d) = %.6f, want %.6f", c.conf, c.df, got, c.want)
		}
	}
}

// Hand-worked lean bands: mean m, sample sd s floored at LeanFloor (.25),
// half = t(n-1) * s / sqrt(n), all times 100, rounded and clamped.
func TestLeanBand(t *testing.T) {
	cases := []struct {
		name string
		vals []float64
		conf float64
		want Lean
	}{
		{
			// eight +1: s = 0 -> .25, t(7, 99%) = 3.4995, half = .3093.
			name: "eight at the CTO end", vals: []float64{1, 1, 1, 1, 1, 1, 1, 1}, conf: 0.99,
			want: Lean{Score: 100, Low: 69, High: 100, N: 8, Direction: RoleCTO, Size: "strong", Certainty: "clear", Confidence: 0.99},
		},
		{
			// 8 values, m = .25, s = .4629 (sum of squares 1.5/7 = .2143),
			// t(7, 97.5%) = 2.8412, half = 2.8412 * .4629 / 2.8284 = .4650.
			name: "quick, mixed", vals: []float64{1, .5, .5, 0, 0, .5, -.5, 0}, conf: 0.975,
			want: Lean{Score: 25, Low: -22, High: 72, N: 8, Direction: RoleCTO, Size: "slight", Certainty: "open", Confidence: 0.975},
		},
		{
			// 8 values of -.5: s -> .25, half .3093: -81 .. -19, size
			// from the score alone: -50 is moderate however wide.
			name: "moderate CIO", vals: []float64{-.5, -.5, -.5, -.5, -.5, -.5, -.5, -.5}, conf: 0.99,
			want: Lean{Score: -50, Low: -81, High: -19, N: 8, Direction: RoleCIO, Size: "moderate", Certainty: "clear", Confidence: 0.99},
		},
		{
			name: "nothing", vals: nil, conf: 0.99,
			want: Lean{Low: -100, High: 100, Confidence: 0.99},
		},
	}
	for _, c := range cases {
		if got := leanOf(c.vals, c.conf); got != c.want {
			t.Errorf("%s: leanOf = %+v\nwant %+v", c.name, got, c.want)
		}
	}
}

// No verdict below the minimum of trade-off answers: the test bank has four
// trade-offs on its one lean facet, so it never reaches eight.
func TestMinimumEvidence(t *testing.T) {
	b := testBank(t)
	r := Compute(b, assess(b, nil, only(map[string]Answer{
		"b-choice-1": v(1), "b-choice-2": v(2), "b-scen-1": v(3), "b-scen-2": v(3), "b-like-1": v(5),
	})))
	if r.Lean.Enough || r.Lean.Need != 4 || r.Profile != ProfileUnclear || r.Lean.Direction != "" || r.Lean.Size != "" {
		t.Fatalf("lean %+v profile %s: want too few, 4 more needed, unclear", r.Lean, r.Profile)
	}
	if r.Lean.Verdict != "unclear - answer 4 more trade-off items for a verdict" {
		t.Errorf("verdict %q", r.Lean.Verdict)
	}
	if r.Target != "" || r.TargetFrom != "both" {
		t.Errorf("target %q from %q: too few answers must not pick a role", r.Target, r.TargetFrom)
	}
	rep := BuildReport(b, &Assessment{ID: "x", Order: nil, Answers: map[string]Answer{}}, r)
	if rep.Lean.Score != nil || rep.Lean.Low != nil || rep.Lean.High != nil || rep.Lean.Needed != 4 {
		t.Errorf("export lean %+v: score, low and high must be null", rep.Lean)
	}
	// One answer per facet is short even with eight in all.
	e := enoughOf(t, map[string]int{"a": 7, "b": 1}, 8)
	if e != 1 {
		t.Errorf("need %d, want 1 (facet b has one trade-off answer)", e)
	}
	if e := enoughOf(t, map[string]int{"a": 2, "b": 2}, 4); e != 4 {
		t.Errorf("need %d, want 4 (eight in all)", e)
	}
}

func enoughOf(t *testing.T, counts map[string]int, n int) int {
	t.Helper()
	b := &Bank{Facets: []Facet{{ID: "a", Layer: LayerLean}, {ID: "b", Layer: LayerLean}}}
	b.index()
	per := map[string][]point{}
	for id, c := range counts {
		per[id] = make([]point, c)
	}
	ok, need := enough(b, nil, per, n)
	if ok != (need == 0) {
		t.Errorf("enough %v with need %d", ok, need)
	}
	return need
}

// One profile at a time, in precedence: unclear > lean > hybrid > neither
// > balanced > unclear (too wide).
func TestProfilePrecedence(t *testing.T) {
	high := Affinity{Role: RoleCTO, Score: 80, Low: 60, High: 95, N: 7}
	low := Affinity{Score: 20, Low: 5, High: 40, N: 7}
	mid := Affinity{Score: 50, Low: 30, High: 70, N: 7}
	both := func(a, b Affinity) []Affinity {
		a.Role, b.Role = RoleCTO, RoleCIO
		return []Affinity{a, b}
	}
	narrow := Lean{Score: 5, Low: -20, High: 30, Enough: true}
	wide := Lean{Score: 5, Low: -60, High: 70, Enough: true}
	lean := Lean{Score: 60, Low: 20, High: 100, Enough: true}
	indicative := func(as []Affinity) []Affinity {
		for i := range as {
			as[i].Indicative = true
		}
		return as
	}
	cases := []struct {
		name string
		r    Result
		want Profile
	}{
		{"held back beats a lean", Result{Held: true, Lean: lean, Affinities: both(high, high)}, ProfileUnclear},
		{"too few answers", Result{Lean: Lean{Score: 100, Low: 60, High: 100}}, ProfileUnclear},
		{"lean beats hybrid", Result{Lean: lean, Affinities: both(high, high)}, ProfileLean},
		{"hybrid", Result{Lean: wide, Affinities: both(high, high)}, ProfileHybrid},
		{"neither", Result{Lean: narrow, Affinities: both(low, low)}, ProfileNeither},
		{"balanced", Result{Lean: narrow, Affinities: both(mid, high)}, ProfileBalanced},
		{"quick never concludes hybrid", Result{Lean: narrow, Affinities: indicative(both(high, high))}, ProfileBalanced},
		{"too wide", Result{Lean: wide, Affinities: both(mid, mid)}, ProfileUnclear},
		{"the width limit itself is balanced", Result{Lean: Lean{Low: -BalancedWidth / 2, High: BalancedWidth / 2, Enough: true}}, ProfileBalanced},
		{"a band touching the middle affinity is not above it", Result{Lean: wide, Affinities: both(Affinity{Score: 70, Low: AffinityMiddle, High: 90, N: 7}, high)}, ProfileUnclear},
	}
	for _, c := range cases {
		if got := profile(c.r); got != c.want {
			t.Errorf("%s: profile %s, want %s", c.name, got, c.want)
		}
	}
}

// One band rule for gaps and strengths.
func TestJudgeBands(t *testing.T) {
	cases := []struct {
		s        Score
		level    int
		selfFlag bool
		want     Mark
	}{
		{Score{N: 0}, 50, false, ""},
		{Score{Score: 10, Low: 0, High: 100, N: 1}, 80, false, MarkIndicative},
		{Score{Score: 40, Low: 20, High: 79, N: 3}, 80, false, MarkGap},
		{Score{Score: 75, Low: 40, High: 100, N: 3}, 80, false, MarkPossibleGap}, // the strategy 75 [40, 100]
		{Score{Score: 80, Low: 60, High: 100, N: 3}, 80, false, MarkMeets},
		{Score{Score: 89, Low: 85, High: 93, N: 3}, 80, false, MarkMeets},
		{Score{Score: 95, Low: 70, High: 100, N: 3}, 80, false, MarkPossibleStrength},
		{Score{Score: 95, Low: 81, High: 100, N: 3}, 80, false, MarkStrength},
		{Score{Score: 95, Low: 81, High: 100, N: 3}, 80, true, MarkPossibleStrength},
	}
	for _, c := range cases {
		if got := Judge(c.s, c.level, c.selfFlag); got != c.want {
			t.Errorf("Judge(%+v, %d, %v) = %q, want %q", c.s, c.level, c.selfFlag, got, c.want)
		}
	}
}

// The plan: three priorities, certain gaps first, then by shortfall; the
// rest one line each as "later".
func TestPlanHasThreePrioritiesThenLater(t *testing.T) {
	b := genBank(t, 7, 2)
	a := assess(b, nil, func(Item) (Answer, bool) { return v(2), true }) // every facet 25
	a.Target = RoleCTO
	r := Compute(b, a)
	// 25 with no spread: floor .25, t(3) = 3.1824, half = .5626: 0 .. 81.
	// f0 expects 90 and f1 85: certain; f2..f6 (80 .. 60): possible.
	if len(r.Gaps) != 7 {
		t.Fatalf("%d gaps, want 7: %+v", len(r.Gaps), r.Gaps)
	}
	for i, g := range r.Gaps {
		want := MarkPossibleGap
		if i < 2 {
			want = MarkGap
		}
		if g.FacetID != "f"+itoa(i) || g.Band != want || g.Role != RoleCTO {
			t.Errorf("gap %d = %s %s %s, want f%d %s cto", i, g.FacetID, g.Band, g.Role, i, want)
		}
	}
	if len(r.Plan) != Priorities || len(r.Later) != 4 {
		t.Fatalf("plan %d priorities, %d later; want %d and 4", len(r.Plan), len(r.Later), Priorities)
	}
	for i, step := range r.Plan {
		id := "f" + itoa(i)
		want := []string{id + " one", id + " two", id + " three"}
		if step.FacetID != id || !reflect.DeepEqual(step.Actions, want) {
			t.Errorf("priority %d = %+v, want %s with %v", i, step, id, want)
		}
	}
	for _, l := range r.Later {
		if len(l.Actions) != 0 || l.Band != MarkPossibleGap {
			t.Errorf("later %+v: one line, no actions", l)
		}
	}
}

// "Gather evidence" takes a slot only when no gap is certain.
func TestEvidenceStepOnlyWithoutCertainGap(t *testing.T) {
	b := genBank(t, 2, 2)
	a := assess(b, nil, func(Item) (Answer, bool) { return v(4), true }) // 75, band 19 .. 100
	a.Target = RoleCTO
	r := Compute(b, a)
	if len(r.Plan) == 0 || r.Plan[0].Name != "Gather evidence" || r.Plan[0].FacetID != "" {
		t.Fatalf("plan %+v: no certain gap, so gathering evidence comes first", r.Plan)
	}
	b = genBank(t, 2, 2)
	a = assess(b, nil, func(Item) (Answer, bool) { return v(1), true }) // 0, band 0 .. 56
	a.Target = RoleCTO
	r = Compute(b, a)
	for _, p := range r.Plan {
		if p.Name == "Gather evidence" {
			t.Errorf("plan %+v: a certain gap leaves no slot for gathering evidence", r.Plan)
		}
	}
}

// Measured against both roles, each area is judged against each level;
// no text says "both roles" where their levels differ; operational
// shortfalls weigh more only against the CIO.
func TestFindingsAgainstBothRoles(t *testing.T) {
	b := load(t, testBankYAML, testPlanYAML)
	answers := map[string]Answer{
		"ops-1": v(1), "ops-2": v(2), "ops-3": v(1), // ops 8: CTO 50, CIO 80
		"ax-1": v(5), "ax-2": v(5), // area-x 100: CTO 80, CIO 40
		"ld-1": v(2), "ld-2": v(4), "ld-3": v(2), // lead 25: both 70
	}
	r := Compute(b, assess(b, nil, only(answers)))
	if r.Target != "" || r.TargetFrom != "both" {
		t.Fatalf("target %q from %q", r.Target, r.TargetFrom)
	}
	ops := scoreOf(t, r.Readiness, "ops")
	if ops.ExpectCTO != 50 || ops.ExpectCIO != 80 || ops.VsCTO == "" || ops.VsCIO == "" {
		t.Errorf("ops %+v: both levels and two marks", ops)
	}
	if len(r.Gaps) < 2 || r.Gaps[0].FacetID != "ops" || r.Gaps[0].Role != RoleCIO || r.Gaps[0].Weight != OperationalWeightCIO {
		t.Fatalf("gaps %+v: ops against the CIO (weighted) first", r.Gaps)
	}
	for _, g := range append(r.Gaps, r.Strengths...) {
		f, _ := b.Facet(g.FacetID)
		if f.Expect[RoleCTO] != f.Expect[RoleCIO] && strings.Contains(g.Why, "both roles") {
			t.Errorf("%s: %q says both roles where the levels differ", g.FacetID, g.Why)
		}
		if !strings.Contains(g.Why, "cxo's judgement") {
			t.Errorf("%s: %q does not say the levels are cxo's judgement", g.FacetID, g.Why)
		}
	}
}

// While the self-rating flag stands, strengths read "possible".
func TestSelfRatingFlagMakesStrengthsPossible(t *testing.T) {
	b := genBank(t, 2, 4)
	a := assess(b, nil, func(Item) (Answer, bool) { return v(5), true })
	a.Target = RoleCIO // levels 50
	r := Compute(b, a)
	if codes(r.Flags) == nil || !strings.Contains(strings.Join(codes(r.Flags), " "), "selfrating") {
		t.Fatalf("flags %v, want selfrating", codes(r.Flags))
	}
	if len(r.Strengths) != 2 {
		t.Fatalf("strengths %+v", r.Strengths)
	}
	for _, s := range r.Strengths {
		if s.Band != MarkPossibleStrength {
			t.Errorf("%s: %s, want possible strength while the flag stands", s.FacetID, s.Band)
		}
	}
}

func TestSelfRatingFlag(t *testing.T) {
	cases := []struct {
		vals []int
		want bool
	}{
		{[]int{4, 5, 4, 5, 4, 5, 4, 5, 4, 5}, true},  // all at 4-5
		{[]int{4, 5, 4, 5, 4, 5, 4, 5, 3, 2}, true},  // 80%
		{[]int{4, 5, 4, 5, 4, 5, 4, 3, 3, 2}, false}, // 70%, spread 2 levels
		{[]int{3, 3, 3, 3, 3, 3, 3, 3, 2, 4}, true},  // middle half on one level
		{[]int{1, 2, 3, 4, 5, 1, 2, 3, 4, 5}, false},
		{[]int{5, 5, 5, 5, 5}, false}, // fewer than SelfRatingMin
	}
	for _, c := range cases {
		b := genBank(t, 1, len(c.vals))
		_, ok := selfRating(b, inBankOrder(b, c.vals, slow))
		if ok != c.want {
			t.Errorf("%v: flagged %v, want %v", c.vals, ok, c.want)
		}
	}
}

// A preference's five points: the extremes are each statement's score, the
// middle is 0, the steps between are halves.
func TestPreferenceValues(t *testing.T) {
	it := Item{Format: FormatPreference, Options: []Option{{Text: "A", Score: -2}, {Text: "B", Score: 2}}}
	if got, want := LevelValues(it), []float64{-1, -.5, 0, .5, 1}; !reflect.DeepEqual(got, want) {
		t.Errorf("values %v, want %v", got, want)
	}
	it.Options[0].Score, it.Options[1].Score = 2, -2
	if got, want := LevelValues(it), []float64{1, .5, 0, -.5, -1}; !reflect.DeepEqual(got, want) {
		t.Errorf("values %v, want %v", got, want)
	}
	if got := AnswerText(it, v(2)); got != "Somewhat more: A" {
		t.Errorf("AnswerText = %q", got)
	}
	if got := AnswerText(it, v(3)); got != "Both equally" {
		t.Errorf("AnswerText = %q", got)
	}
}

// An answer to a replaced two-option choice reads as the extreme of the
// preference on its side, and only when the preference has no answer of
// its own; stored answers are never rewritten.
func TestReplacedChoiceKeepsItsMeaning(t *testing.T) {
	b := load(t, strings.Replace(testBankYAML, `  - id: b-choice-2
    facet: build
    format: choice`, `  - id: b-pref-2
    facet: build
    format: preference
    replaces: b-choice-2`, 1), "")
	stored := map[string]Answer{"b-choice-2": v(2), "b-choice-1": v(1)}
	it, ans, ok := b.Resolve("b-choice-2", stored)
	if !ok || it.ID != "b-pref-2" || ans.Value != 5 || AnswerText(it, ans) != "Much more: Revenue up" {
		t.Errorf("old id: %s %+v %v", it.ID, ans, ok)
	}
	if _, ans, _ := b.Resolve("b-pref-2", stored); ans.Value != 5 {
		t.Errorf("new id without its own answer: %+v, want the mapped 5", ans)
	}
	own := map[string]Answer{"b-choice-2": v(2), "b-pref-2": v(2)}
	if _, ans, _ := b.Resolve("b-choice-2", own); ans.Value != 2 {
		t.Errorf("its own answer wins: %+v", ans)
	}
	// Reconcile puts the new id in the old one's place and leaves the
	// stored answer under the old id as it was.
	a := &Assessment{ID: "x", BankVersion: b.Version, Order: []string{"b-like-1", "b-choice-1", "b-choice-2"}, Answers: map[string]Answer{"b-choice-2": v(1)}}
	a.Reconcile(b)
	if a.Order[2] != "b-pref-2" || a.Answers["b-choice-2"].Value != 1 || a.Answers["b-pref-2"].Value != 1 {
		t.Errorf("after Reconcile: order %v answers %+v", a.Order, a.Answers)
	}
	if r := Compute(b, &Assessment{Order: []string{"b-choice-2"}, Answers: stored}); r.Lean.N != 1 || r.Unscored != 0 || scoreOf(t, r.Facets, "build").Score != 100 {
		t.Errorf("scored %+v", r.Lean)
	}
}

// Against a chosen role, a lean facet on the other side is a gap, certain
// when its band lies wholly there, with actions toward the chosen role.
func TestLeanFacetAwayFromTheTargetIsAGap(t *testing.T) {
	b := load(t, testBankYAML, testPlanYAML)
	a := assess(b, nil, only(map[string]Answer{"b-choice-1": v(1), "b-choice-2": v(2), "b-scen-1": v(3), "b-scen-2": v(3)}))
	a.Target = RoleCIO
	r := Compute(b, a)
	// Four answers at +1: position 100; spread floored at .25 with
	// t(99%, 3+2) = 4.0321: half .504, band 75 .. 100.
	if s := scoreOf(t, r.Facets, "build"); s.Score != 100 || s.Low != 75 || s.High != 100 {
		t.Fatalf("build %+v", s)
	}
	if len(r.Gaps) != 1 || r.Gaps[0].FacetID != "build" || r.Gaps[0].Band != MarkGap || r.Gaps[0].Role != RoleCIO {
		t.Fatalf("gaps %+v", r.Gaps)
	}
	want := []string{"Shadow the help desk for a day.", "Map the internal systems finance relies on.", "Price the licences the company pays for."}
	if len(r.Plan) != 1 || !reflect.DeepEqual(r.Plan[0].Actions, want) {
		t.Errorf("plan %+v, want the actions toward the CIO", r.Plan)
	}
	a.Target = RoleCTO
	if r := Compute(b, a); len(r.Gaps) != 0 {
		t.Errorf("against the CTO: gaps %+v", r.Gaps)
	}
}
