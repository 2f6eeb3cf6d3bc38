package model

import (
	"math"
	"reflect"
	"strings"
	"testing"
)

// Skipped and not-applicable items are scored as missing: marking items
// that way (whatever Value rides along) changes no score, only the counts.
func TestSkippedAndNotApplicableChangeNoScore(t *testing.T) {
	b := testBank(t)
	base := map[string]Answer{
		"b-like-1": v(4), "b-like-2": v(3), "b-choice-1": v(1), "b-choice-2": v(2), "b-scen-1": v(1),
		"ops-2": v(4), "ops-3": v(2), "ax-1": v(5),
		"ld-1": v(4), "ld-2": v(2), "ld-3": v(3),
	}
	// Items left out of base; each would move a score if it were counted.
	left := []string{"b-scen-2", "ops-1", "ax-2"}
	with := func(mark func(Answer) Answer) *Assessment {
		answers := map[string]Answer{}
		for id, a := range base {
			answers[id] = a
		}
		for _, id := range left {
			answers[id] = mark(Answer{Value: 1})
		}
		return assess(b, nil, only(answers))
	}
	without := Compute(b, assess(b, nil, only(base)))
	if without.Answered != 11 || without.Skipped != 3 || without.NA != 0 || without.Total != 14 {
		t.Fatalf("baseline counts answered %d skipped %d na %d total %d, want 11 3 0 14",
			without.Answered, without.Skipped, without.NA, without.Total)
	}
	cases := []struct {
		name          string
		mark          func(Answer) Answer
		skipped, na   int
		answersCounts bool
	}{
		{"skipped", func(a Answer) Answer { a.Skipped = true; return a }, 3, 0, false},
		{"not applicable", func(a Answer) Answer { a.NA = true; return a }, 0, 3, true},
		{"not applicable and skipped", func(a Answer) Answer { a.NA, a.Skipped = true, true; return a }, 0, 3, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := with(c.mark)
			got := Compute(b, a)
			if got.Skipped != c.skipped || got.NA != c.na || got.Answered != 11 || got.Total != 14 {
				t.Errorf("counts answered %d skipped %d na %d total %d, want 11 %d %d 14",
					got.Answered, got.Skipped, got.NA, got.Total, c.skipped, c.na)
			}
			// Everything else is identical to leaving the items out.
			got.Skipped, got.NA = without.Skipped, without.NA
			if !reflect.DeepEqual(got, without) {
				t.Errorf("result changed:\n got %+v\nwant %+v", got, without)
			}
			// Progress treats "not applicable" as an answer, a skip as not.
			if answered, total := a.Progress(); answered != 11+c.na || total != 14 {
				t.Errorf("Progress = %d/%d, want %d/14", answered, total, 11+c.na)
			}
			for _, id := range left {
				if want := map[bool]string{true: "not applicable", false: "skipped"}[c.na > 0]; AnswerText(b.Items[b.itemIdx[id]], a.Answers[id]) != want {
					t.Errorf("AnswerText(%s) = %q, want %q", id, AnswerText(b.Items[b.itemIdx[id]], a.Answers[id]), want)
				}
			}
		})
	}
}

func scoreOf(t *testing.T, scores []Score, id string) Score {
	t.Helper()
	for _, s := range scores {
		if s.ID == id {
			return s
		}
	}
	t.Fatalf("no score for %s in %+v", id, scores)
	return Score{}
}

func TestReadinessRatingLevels(t *testing.T) {
	b := testBank(t)
	// One capability answer in the whole assessment: no spread, so the
	// floor of one level with t for 2 degrees of freedom (the prior's):
	// ±4.3027 × .25 = ±108, the whole scale.
	cases := []struct {
		item  string
		value int
		facet string
		want  int
	}{
		{"ops-1", 1, "ops", 0},
		{"ops-1", 2, "ops", 25},
		{"ops-1", 3, "ops", 50},
		{"ops-1", 4, "ops", 75},
		{"ops-1", 5, "ops", 100},
		{"ax-2", 2, "area-x", 25}, // forward likert on a readiness facet
		{"ld-1", 5, "lead", 100},  // forward likert on a foundation facet
		{"ld-1", 4, "lead", 75},
		{"ld-2", 5, "lead", 0}, // reverse-keyed: agreeing shows less capability
		{"ld-2", 4, "lead", 25},
		{"ld-2", 1, "lead", 100},
	}
	for _, c := range cases {
		r := Compute(b, assess(b, nil, only(map[string]Answer{c.item: v(c.value)})))
		s := scoreOf(t, append(append([]Score{}, r.Readiness...), r.Foundations...), c.facet)
		low, high := 0, 100
		if s.Score != c.want || s.Low != low || s.High != high || s.N != 1 {
			t.Errorf("%s=%d: %s scores %d [%d, %d] N=%d, want %d [%d, %d] N=1",
				c.item, c.value, c.facet, s.Score, s.Low, s.High, s.N, c.want, low, high)
		}
	}
}

