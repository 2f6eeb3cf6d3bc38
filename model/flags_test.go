package model

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

// inBankOrder answers the items of b in bank order with vals (0 leaves an
// item unanswered) and gives each answer the time took(item).
func inBankOrder(b *Bank, vals []int, took func(Item) time.Duration) *Assessment {
	i := -1
	return assess(b, nil, func(it Item) (Answer, bool) {
		i++
		if vals[i] == 0 {
			return Answer{}, false
		}
		return Answer{Value: vals[i], Took: took(it)}, true
	})
}

func slow(it Item) time.Duration { return ReadingTime(it) + 3*time.Second }
func hasty(Item) time.Duration   { return 500 * time.Millisecond }
func untimed(Item) time.Duration { return 0 }

func repeat(n, k int) []int {
	out := make([]int, k)
	for i := range out {
		out[i] = n
	}
	return out
}

// careful is a varied, considered respondent for the test bank (bank
// order: b-like-1 b-like-2 b-choice-1 b-choice-2 b-scen-1 b-scen-2 ops-1
// ops-2 ops-3 ax-1 ax-2 ld-1 ld-2 ld-3): no run longer than two, the
// reverse-keyed pairs answered opposite ways, one middle answer.
var careful = []int{4, 2, 1, 2, 3, 3, 4, 2, 5, 3, 4, 5, 1, 4}

func TestFlags(t *testing.T) {
	b := testBank(t)
	with := func(changes map[int]int) []int {
		vals := append([]int{}, careful...)
		for i, n := range changes {
			vals[i] = n
		}
		return vals
	}
	cases := []struct {
		name string
		vals []int
		took func(Item) time.Duration
		want []string
	}{
		{"careful varied respondent", careful, slow, nil},
		{"careful, no timings recorded", careful, untimed, nil},
		// 2 is a valid answer to every item; both pairs are then
		// "disagree" twice.
		{"one answer everywhere", repeat(2, 14), slow, []string{"longstring", "contradiction"}},
		// One slip in two pairs is not a pattern; both pairs are.
		{"agrees with both statements of one pair", with(map[int]int{1: 4}), slow, nil},
		{"agrees or disagrees with both of every pair", with(map[int]int{1: 4, 11: 2}), slow, []string{"contradiction"}},
		{"a neutral answer in a pair is no contradiction", with(map[int]int{0: 3, 1: 3, 11: 3}), slow, nil},
		// Five likert answers at 3 are fewer than NeutralMin; the anchored
		// level 3 of a rating is a real answer, not a neutral one.
		{"middle ratings are not neutral", with(map[int]int{0: 3, 1: 3, 6: 3, 7: 3, 9: 3, 10: 3, 11: 3, 12: 3}), slow, nil},
		{"faster than reading", careful, hasty, []string{"fast"}},
		{"nothing answered", repeat(0, 14), slow, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := inBankOrder(b, c.vals, c.took)
			got := Flags(b, a)
			if !reflect.DeepEqual(codes(got), c.want) {
				t.Errorf("flags %v, want %v (%+v)", codes(got), c.want, got)
			}
			for _, f := range got {
				if f.Message == "" || len(f.Items) == 0 {
					t.Errorf("flag %s has no message or no items: %+v", f.Code, f)
				}
			}
			// Compute reports the same flags.
			if r := Compute(b, a); !reflect.DeepEqual(r.Flags, got) {
				t.Errorf("Compute flags %+v, want %+v", r.Flags, got)
			}
		})
	}
}

