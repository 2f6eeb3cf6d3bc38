package model

import "strings"

// HeaderLean is the one-line lean kept in an assessment's stored header
// for lists: the verdict, the score when there is one, and the method.
func HeaderLean(r Result) string {
	s := r.Lean.Verdict
	// A held verdict shows no number: the quality checks hold it back
	// everywhere, not only on the results screen.
	if r.MethodOf() < 2 || r.Lean.Enough && !r.Held {
		s += " (" + Signed(r.Lean.Score) + ")"
	}
	return s + methodMark + itoa(r.MethodOf())
}

const methodMark = " · method "

// ListLean is a stored header's lean as lists show it: headers written
// before methods were numbered are method 1's, and say so.
func ListLean(stored string) string {
	if stored == "" || strings.Contains(stored, methodMark) {
		return stored
	}
	return stored + methodMark + "1"
}