func TestReadinessMeanAndBand(t *testing.T) {
	b := testBank(t)
	cases := []struct {
		name    string
		answers map[string]Answer
		facet   string
		want    [3]int // score, low, high
	}{
		// Bands use Student t at 95% with the facet's n-1 degrees of
		// freedom plus the prior's 2 (see shrunkSpread): t(3) = 3.1824,
		// t(4) = 2.7764, t(2) = 4.3027.
		//
		// .75 and 1: m = .875, s = .1768, below one level: .25, half =
		// 3.1824 * .25 / sqrt(2) = .5626: 31 .. 144 -> 100. 87.5 rounds
		// up to 88.
		{"two answers", map[string]Answer{"ops-1": v(4), "ops-2": v(5)}, "ops", [3]int{88, 31, 100}},
		// .25 .5 .75: m = .5, s = .25, half = 2.7764 * .25 / sqrt(3) = .4007.
		{"three answers", map[string]Answer{"ops-1": v(2), "ops-2": v(3), "ops-3": v(4)}, "ops", [3]int{50, 10, 90}},
		// Not applicable is missing, not a middle answer.
		{"n/a is left out", map[string]Answer{"ops-1": {NA: true}, "ops-2": v(4), "ops-3": v(5)}, "ops", [3]int{88, 31, 100}},
		// area-x has one answer; its band uses the spread of all
		// capability answers pooled: .75, 1, 1 -> s = .1443, below one
		// level: .25, half = 4.3027 * .25 = 1.0757: 0 .. 100.
		{"one answer borrows the pooled spread", map[string]Answer{"ops-1": v(4), "ops-2": v(5), "ax-1": v(5)}, "area-x", [3]int{100, 0, 100}},
		// Two identical answers have no spread of their own; the band
		// borrows the pooled spread of .75 .75 .25 1 (s² = .2969/3 =
		// .09896) with weight 2 against 1 degree of freedom: s² = (0 +
		// 2 × .09896) / 3 = .06597, s = .2569, half = 3.1824 × .2569 / √2 =
		// .5781: 75, 17 .. 133 -> 100.
		{"identical answers borrow the pooled spread", map[string]Answer{"ops-1": v(4), "ops-2": v(4), "ax-1": v(2), "ax-2": v(5)}, "ops", [3]int{75, 17, 100}},
		// Same answers, area-x: .25 and 1, m = .625, own s² = .28125;
		// s² = (.28125 + 2 × .09896) / 3 = .15972, s = .3997, half =
		// .8993: 63 (62.5 rounds up), 0 .. 100.
		{"a spread facet is pulled toward the pooled spread", map[string]Answer{"ops-1": v(4), "ops-2": v(4), "ax-1": v(2), "ax-2": v(5)}, "area-x", [3]int{63, 0, 100}},
		// lead: forward 4 -> .75, reverse 2 -> .75, rating 4 -> .75:
		// no spread, one level instead: half = 2.7764 * .25 / sqrt(3) =
		// .4007: 35 .. 100.
		{"foundation, same level three ways", map[string]Answer{"ld-1": v(4), "ld-2": v(2), "ld-3": v(4)}, "lead", [3]int{75, 35, 100}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := Compute(b, assess(b, nil, only(c.answers)))
			s := scoreOf(t, append(append([]Score{}, r.Readiness...), r.Foundations...), c.facet)
			if got := [3]int{s.Score, s.Low, s.High}; got != c.want {
				t.Errorf("%s = %v (score, low, high), want %v", c.facet, got, c.want)
			}
		})
	}
}