func TestFlagDetails(t *testing.T) {
	b := testBank(t)
	a := inBankOrder(b, repeat(2, 14), hasty)
	got := map[string]Flag{}
	for _, f := range Flags(b, a) {
		got[f.Code] = f
	}
	if f := got["longstring"]; len(f.Items) != 14 || f.Message != "You gave the same answer 14 times in a row. That can happen, but it often means the items were answered on autopilot; look at them again." {
		t.Errorf("longstring %+v", f)
	}
	if f := got["contradiction"]; !reflect.DeepEqual(f.Items, []string{"b-like-1", "b-like-2", "ld-1", "ld-2"}) ||
		!strings.HasPrefix(f.Message, "In 2 of 2 pairs of opposite statements you agreed (or disagreed) with both.") {
		t.Errorf("contradiction %+v", f)
	}
	if f := got["fast"]; len(f.Items) != 14 || !strings.HasPrefix(f.Message, "14 of your ") || !strings.Contains(f.Message, " timed answers took less time than reading the item does.") {
		t.Errorf("fast %+v", f)
	}
	lb := genLikertBank(t, 8)
	a = inBankOrder(lb, []int{3, 3, 1, 3, 3, 5, 3, 3}, slow)
	f, ok := neutral(lb, a)
	if !ok || !reflect.DeepEqual(f.Items, []string{"l-0", "l-1", "l-3", "l-4", "l-6", "l-7"}) ||
		!strings.HasPrefix(f.Message, "6 of your 8 agree/disagree answers are \"neither\".") {
		t.Errorf("neutral %+v %v", f, ok)
	}
}

func TestLongstringThreshold(t *testing.T) {
	// A run of `run` 4s, then 1 2 1 2 ... so the run ends where it should.
	vals := func(n, run int) []int {
		out := make([]int, n)
		for i := range out {
			switch {
			case i < run:
				out[i] = 4
			default:
				out[i] = 1 + (i-run)%2
			}
		}
		return out
	}
	cases := []struct {
		n, run int
		want   bool
	}{
		{8, 5, false}, // need max(6, 8/2) = 6
		{8, 6, true},
		{14, 6, false}, // need 14/2 = 7
		{14, 7, true},
		{30, 9, false}, // need min(10, 15) = 10
		{30, 10, true},
		{40, 10, true},
	}
	for _, c := range cases {
		b := genBank(t, 1, c.n)
		a := inBankOrder(b, vals(c.n, c.run), slow)
		f, ok := longstring(b, a)
		if ok != c.want {
			t.Errorf("%d answers, run of %d: flagged %v, want %v", c.n, c.run, ok, c.want)
		}
		if ok && (len(f.Items) != c.run || f.Items[0] != "f0-0" || f.Items[c.run-1] != "f0-"+itoa(c.run-1)) {
			t.Errorf("%d answers, run of %d: items %v", c.n, c.run, f.Items)
		}
	}
	// Skips and "not applicable" do not break a run: only real answers count.
	b := genBank(t, 1, 8)
	a := inBankOrder(b, []int{4, 4, 4, 0, 4, 4, 4, 1}, slow)
	a.Answers["f0-3"] = Answer{NA: true}
	if f, ok := longstring(b, a); !ok || len(f.Items) != 6 {
		t.Errorf("run across a skip: %+v %v, want a run of 6", f, ok)
	}
}

// genPairBank is a lean facet with n reverse-keyed likert pairs pN-a
// (forward) and pN-b (reverse), in that order.
func genPairBank(t *testing.T, n int) *Bank {
	t.Helper()
	var sb strings.Builder
	sb.WriteString("version: pairs\nfacets:\n  - {id: p, name: P, layer: lean, group: orientation, cto: Yes, cio: No, guide: g}\nitems:\n")
	for i := range n {
		id := "p" + itoa(i)
		sb.WriteString("  - {id: " + id + "-a, facet: p, format: likert, scale: cto, text: Forward., pair: " + id + "-b, quick: true, guide: g#one}\n")
		sb.WriteString("  - {id: " + id + "-b, facet: p, format: likert, scale: cto, text: Reverse., reverse: true, pair: " + id + "-a, guide: g#one}\n")
	}
	return load(t, sb.String(), "")
}

