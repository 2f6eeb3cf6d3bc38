package model

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// Flag is an answer-quality warning with a plain explanation.
type Flag struct {
	Code    string // longstring, contradiction, neutral, fast
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
	words := len(strings.Fields(it.Text))
	for _, o := range it.Options {
		words += len(strings.Fields(o.Text))
	}
	for _, a := range it.Anchors {
		words += len(strings.Fields(a))
	}
	return MinReadingTime + time.Duration(float64(words)/WordsPerSecond*float64(time.Second))
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
	return flags
}

// answered lists the items with a real answer (no skip, no N/A) in order.
func answered(b *Bank, a *Assessment) []Item {
	var out []Item
	for _, id := range a.Order {
		it, ok := b.Item(id)
		ans := a.Answers[id]
		if ok && ans.Given() && !ans.NA {
			out = append(out, it)
		}
	}
	return out
}

func longstring(b *Bank, a *Assessment) (Flag, bool) {
	items := answered(b, a)
	need := min(LongstringMax, max(LongstringMin, int(math.Ceil(float64(len(items))/2))))
	best, bestEnd, run := 0, 0, 0
	for i, it := range items {
		if i > 0 && a.Answers[it.ID].Value == a.Answers[items[i-1].ID].Value {
			run++
		} else {
			run = 1
		}
		if run > best {
			best, bestEnd = run, i
		}
	}
	if best < need {
		return Flag{}, false
	}
	var ids []string
	for _, it := range items[bestEnd-best+1 : bestEnd+1] {
		ids = append(ids, it.ID)
	}
	return Flag{Code: "longstring", Items: ids,
		Message: "You gave the same answer " + strconv.Itoa(best) + " times in a row. That can happen, but it often means the items were answered on autopilot; look at them again."}, true
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
		if !x.Given() || x.NA || !y.Given() || y.NA {
			continue
		}
		pairs++
		if s := side(x.Value); s != 0 && s == side(y.Value) {
			clash++
			ids = append(ids, it.ID, it.Pair)
		}
	}
	if clash == 0 || (clash < ContradictionMin && clash*2 < pairs) {
		return Flag{}, false
	}
	return Flag{Code: "contradiction", Items: ids,
		Message: "In " + strconv.Itoa(clash) + " of " + strconv.Itoa(pairs) + " pairs of opposite statements you agreed (or disagreed) with both. Re-read them: one of each pair is worded the other way round."}, true
}

func neutral(b *Bank, a *Assessment) (Flag, bool) {
	scaled, middle := 0, 0
	var ids []string
	for _, it := range answered(b, a) {
		if it.Format != FormatLikert && it.Format != FormatRating {
			continue
		}
		scaled++
		if a.Answers[it.ID].Value == 3 {
			middle++
			ids = append(ids, it.ID)
		}
	}
	if middle < NeutralMin || float64(middle) < NeutralShare*float64(scaled) {
		return Flag{}, false
	}
	return Flag{Code: "neutral", Items: ids,
		Message: strconv.Itoa(middle) + " of your " + strconv.Itoa(scaled) + " scaled answers sit in the middle. The result then says little; where you do have a view, say so, and use \"not applicable\" where an item does not fit you."}, true
}

func fast(b *Bank, a *Assessment) (Flag, bool) {
	timed, quick := 0, 0
	var ids []string
	for _, it := range answered(b, a) {
		took := a.Answers[it.ID].Took
		if took <= 0 {
			continue // no timing recorded
		}
		timed++
		if took < ReadingTime(it) {
			quick++
			ids = append(ids, it.ID)
		}
	}
	if quick < FastMin || float64(quick) < FastShare*float64(timed) {
		return Flag{}, false
	}
	return Flag{Code: "fast", Items: ids,
		Message: strconv.Itoa(quick) + " answers came faster than the item can be read. Quick answers are fine when you are sure; check these ones were read to the end."}, true
}
