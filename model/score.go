package model

import (
	"math"
	"sort"
	"strconv"
)

// HonestSentence is said with every result, on screen and in exports.
const HonestSentence = "cxo is a reflection aid, not a validated psychometric instrument: use it to think and talk about your career, never to make hiring or promotion decisions."

// Score is one facet or readiness area. Score, Low and High run 0..100;
// on lean facets 0 is the CIO pole and 100 the CTO pole.
type Score struct {
	ID     string
	Name   string
	Layer  Layer
	Group  string
	Guide  string
	Score  int
	Low    int
	High   int
	N      int // answers that count
	Movers []Mover
}

// Mover is one answer and how far it pushed a score.
type Mover struct {
	ItemID string
	Text   string
	Answer string
	Effect int // signed: toward CTO (lean) or above the midpoint (readiness)
}

// Lean is the overall position between the roles, -100 (CIO) to +100 (CTO),
// with a band from the spread of the person's own answers.
type Lean struct {
	Score   int
	Low     int
	High    int
	N       int
	Verdict string
}

// Finding is a strength or a gap against the target role.
type Finding struct {
	FacetID string
	Name    string
	Score   int
	Expect  int
	Why     string
	Guide   string
}

// PlanStep is what to do about one gap.
type PlanStep struct {
	FacetID string
	Name    string
	Actions []string
	Guide   string
}

// Result is everything the coach says about an assessment.
type Result struct {
	BankVersion string
	Target      Role // the role strengths and gaps are measured against
	TargetFrom  string
	Lean        Lean
	Facets      []Score // lean facets
	Readiness   []Score // operational skills and the twelve areas
	Foundations []Score
	Strengths   []Finding
	Gaps        []Finding
	Plan        []PlanStep
	Flags       []Flag
	Answered    int
	Skipped     int
	NA          int
	Total       int // items in the order that the bank still has: Answered+Skipped+NA
	Unscored    int // answers kept for items the bank no longer has
}

// value maps an answer to the item's scale: -1..1 toward CTO on lean items,
// 0..1 of capability on readiness and foundation items.
func value(b *Bank, it Item, a Answer) (float64, bool) {
	if !a.Given() || a.NA {
		return 0, false
	}
	f, _ := b.Facet(it.Facet)
	switch it.Format {
	case FormatChoice, FormatScenario:
		if a.Value < 1 || a.Value > len(it.Options) {
			return 0, false
		}
		return float64(it.Options[a.Value-1].Score) / 2, true
	case FormatLikert, FormatRating:
		if a.Value < 1 || a.Value > 5 {
			return 0, false
		}
		r := float64(a.Value)
		if it.Reverse {
			r = 6 - r
		}
		if f.Layer == LayerLean {
			return (r - 3) / 2, true
		}
		return (r - 1) / 4, true
	}
	return 0, false
}

// AnswerText is the answer as the user saw it.
func AnswerText(it Item, a Answer) string {
	switch {
	case a.NA:
		return "not applicable"
	case a.Skipped:
		return "skipped"
	case !a.Given():
		return "not answered" // never reached, or left open
	}
	switch it.Format {
	case FormatChoice, FormatScenario:
		if a.Value >= 1 && a.Value <= len(it.Options) {
			return it.Options[a.Value-1].Text
		}
	case FormatLikert:
		if a.Value >= 1 && a.Value <= 5 {
			return LikertLabels[a.Value-1]
		}
	case FormatRating:
		if t := it.Anchors[a.Value]; t != "" {
			return strconv.Itoa(a.Value) + " - " + t
		}
		return strconv.Itoa(a.Value) + " of 5"
	}
	return "?"
}

// LikertLabels are the five agreement levels.
var LikertLabels = []string{"Strongly disagree", "Disagree", "Neither", "Agree", "Strongly agree"}