func TestContradictionThreshold(t *testing.T) {
	cases := []struct {
		name string
		vals []int // a b a b ...
		want bool
	}{
		{"one pair, one clash is a slip", []int{5, 4}, false},
		{"two pairs, two clashes", []int{5, 4, 2, 2}, true},
		{"three pairs, one clash", []int{5, 4, 4, 2, 5, 1}, false},
		{"three pairs, two clashes", []int{5, 4, 2, 1, 5, 1}, true},
		{"four pairs, two clashes is half", []int{5, 4, 2, 1, 5, 1, 4, 2}, true},
		{"five pairs, two clashes is under half", []int{5, 4, 2, 1, 5, 1, 4, 2, 1, 5}, false},
		{"a half-answered pair does not count", []int{5, 4, 2, 1, 5, 0}, true},
		{"neutral on one side", []int{3, 4, 3, 5, 3, 1}, false},
		{"consistent", []int{5, 1, 4, 2, 1, 5}, false},
	}
	for _, c := range cases {
		b := genPairBank(t, len(c.vals)/2)
		a := inBankOrder(b, c.vals, slow)
		if _, ok := contradiction(b, a); ok != c.want {
			t.Errorf("%s: flagged %v, want %v", c.name, ok, c.want)
		}
	}
	// Each pair is visited once however the order runs.
	b := genPairBank(t, 2)
	a := inBankOrder(b, []int{5, 5, 1, 1}, slow)
	a.Order = []string{"p0-b", "p0-a", "p1-b", "p1-a"}
	if f, ok := contradiction(b, a); !ok || !reflect.DeepEqual(f.Items, []string{"p0-a", "p0-b", "p1-a", "p1-b"}) {
		t.Errorf("reversed order: %+v %v", f, ok)
	}
}

func TestNeutralThreshold(t *testing.T) {
	// `middle` 3s then answers alternating 4 and 2.
	vals := func(n, middle int) []int {
		out := make([]int, n)
		for i := range out {
			out[i] = 3
			if i >= middle {
				out[i] = 4 - 2*(i%2)
			}
		}
		return out
	}
	cases := []struct {
		n, middle int
		want      bool
	}{
		{10, 5, false}, // half, but fewer than NeutralMin
		{10, 6, true},
		{20, 9, false}, // six or more, but under half
		{20, 10, true},
	}
	for _, c := range cases {
		b := genLikertBank(t, c.n)
		if _, ok := neutral(b, inBankOrder(b, vals(c.n, c.middle), slow)); ok != c.want {
			t.Errorf("%d of %d neutral: flagged %v, want %v", c.middle, c.n, ok, c.want)
		}
	}
	// Only agree/disagree answers count: a preference's "both equally",
	// a scenario's balanced option and an anchored level 3 are real
	// answers. "Not applicable" is not a middle answer.
	b := testBank(t)
	a := inBankOrder(b, []int{3, 3, 1, 2, 4, 2, 3, 3, 3, 3, 3, 3, 3, 3}, slow)
	if f, ok := neutral(b, a); ok {
		t.Errorf("5 likert answers at 3 flagged: %+v", f)
	}
	lb := genLikertBank(t, 10)
	a = inBankOrder(lb, vals(10, 6), slow)
	a.Answers["l-0"] = Answer{NA: true}
	if f, ok := neutral(lb, a); ok {
		t.Errorf("5 of 9 neutral flagged: %+v", f)
	}
}

// genLikertBank is one readiness facet with n likert items l-0 .. l-(n-1).
func genLikertBank(t *testing.T, n int) *Bank {
	t.Helper()
	var sb strings.Builder
	sb.WriteString("version: likert\nfacets:\n  - {id: r, name: R, layer: readiness, group: area, guide: g, expect: {cto: 50, cio: 50}}\nitems:\n")
	for i := range n {
		sb.WriteString("  - {id: l-" + itoa(i) + ", facet: r, format: likert, text: I can do it., quick: true, guide: g#one}\n")
	}
	return load(t, sb.String(), "")
}

