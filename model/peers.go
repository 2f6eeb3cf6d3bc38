package model

import (
	"math"
	"sort"
)

// MinRaters is the anonymity threshold: nothing of the colleagues'
// ratings is shown until this many have answered, and no group of them
// smaller than this is ever shown, nor one whose complement is.
const MinRaters = 3

// BorrowedDF is how many degrees of freedom a band borrows from the pooled
// spread (the person's own bands and the colleagues' alike).
const BorrowedDF = priorWeight

// Peer readings of an area: self against the others, read with both bands.
const (
	PeerBlindSpot      = "blind spot"      // self above the others beyond both bands
	PeerHiddenStrength = "hidden strength" // self below the others beyond both bands
	// PeerWithinBands: the bands overlap, so no difference between the
	// person's view and the others' is established. It is not agreement:
	// two far-apart scores with wide bands read so too, as compare says
	// of a difference inside the bands.
	PeerWithinBands = "within the bands"
	// peerInLineOld is what method 2 wrote for PeerWithinBands before
	// December 2026; a stored result that holds it reads as the new words.
	peerInLineOld = "in line"
)

// PeerReading is a stored reading in today's words.
func PeerReading(s string) string {
	if s == peerInLineOld {
		return PeerWithinBands
	}
	return s
}

// PeerPanel is the colleagues' view of a result.
type PeerPanel struct {
	Responses int        // responses imported
	Need      int        // more responses needed before anything is shown
	Areas     []PeerArea // readiness areas then foundations; empty while Need > 0
}

// PeerArea is one area: the person's own score against the others'.
type PeerArea struct {
	ID      string
	Name    string
	Self    int
	SelfLow int
	SelfHi  int
	SelfN   int
	// Raters is how many rated the area (a "no opportunity" does not
	// count); Shown is false when fewer than MinRaters did, and then no
	// figure of theirs is kept.
	Raters  int
	Shown   bool
	Others  int `json:",omitempty"`
	Low     int `json:",omitempty"`
	High    int `json:",omitempty"`
	Reading string
	Groups  []PeerGroup `json:",omitempty"`
}

// PeerGroup is the others' view from one relationship, shown only when
// the anonymity rule allows it.
type PeerGroup struct {
	Relationship Relationship
	Raters       int
	Others       int
	Low          int
	High         int
}

// Confirmed reports whether the others, shown, score the area below level
// beyond doubt: their whole band lies below it. A mean below the level
// with a band reaching above it establishes nothing (the panel reads such
// an area "within the bands").
func (p *PeerPanel) Confirmed(facet string, level int) bool {
	if p == nil {
		return false
	}
	for _, a := range p.Areas {
		if a.ID == facet {
			return a.Shown && a.High < level
		}
	}
	return false
}

// Area returns the panel's area with the id.
func (p *PeerPanel) Area(id string) (PeerArea, bool) {
	if p != nil {
		for _, a := range p.Areas {
			if a.ID == id {
				return a, true
			}
		}
	}
	return PeerArea{}, false
}

// PeerView works out the peers panel of a result from the responses; nil
// when there are none.
func PeerView(b *Bank, r *Result, responses []Response) *PeerPanel {
	if len(responses) == 0 {
		return nil
	}
	p := &PeerPanel{Responses: len(responses), Need: max(MinRaters-len(responses), 0)}
	if p.Need > 0 {
		return p
	}
	// The pooled spread of every rating the colleagues gave, as the
	// person's own bands pool theirs (shrunkSpread).
	var all []float64
	for _, resp := range responses {
		for id, v := range resp.Answers {
			if it, ok := b.Item(id); ok && v > 0 {
				if x, ok := value(it, Answer{Value: v}); ok {
					all = append(all, x)
				}
			}
		}
	}
	pooled := stddev(all)
	for _, group := range [][]Score{r.Readiness, r.Foundations} {
		for _, s := range group {
			p.Areas = append(p.Areas, peerArea(b, s, responses, pooled))
		}
	}
	return p
}

