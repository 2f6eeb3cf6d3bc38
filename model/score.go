package model

import (
	"math"
	"sort"
)

// Score is one facet, readiness area or foundation. Score, Low and High run
// 0..100; on lean facets 0 is the CIO pole and 100 the CTO pole.
type Score struct {
	ID    string
	Name  string
	Layer Layer
	Group string
	Guide string
	Score int
	Low   int
	High  int
	N     int // answers that count
	// NoOpportunity counts its items answered "no opportunity yet": an
	// area with only those is unrated for want of a chance, not skipped.
	NoOpportunity int `json:",omitempty"`
	Movers        []Mover
	// Readiness and foundations (method 2): each role's expected level,
	// cxo's judgement, and how the score stands against each.
	ExpectCTO int  `json:",omitempty"`
	ExpectCIO int  `json:",omitempty"`
	VsCTO     Mark `json:",omitempty"`
	VsCIO     Mark `json:",omitempty"`
}

// Mover is one answer and how far it pushed a score.
type Mover struct {
	ItemID string
	Text   string
	Answer string
	Effect int // signed: toward CTO (lean) or above the midpoint (readiness)
}

// Lean is the position between the roles from the trade-off items, -100
// (CIO) to +100 (CTO), with a band from the spread of the person's own
// answers. Direction, size and certainty are separate words.
type Lean struct {
	Score   int
	Low     int
	High    int
	N       int
	Verdict string
	// Method 2.
	Enough     bool    `json:",omitempty"` // the minimum evidence is there
	Need       int     `json:",omitempty"` // trade-off answers still needed
	Direction  Role    `json:",omitempty"` // the side the score is on
	Size       string  `json:",omitempty"` // slight, moderate, strong (from the score)
	Certainty  string  `json:",omitempty"` // clear, open or too few answers
	Confidence float64 `json:",omitempty"` // of the band
}

// Affinity is one unipolar scale, 0..100, from agree/disagree items.
type Affinity struct {
	Role       Role
	Score      int
	Low        int
	High       int
	N          int
	Indicative bool // quick, or too few answers: shown, never concluded on
}

// Result is everything the coach says about an assessment.
type Result struct {
	BankVersion string
	Method      int  `json:",omitempty"` // 0 reads as 1: stored before method 2
	Provisional bool `json:",omitempty"` // a quick assessment
	Profile     Profile
	Held        bool     `json:",omitempty"` // quality checks hold the verdict back
	HeldBy      []string `json:",omitempty"` // the flag codes that hold it
	// Unheld is the verdict the answers give when the checks are set
	// aside: what the key on the results screen shows anyway.
	Unheld      string `json:",omitempty"`
	Target      Role   // the role the plan is measured against; "" both
	TargetFrom  string // chosen, lean or both
	Lean        Lean
	Affinities  []Affinity
	Facets      []Score // lean facets
	Readiness   []Score // operational skills and the twelve areas
	Foundations []Score
	Strengths   []Finding
	Gaps        []Finding
	Plan        []PlanStep
	Later       []PlanStep // gaps beyond the plan's priorities
	Flags       []Flag
	Answered    int
	Skipped     int
	NA          int
	// NoOpportunity counts "no opportunity yet" answers; the plan lists
	// each under "later" as a chance to seek.
	NoOpportunity int `json:",omitempty"`
	Total         int // items in the order that the bank still has: Answered+Skipped+NA+NoOpportunity
	Unscored      int // answers kept for items the bank no longer has
	// Peers is the colleagues' view per area; nil when none responded.
	Peers *PeerPanel `json:",omitempty"`
}

// MethodOf is the method that made a result: 1 for one stored before
// methods were numbered.
func (r Result) MethodOf() int { return max(r.Method, 1) }

// tradeoff reports whether the item is one of the lean's trade-offs.
func tradeoff(it Item) bool {
	return it.Format == FormatPreference || it.Format == FormatChoice || it.Format == FormatScenario
}

// value maps an answer to the item's scale: -1..1 toward CTO on trade-off
// items, 0..1 on affinity, readiness and foundation items.
func value(it Item, a Answer) (float64, bool) {
	if !a.Scored() || a.Value < 1 || a.Value > it.Levels() {
		return 0, false
	}
	switch it.Format {
	case FormatPreference:
		if len(it.Options) != 2 {
			return 0, false
		}
		switch {
		case a.Value < 3:
			return float64(3-a.Value) / 2 * float64(it.Options[0].Score) / 2, true
		case a.Value > 3:
			return float64(a.Value-3) / 2 * float64(it.Options[1].Score) / 2, true
		}
		return 0, true
	case FormatChoice, FormatScenario:
		return float64(it.Options[a.Value-1].Score) / 2, true
	case FormatLikert, FormatRating:
		r := float64(a.Value)
		if it.Reverse {
			r = 6 - r
		}
		return (r - 1) / 4, true
	}
	return 0, false
}