// Compute scores an assessment against a bank. It is pure and cheap.
func Compute(b *Bank, a *Assessment) Result {
	r := Result{BankVersion: a.BankVersion}
	for id, ans := range a.Answers {
		if _, ok := b.Item(id); !ok && ans.Given() {
			r.Unscored++
		}
	}
	type point struct {
		it Item
		a  Answer
		v  float64
	}
	perFacet := map[string][]point{}
	var lean []float64
	for _, id := range a.Order {
		it, ok := b.Item(id)
		if !ok {
			continue
		}
		r.Total++
		ans := a.Answers[id]
		switch {
		case ans.NA:
			r.NA++
		case !ans.Given():
			r.Skipped++
		default:
			r.Answered++
		}
		v, ok := value(b, it, ans)
		if !ok {
			continue
		}
		perFacet[it.Facet] = append(perFacet[it.Facet], point{it, ans, v})
		if f, _ := b.Facet(it.Facet); f.Layer == LayerLean {
			lean = append(lean, v)
		}
	}
	r.Lean = leanOf(lean)

	// Each facet's band borrows from the spread of all the person's
	// answers in its layer (see shrunkSpread): a facet with one answer
	// still carries a band, and two identical answers do not claim
	// perfect precision.
	var capability []float64
	for _, f := range b.Facets {
		if f.Layer != LayerLean {
			for _, p := range perFacet[f.ID] {
				capability = append(capability, p.v)
			}
		}
	}
	pooled := stddev(capability)
	pooledLean := stddev(lean)

	for _, f := range b.Facets {
		pts := perFacet[f.ID]
		s := Score{ID: f.ID, Name: f.Name, Layer: f.Layer, Group: f.Group, Guide: f.Guide, N: len(pts)}
		vals := make([]float64, len(pts))
		for i, p := range pts {
			vals[i] = p.v
		}
		if f.Layer == LayerLean {
			l := leanOf(vals)
			if len(vals) > 0 && len(lean) > 1 {
				// The facet's band from its shrunk spread; with a single
				// lean answer in all there is no spread at all, and the
				// band stays as wide as the overall lean's.
				m := mean(vals)
				half := 1.96 * max(shrunkSpread(vals, pooledLean), leanStep) / math.Sqrt(float64(len(vals)))
				l.Low = clamp(round(100*(m-half)), -100, 100)
				l.High = clamp(round(100*(m+half)), -100, 100)
			}
			half := func(v int) int { return round(float64(v+100) / 2) }
			s.Score, s.Low, s.High = half(l.Score), half(l.Low), half(l.High)
		} else if len(vals) > 0 {
			m := mean(vals)
			half := 1.96 * max(shrunkSpread(vals, pooled), ratingStep) / math.Sqrt(float64(len(vals)))
			s.Score = round(100 * m)
			s.Low = clamp(round(100*(m-half)), 0, 100)
			s.High = clamp(round(100*(m+half)), 0, 100)
		}
		for _, p := range pts {
			effect := p.v
			if f.Layer != LayerLean {
				effect = p.v - 0.5
			}
			s.Movers = append(s.Movers, Mover{ItemID: p.it.ID, Text: p.it.Text, Answer: AnswerText(p.it, p.a), Effect: round(100 * effect)})
		}
		sort.SliceStable(s.Movers, func(i, j int) bool { return abs(s.Movers[i].Effect) > abs(s.Movers[j].Effect) })
		if len(s.Movers) > 3 {
			s.Movers = s.Movers[:3]
		}
		switch f.Layer {
		case LayerLean:
			r.Facets = append(r.Facets, s)
		case LayerReadiness:
			r.Readiness = append(r.Readiness, s)
		case LayerFoundation:
			r.Foundations = append(r.Foundations, s)
		}
	}
	r.Target, r.TargetFrom = a.Target, "chosen"
	if r.Target == "" {
		r.TargetFrom = "lean"
		switch {
		case r.Lean.N == 0 || (r.Lean.Low <= 0 && r.Lean.High >= 0):
			r.TargetFrom = "both"
		case r.Lean.Score > 0:
			r.Target = RoleCTO
		default:
			r.Target = RoleCIO
		}
	}
	findings(b, &r)
	r.Flags = Flags(b, a)
	return r
}

// A band is never narrower than one step of the answer scale allows: the
// answers cannot tell apart two levels closer than a step, so identical
// answers still leave that much doubt. One Likert step on the lean's -1..1
// scale, one level on readiness's 0..1.
const (
	leanStep   = 0.5
	ratingStep = 0.25
)

// leanOf turns item values (-1..1) into the lean with its band.
func leanOf(vals []float64) Lean {
	l := Lean{N: len(vals)}
	if len(vals) == 0 {
		l.Low, l.High = -100, 100
		l.Verdict = "not enough answers to tell"
		return l
	}
	m := mean(vals)
	half := 1.0
	if len(vals) > 1 {
		half = 1.96 * max(stddev(vals), leanStep) / math.Sqrt(float64(len(vals)))
	}
	l.Score = round(100 * m)
	l.Low = clamp(round(100*(m-half)), -100, 100)
	l.High = clamp(round(100*(m+half)), -100, 100)
	l.Verdict = verdict(l.Low, l.High)
	return l
}

