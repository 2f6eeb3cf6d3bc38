package model

import (
	"math"
	"sort"
	"strings"
	"time"
)

// Flag is an answer-quality warning with a plain explanation.
type Flag struct {
	Code    string // longstring, contradiction, neutral, fast, selfrating
	Message string
	Items   []string // the items worth reviewing
}

// Thresholds for the flags. They are deliberately lenient: a flag is an
// invitation to look again, not an accusation.
const (
	LongstringMin    = 6   // never flag a run shorter than this
	LongstringMax    = 10  // a run this long is always flagged
	NeutralShare     = 0.5 // share of middle answers that is "too many"
	NeutralMin       = 6   // and at least this many of them
	FastShare        = 0.25
	FastMin          = 3
	WordsPerSecond   = 6.0 // a quick reader; slower readers are not flagged
	MinReadingTime   = time.Second
	ContradictionMin = 2
)

// ReadingTime is the least time a careful answer to the item can take.
func ReadingTime(it Item) time.Duration {
	return MinReadingTime + time.Duration(float64(words(it))/WordsPerSecond*float64(time.Second))
}

// words counts what an item asks the person to read.
func words(it Item) int {
	n := len(strings.Fields(it.Text))
	for _, o := range it.Options {
		n += len(strings.Fields(o.Text))
	}
	for _, a := range it.Anchors {
		n += len(strings.Fields(a))
	}
	return n
}

// Flags looks for patterns that make a result less trustworthy.
func Flags(b *Bank, a *Assessment) []Flag {
	var flags []Flag
	if f, ok := longstring(b, a); ok {
		flags = append(flags, f)
	}
	if f, ok := contradiction(b, a); ok {
		flags = append(flags, f)
	}
	if f, ok := neutral(b, a); ok {
		flags = append(flags, f)
	}
	if f, ok := fast(b, a); ok {
		flags = append(flags, f)
	}
	if f, ok := selfRating(b, a); ok {
		flags = append(flags, f)
	}
	return flags
}

// given is an item with a real answer (no skip, no N/A).
type given struct {
	*Item
	ans Answer
}

// answered lists the items with a real answer in order (an answer to an
// item that was replaced counts for the item that replaced it).
func answered(b *Bank, a *Assessment) []given {
	var out []given
	for _, id := range a.Order {
		it, ans, ok := b.Resolve(id, a.Answers)
		if ok && ans.Scored() {
			out = append(out, given{b.itemPtr(it.ID), ans})
		}
	}
	return out
}

func longstring(b *Bank, a *Assessment) (Flag, bool) {
	items := answered(b, a)
	need := min(LongstringMax, max(LongstringMin, int(math.Ceil(float64(len(items))/2))))
	// Every run of one answer, across sections, whose counted items reach
	// need. The lean items of a run are not counted when they are excused
	// (see excused): a decided person gives such runs honestly.
	best := 0
	var ids []string
	for i := 0; i < len(items); {
		end := i
		for end+1 < len(items) && items[end+1].ans.Value == items[i].ans.Value {
			end++
		}
		var lean, rest []given
		for _, it := range items[i : end+1] {
			if f, _ := b.Facet(it.Facet); f.Layer == LayerLean {
				lean = append(lean, it)
			} else {
				rest = append(rest, it)
			}
		}
		counted := rest
		if !excused(b, lean) {
			counted = items[i : end+1]
		}
		if len(counted) >= need {
			best = max(best, len(counted))
			for _, it := range counted {
				ids = append(ids, it.ID)
			}
		}
		i = end + 1
	}
	if best == 0 {
		return Flag{}, false
	}
	return Flag{Code: "longstring", Items: ids,
		Message: "You gave the same answer " + itoa(best) + " times in a row. That can happen, but it often means the items were answered on autopilot; look at them again."}, true
}

// excused reports whether a run of one answer number means one consistent
// thing: lean items keyed both ways, each answered toward the same role.
// The bank keys its lean items both ways (the CTO statement first or
// second, agreeing with a CTO or a CIO statement), so a person who is
// decided gives runs of one number that all point the same way, while
// autopilot gives one number whatever it means.
func excused(b *Bank, run []given) bool {
	if len(run) == 0 {
		return true
	}
	dir := 0
	for _, it := range run {
		f, _ := b.Facet(it.Facet)
		v, ok := value(*it.Item, it.ans)
		if !ok || f.Layer != LayerLean {
			return false
		}
		d := 0
		switch {
		case tradeoff(*it.Item):
			d = sgn(v)
		case it.Scale == RoleCIO:
			d = -sgn(v - 0.5)
		default:
			d = sgn(v - 0.5)
		}
		if d == 0 || (dir != 0 && d != dir) {
			return false
		}
		dir = d
	}
	return true
}