type point struct {
	it Item
	a  Answer
	v  float64
}

// Compute scores an assessment against a bank with the current method. It
// is pure and cheap.
func Compute(b *Bank, a *Assessment) Result {
	r := Result{BankVersion: a.BankVersion, Method: Method, Provisional: a.Length == LengthQuick}
	for id, ans := range a.Answers {
		_, item := b.Item(id)
		_, replaced := b.ReplacedBy(id)
		if !item && !replaced && ans.Given() {
			r.Unscored++
		}
	}
	perFacet := map[string][]point{}
	perScale := map[Role][]float64{}
	var lean []float64
	var chances []Item // answered "no opportunity yet", in order
	seen := map[string]bool{}
	for _, id := range a.Order {
		it, ans, ok := b.Resolve(id, a.Answers)
		if !ok || seen[it.ID] {
			continue
		}
		seen[it.ID] = true
		r.Total++
		switch {
		case ans.NA:
			r.NA++
		case ans.NoOpportunity:
			r.NoOpportunity++
			chances = append(chances, it)
		case !ans.Given():
			r.Skipped++
		default:
			r.Answered++
		}
		v, ok := value(it, ans)
		if !ok {
			continue
		}
		f, _ := b.Facet(it.Facet)
		switch {
		case f.Layer != LayerLean:
			perFacet[it.Facet] = append(perFacet[it.Facet], point{it, ans, v})
		case tradeoff(it):
			perFacet[it.Facet] = append(perFacet[it.Facet], point{it, ans, v})
			lean = append(lean, v)
		case it.Format == FormatLikert:
			perScale[it.Scale] = append(perScale[it.Scale], v)
		}
	}
	conf := LeanConfidence(a.Length)
	r.Lean = leanOf(lean, conf)
	r.Lean.Enough, r.Lean.Need = enough(b, a, perFacet, len(lean))
	if !r.Lean.Enough {
		// No direction or size from less than the minimum evidence.
		r.Lean.Certainty, r.Lean.Direction, r.Lean.Size = "too few answers", "", ""
	}
	for _, role := range []Role{RoleCTO, RoleCIO} {
		r.Affinities = append(r.Affinities, affinityOf(role, perScale[role], a.Length))
	}

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
	pooled, pooledLean := stddev(capability), stddev(lean)
	for _, f := range b.Facets {
		s := facetScore(f, perFacet[f.ID], pooled, pooledLean, conf)
		for _, it := range chances {
			if it.Facet == f.ID {
				s.NoOpportunity++
			}
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
	r.Flags = Flags(b, a)
	for _, f := range r.Flags {
		if holds(b, f) {
			r.Held = true
			r.HeldBy = append(r.HeldBy, f.Code)
		}
	}
	if r.Held {
		unheld := r
		unheld.Held = false
		unheld.Profile = profile(unheld)
		r.Unheld = verdict(unheld)
	}
	r.Profile = profile(r)
	r.Lean.Verdict = verdict(r)
	r.Target, r.TargetFrom = a.Target, "chosen"
	if r.Target == "" {
		r.TargetFrom = "both"
		if r.Profile == ProfileLean {
			r.Target, r.TargetFrom = r.Lean.Direction, "lean"
		}
	}
	selfFlag := false
	for _, f := range r.Flags {
		selfFlag = selfFlag || f.Code == "selfrating"
	}
	for _, group := range [][]Score{r.Readiness, r.Foundations} {
		for i := range group {
			group[i].VsCTO = Judge(group[i], group[i].ExpectCTO, selfFlag)
			group[i].VsCIO = Judge(group[i], group[i].ExpectCIO, selfFlag)
		}
	}
	r.Peers = PeerView(b, &r, a.Peers)
	findings(b, &r, selfFlag, selfRatingsOf(b, a))
	r.Later = append(r.Later, chanceSteps(b, chances)...)
	return r
}

// holds reports whether a flag holds the verdict back: a long run or true
// contradictions among the lean's items. A run among readiness ratings is
// still flagged (first, on screen and in exports) but says nothing about
// the lean.
func holds(b *Bank, f Flag) bool {
	if f.Code != "longstring" && f.Code != "contradiction" {
		return false
	}
	for _, id := range f.Items {
		if it, ok := b.Item(id); ok {
			if fc, _ := b.Facet(it.Facet); fc.Layer == LayerLean {
				return true
			}
		} else if _, ok := b.ReplacedBy(id); ok {
			return true
		}
	}
	return false
}

// enough says whether the trade-off answers reach the minimum evidence,
// and how many more are needed when they do not.
func enough(b *Bank, a *Assessment, perFacet map[string][]point, n int) (bool, int) {
	short := 0
	for _, f := range b.Facets {
		if f.Layer == LayerLean {
			short += max(MinPerFacet-len(perFacet[f.ID]), 0)
		}
	}
	need := max(MinTradeoffs-n, short)
	return need == 0, need
}

// leanOf turns trade-off values (-1..1) into the lean with its band.
func leanOf(vals []float64, conf float64) Lean {
	l := Lean{N: len(vals), Confidence: conf, Low: -100, High: 100}
	if len(vals) == 0 {
		return l
	}
	m, lo, hi := band(vals, conf, LeanFloor)
	l.Score = round(100 * m)
	l.Low = clamp(round(100*lo), -100, 100)
	l.High = clamp(round(100*hi), -100, 100)
	switch {
	case l.Score > 0:
		l.Direction = RoleCTO
	case l.Score < 0:
		l.Direction = RoleCIO
	}
	l.Size = LeanSize(l.Score)
	l.Certainty = "open"
	if l.Low > 0 || l.High < 0 {
		l.Certainty = "clear"
	}
	return l
}

func affinityOf(role Role, vals []float64, length Length) Affinity {
	af := Affinity{Role: role, N: len(vals), Low: 0, High: 100, Indicative: length == LengthQuick || len(vals) < MinAffinityItems}
	if len(vals) == 0 {
		return af
	}
	m, lo, hi := band(vals, AffinityConfidence, AffinityFloor)
	af.Score = round(100 * m)
	af.Low = clamp(round(100*lo), 0, 100)
	af.High = clamp(round(100*hi), 0, 100)
	return af
}

// facetScore scores one facet with its band; a lean facet's position runs
// 0 (CIO) to 100 (CTO).
func facetScore(f Facet, pts []point, pooled, pooledLean, conf float64) Score {
	s := Score{ID: f.ID, Name: f.Name, Layer: f.Layer, Group: f.Group, Guide: f.Guide, N: len(pts)}
	if f.Layer != LayerLean {
		s.ExpectCTO, s.ExpectCIO = f.Expect[RoleCTO], f.Expect[RoleCIO]
	}
	if f.Layer == LayerLean && len(pts) == 0 {
		s.Score, s.Low, s.High = 50, 0, 100 // the middle, nothing known
	}
	vals := make([]float64, len(pts))
	for i, p := range pts {
		vals[i] = p.v
	}
	if len(vals) > 0 {
		m := mean(vals)
		// The prior's degrees of freedom join the facet's own.
		df := len(vals) - 1 + priorWeight
		if f.Layer == LayerLean {
			half := TCritical(conf, df) * max(shrunkSpread(vals, pooledLean), LeanFloor) / math.Sqrt(float64(len(vals)))
			s.Score = round(50 * (m + 1))
			s.Low = clamp(round(50*(m-half+1)), 0, 100)
			s.High = clamp(round(50*(m+half+1)), 0, 100)
		} else {
			half := TCritical(ReadinessConfidence, df) * max(shrunkSpread(vals, pooled), RatingFloor) / math.Sqrt(float64(len(vals)))
			s.Score = round(100 * m)
			s.Low = clamp(round(100*(m-half)), 0, 100)
			s.High = clamp(round(100*(m+half)), 0, 100)
		}
	}
	for _, p := range pts {
		effect := p.v
		if f.Layer != LayerLean {
			effect = p.v - 0.5
		}
		s.Movers = append(s.Movers, Mover{ItemID: p.it.ID, Text: p.it.Text, Answer: AnswerText(p.it, p.a), Effect: round(100 * effect)})
	}
	// Every answer the score rests on is kept, largest pull first, so
	// "why" can show them all and the score is their mean.
	sort.SliceStable(s.Movers, func(i, j int) bool { return abs(s.Movers[i].Effect) > abs(s.Movers[j].Effect) })
	return s
}

// LevelValues are the values of an item's answers 1..Levels on its scale:
// -1..+1 toward the CTO on trade-off items, 0..1 on the others.
func LevelValues(it Item) []float64 {
	out := make([]float64, it.Levels())
	for i := range out {
		out[i], _ = value(it, Answer{Value: i + 1})
	}
	return out
}

// LeanAt is the lean of trade-off values (-1..+1) with its band at a
// given confidence: what the simulation uses to show how the confidence
// was chosen.
func LeanAt(vals []float64, confidence float64) Lean { return leanOf(vals, confidence) }

// TradeoffValues are an assessment's trade-off answers on -1..+1, in order.
func TradeoffValues(b *Bank, a *Assessment) []float64 {
	var out []float64
	for _, g := range answered(b, a) {
		if f, _ := b.Facet(g.Facet); f.Layer == LayerLean && tradeoff(*g.Item) {
			if v, ok := value(*g.Item, g.ans); ok {
				out = append(out, v)
			}
		}
	}
	return out
}
