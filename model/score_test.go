package model

import (
	"math"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

const balanced = "balanced - common where one person holds both roles"

// leanAnswers are hand-picked answers to the six lean items of the test
// bank. The comment on each case gives the item values (-1..1 toward CTO)
// and the hand-worked result: mean m, sample sd s, n answers,
// band = m ± 1.96*s/sqrt(n), all times 100, rounded and clamped.
func TestLean(t *testing.T) {
	b := testBank(t)
	cases := []struct {
		name    string
		answers map[string]Answer
		want    Lean
	}{
		{
			// every value +1: m = 1, s = 0, raised to one Likert step
			// (.5): half = 1.96 * .5 / sqrt(6) = .4001: band 60..140.
			name: "all CTO side",
			answers: map[string]Answer{
				"b-like-1": v(5), "b-like-2": v(1), "b-choice-1": v(1),
				"b-choice-2": v(2), "b-scen-1": v(3), "b-scen-2": v(3),
			},
			want: Lean{Score: 100, Low: 60, High: 100, N: 6, Verdict: "clear CTO lean"},
		},
		{
			// every value -1: m = -1, s = 0 -> .5, band -140..-60.
			name: "all CIO side",
			answers: map[string]Answer{
				"b-like-1": v(1), "b-like-2": v(5), "b-choice-1": v(2),
				"b-choice-2": v(1), "b-scen-1": v(2), "b-scen-2": v(1),
			},
			want: Lean{Score: -100, Low: -100, High: -60, N: 6, Verdict: "clear CIO lean"},
		},
		{
			// +1 +1 +1 -1 -1 -1: m = 0, s = sqrt(6/5) = 1.0954,
			// half = 1.96 * 1.0954 / sqrt(6) = 0.8765.
			name: "split half each way",
			answers: map[string]Answer{
				"b-like-1": v(5), "b-like-2": v(5), "b-choice-1": v(1),
				"b-choice-2": v(1), "b-scen-1": v(3), "b-scen-2": v(1),
			},
			want: Lean{Score: 0, Low: -88, High: 88, N: 6, Verdict: balanced},
		},
		{
			// likert 4 -> .5, reverse likert 3 -> 0, +2 -> 1, +2 -> 1,
			// +1 -> .5, 0 -> 0: m = .5, s = sqrt(1/5) = .4472, below one
			// step: .5, half = .4001: band 10..90.
			name: "mixed, slight lean",
			answers: map[string]Answer{
				"b-like-1": v(4), "b-like-2": v(3), "b-choice-1": v(1),
				"b-choice-2": v(2), "b-scen-1": v(1), "b-scen-2": v(2),
			},
			want: Lean{Score: 50, Low: 10, High: 90, N: 6, Verdict: "slight CTO lean"},
		},
		{
			// 1, -.5 (reverse likert 4), 1, .5: m = .5, s = sqrt(1.5/3)
			// = .7071, half = 1.96 * .7071 / 2 = .6930: band -19..119,
			// clamped to 100. Same mean as above, wider spread, no verdict.
			name: "mixed, wide spread",
			answers: map[string]Answer{
				"b-like-1": v(5), "b-like-2": v(4), "b-choice-1": v(1), "b-scen-1": v(1),
			},
			want: Lean{Score: 50, Low: -19, High: 100, N: 4, Verdict: balanced},
		},
		{
			// five +1 and one -1: m = 2/3, s = sqrt(2/3), s/sqrt(6) = 1/3,
			// half = .6533: low = 66.67 - 65.33 = 1.33 -> 1, just over 0.
			name: "band barely clears zero toward CTO",
			answers: map[string]Answer{
				"b-like-1": v(5), "b-like-2": v(1), "b-choice-1": v(1),
				"b-choice-2": v(2), "b-scen-1": v(2), "b-scen-2": v(3),
			},
			want: Lean{Score: 67, Low: 1, High: 100, N: 6, Verdict: "slight CTO lean"},
		},
		{
			name: "band barely clears zero toward CIO",
			answers: map[string]Answer{
				"b-like-1": v(1), "b-like-2": v(5), "b-choice-1": v(2),
				"b-choice-2": v(1), "b-scen-1": v(3), "b-scen-2": v(1),
			},
			want: Lean{Score: -67, Low: -100, High: -1, N: 6, Verdict: "slight CIO lean"},
		},
		{
			// one answer: no spread to measure, so the band is ±100.
			name:    "a single answer never gives a verdict",
			answers: map[string]Answer{"b-choice-1": v(1)},
			want:    Lean{Score: 100, Low: 0, High: 100, N: 1, Verdict: balanced},
		},
		{
			name:    "a single half answer",
			answers: map[string]Answer{"b-like-1": v(4)},
			want:    Lean{Score: 50, Low: -50, High: 100, N: 1, Verdict: balanced},
		},
		{
			name:    "no lean answers",
			answers: map[string]Answer{"ops-1": v(5)},
			want:    Lean{Score: 0, Low: -100, High: 100, N: 0, Verdict: "not enough answers to tell"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := Compute(b, assess(b, nil, only(c.answers)))
			if r.Lean != c.want {
				t.Errorf("Lean = %+v\nwant   %+v", r.Lean, c.want)
			}
			// The lean facet bar is the same position on 0 (CIO) .. 100 (CTO).
			f := r.Facets[0]
			if f.ID != "build" || f.N != c.want.N {
				t.Fatalf("facet %s N=%d, want build N=%d", f.ID, f.N, c.want.N)
			}
			half := func(v int) int { return int(math.Round(float64(v+100) / 2)) }
			if f.Score != half(c.want.Score) || f.Low != half(c.want.Low) || f.High != half(c.want.High) {
				t.Errorf("facet bar %d [%d, %d], want the lean mapped to 0..100", f.Score, f.Low, f.High)
			}
		})
	}
}

func TestVerdictThresholds(t *testing.T) {
	cases := []struct {
		low, high int
		want      string
	}{
		{100, 100, "clear CTO lean"},
		{ClearLean, 100, "clear CTO lean"},
		{ClearLean - 1, 100, "slight CTO lean"},
		{1, 40, "slight CTO lean"},
		{0, 80, balanced},
		{-60, 60, balanced},
		{-80, 0, balanced},
		{-40, -1, "slight CIO lean"},
		{-100, -ClearLean + 1, "slight CIO lean"},
		{-100, -ClearLean, "clear CIO lean"},
		{-100, -100, "clear CIO lean"},
	}
	for _, c := range cases {
		if got := verdict(c.low, c.high); got != c.want {
			t.Errorf("verdict(%d, %d) = %q, want %q", c.low, c.high, got, c.want)
		}
	}
}

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
	// band is one level either way: ±1.96 × .25 = ±49.
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
		low, high := max(c.want-49, 0), min(c.want+49, 100)
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
		// .75 and 1: m = .875, s = .1768, below one level: .25, half =
		// 1.96 * .25 / sqrt(2) = .3465: 53 .. 122 -> 100. 87.5 rounds
		// up to 88.
		{"two answers", map[string]Answer{"ops-1": v(4), "ops-2": v(5)}, "ops", [3]int{88, 53, 100}},
		// .25 .5 .75: m = .5, s = .25, half = 1.96 * .25 / sqrt(3) = .2829.
		{"three answers", map[string]Answer{"ops-1": v(2), "ops-2": v(3), "ops-3": v(4)}, "ops", [3]int{50, 22, 78}},
		// Not applicable is missing, not a middle answer.
		{"n/a is left out", map[string]Answer{"ops-1": {NA: true}, "ops-2": v(4), "ops-3": v(5)}, "ops", [3]int{88, 53, 100}},
		// area-x has one answer; its band uses the spread of all
		// capability answers pooled: .75, 1, 1 -> s = .1443, below one
		// level: .25, half = 1.96 * .25 = .49: 51 .. 100.
		{"one answer borrows the pooled spread", map[string]Answer{"ops-1": v(4), "ops-2": v(5), "ax-1": v(5)}, "area-x", [3]int{100, 51, 100}},
		// Two identical answers have no spread of their own; the band
		// borrows the pooled spread of .75 .75 .25 1 (s² = .2969/3 =
		// .09896) with weight 2 against 1 degree of freedom: s² = (0 +
		// 2 × .09896) / 3 = .06597, s = .2569, half = 1.96 × .2569 / √2 =
		// .3560: 75, 39 .. 111 -> 100.
		{"identical answers borrow the pooled spread", map[string]Answer{"ops-1": v(4), "ops-2": v(4), "ax-1": v(2), "ax-2": v(5)}, "ops", [3]int{75, 39, 100}},
		// Same answers, area-x: .25 and 1, m = .625, own s² = .28125;
		// s² = (.28125 + 2 × .09896) / 3 = .15972, s = .3997, half =
		// .5539: 63 (62.5 rounds up), 7 .. 100.
		{"a spread facet is pulled toward the pooled spread", map[string]Answer{"ops-1": v(4), "ops-2": v(4), "ax-1": v(2), "ax-2": v(5)}, "area-x", [3]int{63, 7, 100}},
		// lead: forward 4 -> .75, reverse 2 -> .75, rating 4 -> .75:
		// no spread, one level instead: half = 1.96 * .25 / sqrt(3) =
		// .2829: 47 .. 100.
		{"foundation, same level three ways", map[string]Answer{"ld-1": v(4), "ld-2": v(2), "ld-3": v(4)}, "lead", [3]int{75, 47, 100}},
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
	if len(r.Strengths)+len(r.Gaps)+len(r.Plan) != 0 {
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
		{"build", []Mover{ // effects +50 -100 +100 -100 0 -100: the top three by size, ties in order
			{ItemID: "b-like-2", Text: "I like running the systems my colleagues use.", Answer: "Strongly agree", Effect: -100},
			{ItemID: "b-choice-1", Text: "Which would you rather own?", Answer: "The product roadmap", Effect: 100},
			{ItemID: "b-choice-2", Text: "Which win would you rather report?", Answer: "Costs down", Effect: -100},
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

// capabilityAnswers puts ops at 42 (ratings 2, 3, 3), area-x at 100 and
// lead at 75, with every lean item on the CTO side.
func capabilityAnswers() map[string]Answer {
	return map[string]Answer{
		"b-like-1": v(5), "b-like-2": v(1), "b-choice-1": v(1),
		"b-choice-2": v(2), "b-scen-1": v(3), "b-scen-2": v(3),
		"ops-1": v(2), "ops-2": v(3), "ops-3": v(3),
		"ax-1": v(5), "ax-2": v(5),
		"ld-1": v(4), "ld-2": v(2), "ld-3": v(4),
	}
}

func TestStrengthsGapsAndPlan(t *testing.T) {
	b := load(t, testBankYAML, testPlanYAML)
	cases := []struct {
		name       string
		target     Role
		wantTarget Role
		wantFrom   string
		strengths  []Finding
		gaps       []Finding
		plan       []PlanStep
	}{
		{
			name: "target CTO", target: RoleCTO, wantTarget: RoleCTO, wantFrom: "chosen",
			strengths: []Finding{
				{FacetID: "area-x", Name: "Area X", Score: 100, Expect: 80, Guide: "h#three", Why: "you rate 100, above the 80 the CTO role calls for"},
			},
			gaps: []Finding{
				{FacetID: "ops", Name: "Operations", Score: 42, Expect: 50, Guide: "g#two", Why: "you rate 42; the CTO role calls for about 50"},
			},
			plan: []PlanStep{
				{FacetID: "ops", Name: "Operations", Guide: "g#two", Actions: []string{"Write a runbook for the job you repeat most.", "Review one outage with the team."}},
			},
		},
		{
			// Same answers against the CIO role: the CTO-leaning lean facet
			// becomes the biggest gap (100 points away), then ops (80-42).
			name: "target CIO", target: RoleCIO, wantTarget: RoleCIO, wantFrom: "chosen",
			strengths: []Finding{
				{FacetID: "area-x", Name: "Area X", Score: 100, Expect: 40, Guide: "h#three", Why: "you rate 100, above the 40 the CIO role calls for"},
			},
			gaps: []Finding{
				{FacetID: "build", Name: "What you build", Score: 100, Guide: "g#one", Why: "your answers lean to The product, while the CIO role centres on The internal estate"},
				{FacetID: "ops", Name: "Operations", Score: 42, Expect: 80, Guide: "g#two", Why: "you rate 42; the CIO role calls for about 80"},
			},
			plan: []PlanStep{
				{FacetID: "build", Name: "What you build", Guide: "g#one", Actions: []string{"Shadow the help desk for a day.", "Map the internal systems finance relies on.", "Price the licences the company pays for."}},
				{FacetID: "ops", Name: "Operations", Guide: "g#two", Actions: []string{"Write a runbook for the job you repeat most.", "Review one outage with the team."}},
			},
		},
		{
			// No target: a clear CTO lean makes the CTO role the yardstick.
			name: "target from the lean", target: "", wantTarget: RoleCTO, wantFrom: "lean",
			strengths: []Finding{
				{FacetID: "area-x", Name: "Area X", Score: 100, Expect: 80, Guide: "h#three", Why: "you rate 100, above the 80 the CTO role calls for"},
			},
			gaps: []Finding{
				{FacetID: "ops", Name: "Operations", Score: 42, Expect: 50, Guide: "g#two", Why: "you rate 42; the CTO role calls for about 50"},
			},
			plan: []PlanStep{
				{FacetID: "ops", Name: "Operations", Guide: "g#two", Actions: []string{"Write a runbook for the job you repeat most.", "Review one outage with the team."}},
			},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := assess(b, nil, only(capabilityAnswers()))
			a.Target = c.target
			r := Compute(b, a)
			if r.Target != c.wantTarget || r.TargetFrom != c.wantFrom {
				t.Errorf("target %q from %q, want %q from %q", r.Target, r.TargetFrom, c.wantTarget, c.wantFrom)
			}
			if !reflect.DeepEqual(r.Strengths, c.strengths) {
				t.Errorf("strengths:\n got %+v\nwant %+v", r.Strengths, c.strengths)
			}
			if !reflect.DeepEqual(r.Gaps, c.gaps) {
				t.Errorf("gaps:\n got %+v\nwant %+v", r.Gaps, c.gaps)
			}
			if !reflect.DeepEqual(r.Plan, c.plan) {
				t.Errorf("plan:\n got %+v\nwant %+v", r.Plan, c.plan)
			}
		})
	}
}

// With a balanced lean and no chosen target, findings are measured against
// the higher expectation of the two roles.
func TestNoTargetAndBalancedLeanUsesBothRoles(t *testing.T) {
	b := load(t, testBankYAML, testPlanYAML)
	answers := capabilityAnswers()
	answers["b-like-2"], answers["b-choice-2"], answers["b-scen-2"] = v(5), v(1), v(1) // +1 -1 +1 -1 +1 -1
	r := Compute(b, assess(b, nil, only(answers)))
	if r.Lean.Verdict != balanced {
		t.Fatalf("lean %+v, want balanced", r.Lean)
	}
	if r.Target != "" || r.TargetFrom != "both" || r.TargetLabel() != "both roles" {
		t.Errorf("target %q from %q label %q, want none from both, \"both roles\"", r.Target, r.TargetFrom, r.TargetLabel())
	}
	want := []Finding{
		{FacetID: "ops", Name: "Operations", Score: 42, Expect: 80, Guide: "g#two", Why: "you rate 42; both roles call for about 80"},
	}
	if !reflect.DeepEqual(r.Gaps, want) {
		t.Errorf("gaps:\n got %+v\nwant %+v", r.Gaps, want)
	}
	// area-x: max(80, 40) = 80, and 100 >= 90.
	if len(r.Strengths) != 1 || r.Strengths[0].Expect != 80 {
		t.Errorf("strengths %+v, want area-x against 80", r.Strengths)
	}
}

func TestTargetLabel(t *testing.T) {
	for role, want := range map[Role]string{RoleCTO: "the CTO role", RoleCIO: "the CIO role", "": "both roles"} {
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
		id := "f" + strconv.Itoa(i)
		bank.WriteString("  - {id: " + id + ", name: Facet " + strconv.Itoa(i) + ", layer: readiness, group: area, guide: \"g#one\", expect: {cto: " + strconv.Itoa(90-5*i) + ", cio: 50}}\n")
		plan.WriteString("  - facet: " + id + "\n    actions: [" + id + " one, " + id + " two, " + id + " three, " + id + " four]\n")
	}
	bank.WriteString("items:\n")
	for i := range n {
		for j := range items {
			bank.WriteString("  - {id: f" + strconv.Itoa(i) + "-" + strconv.Itoa(j) + ", facet: f" + strconv.Itoa(i) + ", format: rating, text: Rate it., anchors: {1: low, 3: mid, 5: high}, quick: true, guide: \"g#two\"}\n")
		}
	}
	return load(t, bank.String(), plan.String())
}

func TestPlanCoversEveryGapBiggestFirst(t *testing.T) {
	b := genBank(t, 7, 1)
	a := assess(b, nil, func(Item) (Answer, bool) { return v(2), true }) // every facet 25
	a.Target = RoleCTO
	r := Compute(b, a)
	if len(r.Gaps) != 7 {
		t.Fatalf("%d gaps, want 7", len(r.Gaps))
	}
	if len(r.Plan) != len(r.Gaps) {
		t.Fatalf("%d plan steps for %d gaps", len(r.Plan), len(r.Gaps))
	}
	// The biggest gaps first (f0 expects 90, f1 85, ...), three actions each.
	for i, step := range r.Plan {
		id := "f" + strconv.Itoa(i)
		want := []string{id + " one", id + " two", id + " three"}
		if step.FacetID != id || !reflect.DeepEqual(step.Actions, want) || step.Guide != "g#one" {
			t.Errorf("plan step %d = %+v, want %s with %v", i, step, id, want)
		}
		if r.Gaps[i].Expect-r.Gaps[i].Score != 65-5*i {
			t.Errorf("gap %d short by %d, want %d", i, r.Gaps[i].Expect-r.Gaps[i].Score, 65-5*i)
		}
	}
}

// A facet scoring 80 or more is a strength even where the role expects
// more than 70; a score just above expectation is neither.
func TestStrengthThresholds(t *testing.T) {
	b := genBank(t, 1, 4) // f0 expects 90 of the CTO, 50 of the CIO
	cases := []struct {
		values   []int
		target   Role
		score    int
		strength bool
		gap      bool
	}{
		{[]int{5, 5, 5, 5}, RoleCTO, 100, true, false},
		{[]int{5, 5, 5, 4}, RoleCTO, 94, true, false},  // 93.75, above 90 but not by 10: still >= 80
		{[]int{3, 3, 3, 4}, RoleCIO, 56, false, false}, // 56.25: over 50, not by 10
		{[]int{3, 4, 3, 4}, RoleCIO, 63, true, false},  // 62.5 -> 63 >= 60
		{[]int{3, 3, 3, 3}, RoleCIO, 50, false, false}, // exactly the expectation
		{[]int{3, 3, 3, 2}, RoleCIO, 44, false, true},
	}
	for _, c := range cases {
		i := 0
		a := assess(b, nil, func(Item) (Answer, bool) { i++; return v(c.values[i-1]), true })
		a.Target = c.target
		r := Compute(b, a)
		if s := r.Readiness[0].Score; s != c.score {
			t.Errorf("%v: score %d, want %d", c.values, s, c.score)
		}
		if (len(r.Strengths) == 1) != c.strength || (len(r.Gaps) == 1) != c.gap {
			t.Errorf("%v against %s: strengths %+v gaps %+v, want strength %v gap %v", c.values, c.target, r.Strengths, r.Gaps, c.strength, c.gap)
		}
	}
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