// ClearLean is how far past the middle the whole band must sit to call a
// lean clear rather than slight.
const ClearLean = 25

func verdict(low, high int) string {
	switch {
	case low >= ClearLean:
		return "clear CTO lean"
	case low > 0:
		return "slight CTO lean"
	case high <= -ClearLean:
		return "clear CIO lean"
	case high < 0:
		return "slight CIO lean"
	}
	return "balanced - common where one person holds both roles"
}

// ExpectFor is the level the target asks of a facet; with no single
// target, the higher of the two.
func ExpectFor(f Facet, target Role) int {
	if target != "" {
		return f.Expect[target]
	}
	return max(f.Expect[RoleCTO], f.Expect[RoleCIO])
}

// TargetLabel names what strengths and gaps are measured against.
func (r Result) TargetLabel() string {
	if r.Target == "" {
		return "both roles"
	}
	return "the " + r.Target.Upper() + " role"
}

func findings(b *Bank, r *Result) {
	type gap struct {
		Finding
		short int
	}
	var gaps []gap
	callsFor := " calls for" // "the CTO role calls for", "both roles call for"
	if r.Target == "" {
		callsFor = " call for"
	}
	for _, group := range [][]Score{r.Readiness, r.Foundations} {
		for _, s := range group {
			if s.N == 0 {
				continue
			}
			f, _ := b.Facet(s.ID)
			e := ExpectFor(f, r.Target)
			fd := Finding{FacetID: s.ID, Name: s.Name, Score: s.Score, Expect: e, Guide: s.Guide}
			switch {
			case s.Score < e:
				fd.Why = "you rate " + strconv.Itoa(s.Score) + "; " + r.TargetLabel() + callsFor + " about " + strconv.Itoa(e)
				short := e - s.Score
				if s.Group == "operational" {
					// Operational skill is where the roles differ most:
					// its gaps lead the plan.
					short = short * 3 / 2
				}
				gaps = append(gaps, gap{fd, short})
			case s.Score >= e+10 || s.Score >= 80:
				fd.Why = "you rate " + strconv.Itoa(s.Score) + ", above the " + strconv.Itoa(e) + " " + r.TargetLabel() + callsFor
				r.Strengths = append(r.Strengths, fd)
			}
		}
	}
	// On the lean, a facet pointing away from a chosen target is a gap.
	if r.Target != "" {
		for _, s := range r.Facets {
			if s.N == 0 {
				continue
			}
			f, _ := b.Facet(s.ID)
			toward, away := s.Score, 100-s.Score
			pole, other := f.CTO, f.CIO
			if r.Target == RoleCIO {
				toward, away = away, toward
				pole, other = other, pole
			}
			if away-toward >= 20 {
				fd := Finding{FacetID: s.ID, Name: s.Name, Score: s.Score, Guide: s.Guide,
					Why: "your answers lean to " + other + ", while " + r.TargetLabel() + " centres on " + pole}
				gaps = append(gaps, gap{fd, away - toward})
			}
		}
	}
	sort.SliceStable(gaps, func(i, j int) bool { return gaps[i].short > gaps[j].short })
	sort.SliceStable(r.Strengths, func(i, j int) bool { return r.Strengths[i].Score > r.Strengths[j].Score })
	for _, g := range gaps {
		r.Gaps = append(r.Gaps, g.Finding)
	}
	// Every gap gets its step, biggest first (operational gaps weigh more),
	// so the plan reads in the order to work through it.
	for _, g := range r.Gaps {
		pa := b.Plan[g.FacetID]
		actions := pa.Actions
		f, _ := b.Facet(g.FacetID)
		if f.Layer == LayerLean {
			actions = pa.TowardCTO
			if r.Target == RoleCIO {
				actions = pa.TowardCIO
			}
		}
		if len(actions) > 3 {
			actions = actions[:3]
		}
		r.Plan = append(r.Plan, PlanStep{FacetID: g.FacetID, Name: g.Name, Actions: actions, Guide: g.Guide})
	}
}