func TestFacetsAreGroupedByLayerInBankOrder(t *testing.T) {
	b := testBank(t)
	r := Compute(b, assess(b, nil, only(nil)))
	ids := func(ss []Score) (out []string) {
		for _, s := range ss {
			out = append(out, s.ID+"/"+string(s.Layer)+"/"+s.Group)
		}
		return out
	}
	if got, want := ids(r.Facets), []string{"build/lean/orientation"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Facets %v, want %v", got, want)
	}
	if got, want := ids(r.Readiness), []string{"ops/readiness/operational", "area-x/readiness/area"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Readiness %v, want %v", got, want)
	}
	if got, want := ids(r.Foundations), []string{"lead/foundation/foundation"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Foundations %v, want %v", got, want)
	}
	// Nothing answered: lean bar in the middle with the widest band,
	// readiness empty, no findings.
	if f := r.Facets[0]; f.Score != 50 || f.Low != 0 || f.High != 100 || f.N != 0 {
		t.Errorf("unanswered lean facet %+v, want 50 [0, 100] N=0", f)
	}
	if s := r.Readiness[0]; s.Score != 0 || s.N != 0 {
		t.Errorf("unanswered readiness %+v, want 0 N=0", s)
	}
	// The only step: gather the evidence a verdict needs.
	if len(r.Strengths)+len(r.Gaps) != 0 || len(r.Plan) != 1 || r.Plan[0].Name != "Gather evidence" {
		t.Errorf("findings with nothing answered: %+v %+v %+v", r.Strengths, r.Gaps, r.Plan)
	}
	if r.Skipped != 14 || r.Answered != 0 {
		t.Errorf("skipped %d answered %d, want 14 0", r.Skipped, r.Answered)
	}
}

func TestMovers(t *testing.T) {
	b := testBank(t)
	a := assess(b, nil, only(map[string]Answer{
		"b-like-1": v(4), "b-like-2": v(5), "b-choice-1": v(1),
		"b-choice-2": v(1), "b-scen-1": v(4), "b-scen-2": v(1),
		"ops-1": v(1), "ops-2": v(5), "ops-3": v(2),
		"ax-1": v(3),
	}))
	r := Compute(b, a)
	cases := []struct {
		facet string
		want  []Mover
	}{
		{"build", []Mover{ // trade-offs only: +100 -100 0 -100, every one, largest first, ties in order
			{ItemID: "b-choice-1", Text: "Which would you rather own?", Answer: "The product roadmap", Effect: 100},
			{ItemID: "b-choice-2", Text: "Which win would you rather report?", Answer: "Costs down", Effect: -100},
			{ItemID: "b-scen-2", Text: "Two requests arrive at once. Which first?", Answer: "The staff outage", Effect: -100},
			{ItemID: "b-scen-1", Text: "A free quarter with a small team. What do you do?", Answer: "A bit of both", Effect: 0},
		}},
		{"ops", []Mover{ // effects -50 +50 -25 around the midpoint
			{ItemID: "ops-1", Text: "How do routine jobs get done?", Answer: "1 - From memory.", Effect: -50},
			{ItemID: "ops-2", Text: "What happens after an outage?", Answer: "5 - Tracked fixes.", Effect: 50},
			{ItemID: "ops-3", Text: "How do newcomers learn the work?", Answer: "2 of 5", Effect: -25},
		}},
		{"area-x", []Mover{
			{ItemID: "ax-1", Text: "How is area X planned?", Answer: "3 - Yearly.", Effect: 0},
		}},
		{"lead", nil},
	}
	all := append(append(append([]Score{}, r.Facets...), r.Readiness...), r.Foundations...)
	for _, c := range cases {
		s := scoreOf(t, all, c.facet)
		if !reflect.DeepEqual(s.Movers, c.want) {
			t.Errorf("%s movers:\n got %+v\nwant %+v", c.facet, s.Movers, c.want)
		}
	}
}