func TestFastThreshold(t *testing.T) {
	// genBank items read "Rate it.": 1s + 2 words / 6 per second.
	took := func(fast, untimedN int) func(Item) time.Duration {
		i := 0
		return func(Item) time.Duration {
			i++
			switch {
			case i <= untimedN:
				return 0
			case i <= untimedN+fast:
				return time.Second
			}
			return 5 * time.Second
		}
	}
	cases := []struct {
		n, fast, untimed int
		want             bool
	}{
		{12, 3, 0, true},  // 3 of 12 is a quarter
		{12, 2, 0, false}, // fewer than FastMin
		{13, 3, 0, false}, // under a quarter
		{13, 3, 1, true},  // untimed answers are left out: 3 of 12
	}
	for _, c := range cases {
		b := genBank(t, 1, c.n)
		f, ok := fast(b, inBankOrder(b, repeat(4, c.n), took(c.fast, c.untimed)))
		if ok != c.want {
			t.Errorf("%d fast, %d untimed of %d: flagged %v, want %v", c.fast, c.untimed, c.n, ok, c.want)
		}
		if ok && len(f.Items) != c.fast {
			t.Errorf("fast items %v, want %d", f.Items, c.fast)
		}
	}
}

func TestReadingTime(t *testing.T) {
	b := testBank(t)
	item := func(id string) Item { it, _ := b.Item(id); return it }
	cases := []struct {
		id   string
		want time.Duration
	}{
		// "I like shaping the product people buy.": 7 words.
		{"b-like-1", time.Second + 7*time.Second/6},
		// 5 words of question and 3 + 3 of options.
		{"b-choice-1", time.Second + 11*time.Second/6},
	}
	for _, c := range cases {
		if got := ReadingTime(item(c.id)); got != c.want {
			t.Errorf("ReadingTime(%s) = %v, want %v", c.id, got, c.want)
		}
	}
	if got := ReadingTime(Item{}); got != MinReadingTime {
		t.Errorf("ReadingTime of nothing = %v, want %v", got, MinReadingTime)
	}
}

// The plan's "review the N answers" counts the answers the review marks:
// every flag's items, each once, whichever check names it.
func TestPlanCountsTheAnswersTheReviewMarks(t *testing.T) {
	var fast []string
	for i := range 30 {
		fast = append(fast, "q"+itoa(i))
	}
	r := Result{Held: true, Lean: Lean{Enough: true}, Flags: []Flag{
		{Code: "fast", Items: fast},
		{Code: "longstring", Items: []string{"q1", "q2", "q3", "x1"}},
		{Code: "contradiction", Items: []string{"x1", "x2"}},
	}}
	step, ok := evidenceStep(&r, selfRatings{})
	want := len(FlaggedItems(r.Flags))
	if want != 32 {
		t.Fatalf("FlaggedItems: %d, want 32", want)
	}
	if !ok || !strings.Contains(step.Actions[0], "Review the 32 answers") {
		t.Errorf("plan step %+v, want it to review the 32 answers the review marks", step)
	}
	r.Flags = []Flag{{Code: "longstring", Items: []string{"q1"}}}
	if step, _ := evidenceStep(&r, selfRatings{}); !strings.Contains(step.Actions[0], "Review the 1 answer the") {
		t.Errorf("one flagged answer: %q", step.Actions[0])
	}
}

// The self-rating flag's plan asks for colleagues' ratings only until
// enough have answered; then it says to read them.
func TestSelfRatingActionsFollowTheColleaguesView(t *testing.T) {
	var sr selfRatings
	for range SelfRatingMin + 2 {
		sr.levels = append(sr.levels, 5)
		sr.high++
	}
	ask := strings.Join(sr.reviewActions(nil), " ")
	if !strings.Contains(ask, "Ask three or more colleagues") {
		t.Errorf("no colleagues yet: %q", ask)
	}
	some := strings.Join(sr.reviewActions(&PeerPanel{Responses: 2, Need: 1}), " ")
	if !strings.Contains(some, "Gather 1 more response") || strings.Contains(some, "Ask three") {
		t.Errorf("two responses in: %q", some)
	}
	enough := strings.Join(sr.reviewActions(&PeerPanel{Responses: 3}), " ")
	if strings.Contains(enough, "Ask") || !strings.Contains(enough, "3 responses") {
		t.Errorf("three responses in: %q", enough)
	}
}