type raterMean struct {
	rel Relationship
	v   float64
}

func peerArea(b *Bank, s Score, responses []Response, pooled float64) PeerArea {
	a := PeerArea{ID: s.ID, Name: s.Name, SelfN: s.N}
	if s.N > 0 {
		a.Self, a.SelfLow, a.SelfHi = s.Score, s.Low, s.High
	}
	var raters []raterMean
	for _, resp := range responses {
		var vals []float64
		for id, v := range resp.Answers {
			it, ok := b.Item(id)
			if !ok || it.Facet != s.ID || v < 1 {
				continue
			}
			if x, ok := value(it, Answer{Value: v}); ok {
				vals = append(vals, x)
			}
		}
		if len(vals) > 0 {
			raters = append(raters, raterMean{resp.Relationship, mean(vals)})
		}
	}
	a.Raters = len(raters)
	if a.Raters < MinRaters {
		return a
	}
	a.Shown = true
	a.Others, a.Low, a.High = othersBand(raters, pooled)
	switch {
	case s.N == 0:
	case a.SelfLow > a.High:
		a.Reading = PeerBlindSpot
	case a.SelfHi < a.Low:
		a.Reading = PeerHiddenStrength
	default:
		a.Reading = PeerWithinBands
	}
	counts := map[Relationship]int{}
	for _, rm := range raters {
		counts[rm.rel]++
	}
	for _, rel := range ShownGroups(counts) {
		var in []raterMean
		for _, rm := range raters {
			if rm.rel == rel {
				in = append(in, rm)
			}
		}
		g := PeerGroup{Relationship: rel, Raters: len(in)}
		g.Others, g.Low, g.High = othersBand(in, pooled)
		a.Groups = append(a.Groups, g)
	}
	return a
}

// othersBand is the mean of the raters' means with its band, 0..100, by
// the rule of the person's own bands: a t interval at the readiness
// confidence over the raters (each rater one value, however many items
// they rated), the spread between them pulled toward the pooled spread of
// all their ratings (priorWeight more degrees of freedom) and floored at
// one level.
func othersBand(raters []raterMean, pooled float64) (score, low, high int) {
	vals := make([]float64, len(raters))
	for i, rm := range raters {
		vals[i] = rm.v
	}
	m := mean(vals)
	half := TCritical(ReadinessConfidence, len(vals)-1+priorWeight) * max(shrunkSpread(vals, pooled), RatingFloor) / math.Sqrt(float64(len(vals)))
	return round(100 * m), clamp(round(100*(m-half)), 0, 100), clamp(round(100*(m+half)), 0, 100)
}

// ShownGroups is the anonymity rule for relationship groups: a group is
// shown only when it has at least MinRaters, and the raters outside the
// shown groups number none or at least MinRaters, so that no rater's
// answers can be had by subtracting the shown groups from the whole. When
// the rest is too small, the smallest candidate joins it (which always
// makes the rest large enough).
func ShownGroups(counts map[Relationship]int) []Relationship {
	total := 0
	var cand []Relationship
	for _, rel := range Relationships {
		total += counts[rel]
		if counts[rel] >= MinRaters {
			cand = append(cand, rel)
		}
	}
	rest := total
	for _, rel := range cand {
		rest -= counts[rel]
	}
	if rest > 0 && rest < MinRaters && len(cand) > 0 {
		smallest := 0
		for i, rel := range cand {
			if counts[rel] <= counts[cand[smallest]] {
				smallest = i
			}
		}
		cand = append(cand[:smallest], cand[smallest+1:]...)
	}
	if len(cand) == 0 {
		return nil
	}
	sort.SliceStable(cand, func(i, j int) bool { return relIndex(cand[i]) < relIndex(cand[j]) })
	return cand
}

func relIndex(r Relationship) int {
	for i, x := range Relationships {
		if x == r {
			return i
		}
	}
	return len(Relationships)
}