func TestAnswerText(t *testing.T) {
	b := testBank(t)
	item := func(id string) Item { it, _ := b.Item(id); return it }
	cases := []struct {
		item string
		a    Answer
		want string
	}{
		{"b-like-1", v(1), "Strongly disagree"},
		{"b-like-1", v(3), "Neither"},
		{"b-like-1", v(5), "Strongly agree"},
		{"b-scen-1", v(4), "A bit of both"},
		{"ops-1", v(3), "3 - Mostly written down."},
		{"ops-1", v(4), "4 of 5"},
		{"ops-1", Answer{NA: true}, "not applicable"},
		{"ops-1", Answer{Skipped: true, Value: 2}, "skipped"},
		{"ops-1", Answer{}, "not answered"}, // never reached: not the same as a skip
		{"b-choice-1", v(3), "?"},
		{"b-like-1", v(6), "?"},
	}
	for _, c := range cases {
		if got := AnswerText(item(c.item), c.a); got != c.want {
			t.Errorf("AnswerText(%s, %+v) = %q, want %q", c.item, c.a, got, c.want)
		}
	}
}

// Out-of-range values (a bank that lost an option, a damaged record) are
// counted as answered but never scored and never crash.
func TestOutOfRangeValuesAreNotScored(t *testing.T) {
	b := testBank(t)
	a := assess(b, nil, only(map[string]Answer{"b-choice-1": v(3), "b-like-1": v(9), "ops-1": v(6)}))
	r := Compute(b, a)
	if r.Lean.N != 0 || scoreOf(t, r.Readiness, "ops").N != 0 {
		t.Errorf("out-of-range answers were scored: lean N=%d ops N=%d", r.Lean.N, scoreOf(t, r.Readiness, "ops").N)
	}
}

func TestTargetLabel(t *testing.T) {
	for role, want := range map[Role]string{RoleCTO: "the CTO's levels", RoleCIO: "the CIO's levels", "": "the CTO's and the CIO's levels"} {
		if got := (Result{Target: role}).TargetLabel(); got != want {
			t.Errorf("TargetLabel(%q) = %q, want %q", role, got, want)
		}
	}
}

// genBank builds a bank of n readiness facets, each with `items` rating
// items (all quick), facet i expecting 90-5i of the CTO, and a plan with
// four actions per facet.
func genBank(t testing.TB, n, items int) *Bank {
	t.Helper()
	var bank, plan strings.Builder
	bank.WriteString("version: gen\nfacets:\n")
	plan.WriteString("plan:\n")
	for i := range n {
		id := "f" + itoa(i)
		bank.WriteString("  - {id: " + id + ", name: Facet " + itoa(i) + ", layer: readiness, group: area, guide: \"g#one\", expect: {cto: " + itoa(90-5*i) + ", cio: 50}}\n")
		plan.WriteString("  - facet: " + id + "\n    actions: [" + id + " one, " + id + " two, " + id + " three, " + id + " four]\n")
	}
	bank.WriteString("items:\n")
	for i := range n {
		for j := range items {
			bank.WriteString("  - {id: f" + itoa(i) + "-" + itoa(j) + ", facet: f" + itoa(i) + ", format: rating, text: Rate it., anchors: {1: low, 3: mid, 5: high}, quick: true, guide: \"g#two\"}\n")
		}
	}
	return load(t, bank.String(), plan.String())
}

func TestHonestSentence(t *testing.T) {
	for _, must := range []string{"reflection aid", "not a validated", "hiring"} {
		if !strings.Contains(HonestSentence, must) {
			t.Errorf("HonestSentence lacks %q", must)
		}
	}
}

func TestShrunkSpread(t *testing.T) {
	cases := []struct {
		name   string
		vals   []float64
		pooled float64
		want   float64
	}{
		{"one value takes the pooled spread", []float64{.5}, .4, .4},
		// own 0, 1 degree of freedom: √((0 + 2 × .16) / 3) = .3266.
		{"two identical values", []float64{.5, .5}, .4, .3266},
		{"own spread equal to the pool stays", []float64{0, 1}, .7071, .7071},
		// own s² = .5 (0, 1), pooled 0: √((1 × .5 + 0) / 3) = .4082.
		{"a spread facet in a steady pool narrows", []float64{0, 1}, 0, .4082},
	}
	for _, c := range cases {
		if got := shrunkSpread(c.vals, c.pooled); math.Abs(got-c.want) > 1e-4 {
			t.Errorf("%s: shrunkSpread(%v, %v) = %.4f, want %.4f", c.name, c.vals, c.pooled, got, c.want)
		}
	}
}
