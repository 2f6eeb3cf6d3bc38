package model

import (
	"strconv"
	"strings"
	"unicode"
)

// One vocabulary for every screen and export: the counts of items, the
// names of flags and groups, and the scales numbers are on.

// Tally counts an assessment's items one way everywhere: answered never
// includes not applicable; skipped are items passed over with s; open
// are items with no answer at all.
type Tally struct{ Answered, NA, NoOpportunity, Skipped, Open, Total int }

// Tally counts the items of the order.
func (a *Assessment) Tally() Tally {
	t := Tally{Total: len(a.Order)}
	for _, id := range a.Order {
		ans, ok := a.Answers[id]
		switch {
		case ok && ans.NA:
			t.NA++
		case ok && ans.NoOpportunity:
			t.NoOpportunity++
		case ok && ans.Skipped:
			t.Skipped++
		case ok && ans.Given():
			t.Answered++
		default:
			t.Open++
		}
	}
	return t
}

// Done is the items passed for good: answered, not applicable or no
// opportunity yet.
func (t Tally) Done() int { return t.Answered + t.NA + t.NoOpportunity }

// Progress is "58 answered and 1 not applicable of 59" (the n/a part only
// when there is one).
func (t Tally) Progress() string {
	s := strconv.Itoa(t.Answered) + " answered"
	switch {
	case t.NA > 0 && t.NoOpportunity > 0:
		s += ", " + strconv.Itoa(t.NA) + " not applicable and " + strconv.Itoa(t.NoOpportunity) + " no opportunity yet"
	case t.NA > 0:
		s += " and " + strconv.Itoa(t.NA) + " not applicable"
	case t.NoOpportunity > 0:
		s += " and " + strconv.Itoa(t.NoOpportunity) + " no opportunity yet"
	}
	return s + " of " + strconv.Itoa(t.Total)
}

// Words is every count: "58 answered · 1 not applicable · 0 skipped ·
// 0 open · 59 items".
func (t Tally) Words() string {
	no := ""
	if t.NoOpportunity > 0 {
		no = strconv.Itoa(t.NoOpportunity) + " no opportunity yet · "
	}
	return strconv.Itoa(t.Answered) + " answered · " + strconv.Itoa(t.NA) + " not applicable · " + no +
		strconv.Itoa(t.Skipped) + " skipped · " + strconv.Itoa(t.Open) + " open · " + strconv.Itoa(t.Total) + " items"
}

var flagTitles = map[string]string{
	"longstring":    "The same answer many times in a row",
	"contradiction": "Opposite statements both agreed with",
	"neutral":       "Many middle answers",
	"fast":          "Answers faster than the items can be read",
	"selfrating":    "Self-ratings out of line with the rest",
}

// FlagTitle is an answer-quality flag's name for people; the code stays
// in the JSON.
func FlagTitle(code string) string {
	if t, ok := flagTitles[code]; ok {
		return t
	}
	return Capitalise(code)
}

var groupTitles = map[string]string{
	"operational": "Operational skills",
	"area":        "The twelve areas of technology leadership",
	"cio":         "The CIO's own competences",
	"foundation":  "Shared foundations",
}

// GroupTitle is the heading of a group of readiness areas.
func GroupTitle(group string) string {
	if t, ok := groupTitles[group]; ok {
		return t
	}
	return Capitalise(group)
}

// Scales names the scale of each kind of number in the exports; the JSON
// carries it beside the numbers.
var Scales = map[string]string{
	"lean":        "+100 (CTO) to -100 (CIO); 0 is balanced",
	"affinities":  "0 to 100: how much the answers share each role's outlook",
	"facets":      "100 (the CTO side) to 0 (the CIO side); 50 is balanced; on the lean's scale a position p is 2p - 100",
	"readiness":   "0 to 100, from anchored self-ratings; expected levels on the same scale",
	"foundations": "0 to 100, as readiness",
	"moved_most":  "every answer a score rests on, largest pull first; effect is the answer's distance from the middle: on readiness and foundations -50 (level 1) to +50 (level 5), the answer's value being 50 + effect; on lean facets +100 (fully the CTO side) to -100 (fully the CIO side), its position being 50 + effect / 2",
	"peers":       "0 to 100, as readiness; reading is blind spot, hidden strength or within the bands (the bands overlap: no difference established)",
}

// lowerFirst starts a phrase used mid-sentence in lower case, unless it
// starts with an abbreviation ("IT operations").
func lowerFirst(s string) string {
	r := []rune(s)
	if len(r) < 2 || unicode.IsUpper(r[1]) {
		return s
	}
	return strings.ToLower(string(r[:1])) + string(r[1:])
}
