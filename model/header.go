package model

import (
	"regexp"
	"strings"
)

// HeaderLean is the one-line lean kept in an assessment's stored header
// for lists: the verdict, the score when there is one, and the method.
func HeaderLean(r Result) string {
	s := r.Lean.Verdict
	// A held verdict shows no number: the quality checks hold it back
	// everywhere, not only on the results screen. Nor does an unclear
	// one: a score whose band crosses the middle, alone in a list, would
	// read as the lean the verdict says is not established.
	if r.MethodOf() < 2 || r.Lean.Enough && !r.Held && r.Profile != ProfileUnclear {
		s += " (" + Signed(r.Lean.Score) + ")"
	}
	return s + methodMark + itoa(r.MethodOf())
}

const methodMark = " · method "

// ListLean is a stored header's lean as lists show it: headers written
// before methods were numbered are method 1's, and say so.
func ListLean(stored string) string {
	if m := unclearScore.FindStringSubmatch(stored); m != nil {
		stored = m[1] + m[2] // kept before unclear verdicts lost their number
	}
	if stored == "" || strings.Contains(stored, methodMark) {
		return stored
	}
	return stored + methodMark + "1"
}

// unclearScore is an unclear method-2 verdict kept with a score.
var unclearScore = regexp.MustCompile(`^(unclear - .*) \([+-]?\d+\)( · method [2-9]\d*)$`)
