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

// FlaggedItems is the one set of answers the quality checks point at, each
// with the code of the check that names it (the last, where two do): the
// review marks these, and the plan counts them.
func FlaggedItems(flags []Flag) map[string]string {
	out := map[string]string{}
	for _, f := range flags {
		for _, id := range f.Items {
			out[id] = f.Code
		}
	}
	return out
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
	scaled, middle, na := 0, 0, 0
	var ids []string
	for _, it := range answered(b, a) {
		if it.Format != FormatLikert {
			continue // an anchored level 3 or "both equally" is a real answer
		}
		scaled++
		if it.ans.Value == 3 {
			middle++
			ids = append(ids, it.ID)
			if it.NA {
				na++
			}
		}
	}
	if middle < NeutralMin || float64(middle) < NeutralShare*float64(scaled) {
		return Flag{}, false
	}
	// The advice names only what these items take: every item can be
	// skipped, and "not applicable" only where an item offers it.
	unfit := "skip (s) an item that does not fit you: a skip is left out of the score"
	if na > 0 {
		unfit = "where an item does not fit you, skip it (s) or, where it is offered, answer \"not applicable\" (x): either is left out of the score"
	}
	return Flag{Code: "neutral", Items: ids,
		Message: itoa(middle) + " of your " + itoa(scaled) + " agree/disagree answers are \"neither\". Those statements then say little about you; where you do have a view, say so, and " + unfit + "."}, true
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
	sr := selfRatingsOf(b, a)
	switch sr.kind() {
	case selfHigh:
		return Flag{Code: "selfrating", Items: sr.ids,
			Message: itoa(sr.high) + " of your " + itoa(len(sr.levels)) + " readiness ratings are at level 4 or 5. That is rare; strengths are shown as possible until you review the ratings against the level descriptions or ask colleagues how they see you."}, true
	case selfUniform:
		return Flag{Code: "selfrating", Items: sr.ids,
			Message: "Most of your " + itoa(len(sr.levels)) + " readiness ratings sit on one level. Areas usually differ; strengths are shown as possible until you review the ratings against the level descriptions or ask colleagues how they see you."}, true
	}
	return Flag{}, false
}

// selfRatings are the readiness ratings the self-rating check reads.
type selfRatings struct {
	levels []int // sorted
	ids    []string
	high   int // at SelfRatingHighLevel or above
}

const (
	selfFine = iota
	selfHigh
	selfUniform
)

func selfRatingsOf(b *Bank, a *Assessment) selfRatings {
	var sr selfRatings
	for _, it := range answered(b, a) {
		f, _ := b.Facet(it.Facet)
		if it.Format != FormatRating || f.Layer == LayerLean {
			continue
		}
		v := it.ans.Value
		sr.levels = append(sr.levels, v)
		sr.ids = append(sr.ids, it.ID)
		if v >= SelfRatingHighLevel {
			sr.high++
		}
	}
	sort.Ints(sr.levels)
	return sr
}

// kind is which of the check's two patterns the ratings show, if any.
func (sr selfRatings) kind() int {
	n := len(sr.levels)
	switch {
	case n < SelfRatingMin:
		return selfFine
	case float64(sr.high) >= SelfRatingHighShare*float64(n):
		return selfHigh
	case quantile(sr.levels, 0.75)-quantile(sr.levels, 0.25) < SelfRatingSpread:
		return selfUniform
	}
	return selfFine
}

// mode is the level given most often (the lower on a tie).
func (sr selfRatings) mode() int {
	best, count := 0, 0
	for i := 0; i < len(sr.levels); {
		j := i
		for j < len(sr.levels) && sr.levels[j] == sr.levels[i] {
			j++
		}
		if j-i > count {
			best, count = sr.levels[i], j-i
		}
		i = j
	}
	return best
}

// reviewActions are the plan's actions for the self-rating flag, worded
// for the pattern the ratings show: "the ratings at 4 or 5" only when
// there are such ratings.
func (sr selfRatings) reviewActions(peers *PeerPanel) []string {
	ask := "Ask three or more colleagues who see your work to rate the same behaviours (cxo invite, or i on the results), and compare their view with yours."
	if peers != nil && peers.Need == 0 {
		// They have answered: the step is to read them, not to ask.
		ask = "Set your ratings beside your colleagues' (" + itoa(peers.Responses) + " responses, the peers panel): where theirs sit lower, re-read those items' level descriptions."
	} else if peers != nil {
		ask = "Gather " + itoa(peers.Need) + " more " + plural(peers.Need, "response", "responses") + " from colleagues who see your work (cxo invite, or i on the results); " + itoa(peers.Responses) + " " + plural(peers.Responses, "is", "are") + " in."
	}
	switch sr.kind() {
	case selfHigh:
		return []string{"Re-read the level descriptions of the " + itoa(sr.high) + " " + plural(sr.high, "item", "items") + " you rated 4 or 5 and check each against something you did this year.", ask}
	case selfUniform:
		m := sr.mode()
		same := 0
		for _, l := range sr.levels {
			if l == m {
				same++
			}
		}
		return []string{itoa(same) + " of your " + itoa(len(sr.levels)) + " ratings are level " + itoa(m) + ": re-read each item's level descriptions and check the level you chose against something you did this year.", ask}
	}
	return nil
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