func sgn(x float64) int {
	switch {
	case x > 0:
		return 1
	case x < 0:
		return -1
	}
	return 0
}

// Agreement direction on a 1..5 scale: +1 agree, -1 disagree, 0 neither.
func side(v int) int {
	switch {
	case v >= 4:
		return 1
	case v >= 1 && v <= 2:
		return -1
	}
	return 0
}

func contradiction(b *Bank, a *Assessment) (Flag, bool) {
	pairs, clash := 0, 0
	var ids []string
	for _, id := range a.Order {
		it, ok := b.Item(id)
		if !ok || it.Pair == "" || it.Reverse {
			continue // visit each pair once, from its forward item
		}
		x, y := a.Answers[it.ID], a.Answers[it.Pair]
		if !x.Scored() || !y.Scored() {
			continue
		}
		pairs++
		if s := side(x.Value); s != 0 && s == side(y.Value) {
			clash++
			ids = append(ids, it.ID, it.Pair)
		}
	}
	// A pattern, not a slip: at least ContradictionMin pairs and at least
	// half of those answered. The flag holds the verdict back.
	if clash < ContradictionMin || clash*2 < pairs {
		return Flag{}, false
	}
	return Flag{Code: "contradiction", Items: ids,
		Message: "In " + itoa(clash) + " of " + itoa(pairs) + " pairs of opposite statements you agreed (or disagreed) with both. Re-read them: one of each pair is worded the other way round."}, true
}

func neutral(b *Bank, a *Assessment) (Flag, bool) {
	scaled, middle := 0, 0
	var ids []string
	for _, it := range answered(b, a) {
		if it.Format != FormatLikert {
			continue // an anchored level 3 or "both equally" is a real answer
		}
		scaled++
		if it.ans.Value == 3 {
			middle++
			ids = append(ids, it.ID)
		}
	}
	if middle < NeutralMin || float64(middle) < NeutralShare*float64(scaled) {
		return Flag{}, false
	}
	return Flag{Code: "neutral", Items: ids,
		Message: itoa(middle) + " of your " + itoa(scaled) + " agree/disagree answers are \"neither\". Those statements then say little about you; where you do have a view, say so, and use \"not applicable\" where an item does not fit you."}, true
}

func fast(b *Bank, a *Assessment) (Flag, bool) {
	timed, quick := 0, 0
	var ids []string
	for _, it := range answered(b, a) {
		took := it.ans.Took
		if took <= 0 {
			continue // no timing recorded
		}
		timed++
		if took < ReadingTime(*it.Item) {
			quick++
			ids = append(ids, it.ID)
		}
	}
	if quick < FastMin || float64(quick) < FastShare*float64(timed) {
		return Flag{}, false
	}
	return Flag{Code: "fast", Items: ids,
		Message: itoa(quick) + " of your " + itoa(timed) + " timed answers took less time than reading the item does. Quick answers are fine when you are sure; check these ones were read to the end."}, true
}

// selfRating flags self-ratings that are implausibly high or uniform: most
// people have areas they are still growing in, and ratings that all sit on
// one level usually mean the levels' descriptions were not read. While it
// stands, strengths read "possible".
func selfRating(b *Bank, a *Assessment) (Flag, bool) {
	var levels []int
	var ids []string
	high := 0
	for _, it := range answered(b, a) {
		f, _ := b.Facet(it.Facet)
		if it.Format != FormatRating || f.Layer == LayerLean {
			continue
		}
		v := it.ans.Value
		levels = append(levels, v)
		ids = append(ids, it.ID)
		if v >= SelfRatingHighLevel {
			high++
		}
	}
	if len(levels) < SelfRatingMin {
		return Flag{}, false
	}
	sort.Ints(levels)
	iqr := quantile(levels, 0.75) - quantile(levels, 0.25)
	switch {
	case float64(high) >= SelfRatingHighShare*float64(len(levels)):
		return Flag{Code: "selfrating", Items: ids,
			Message: itoa(high) + " of your " + itoa(len(levels)) + " readiness ratings are at level 4 or 5. That is rare; strengths are shown as possible until you review the ratings against the level descriptions or ask colleagues how they see you."}, true
	case iqr < SelfRatingSpread:
		return Flag{Code: "selfrating", Items: ids,
			Message: "Most of your " + itoa(len(levels)) + " readiness ratings sit on one level. Areas usually differ; strengths are shown as possible until you review the ratings against the level descriptions or ask colleagues how they see you."}, true
	}
	return Flag{}, false
}

// quantile of sorted ints, interpolated.
func quantile(sorted []int, q float64) float64 {
	pos := q * float64(len(sorted)-1)
	i := int(pos)
	if i+1 >= len(sorted) {
		return float64(sorted[len(sorted)-1])
	}
	return float64(sorted[i]) + (pos-float64(i))*float64(sorted[i+1]-sorted[i])
}
