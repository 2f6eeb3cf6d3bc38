package model

import (
	"strconv"
	"strings"
)

// Small text rules shared by the exports, the TUI, line mode, the CLI and
// the store, each written once.

// Signed writes a score with its sign: "+12", "-3", "0".
func Signed(n int) string {
	if n > 0 {
		return "+" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// Capitalise upper-cases the first letter of an ASCII sentence.
func Capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// itoa is strconv.Itoa, short for the many sentences that hold a number.
func itoa(n int) string { return strconv.Itoa(n) }

// OneLine folds text (an error message, say) onto one line with single
// spaces.
func OneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// Sentence ends s with a full stop unless it already ends a sentence:
// reasons stored by earlier versions of cxo lack one, and an export
// prints each reason as a sentence of its own.
func Sentence(s string) string {
	s = strings.TrimRight(s, " ")
	if s == "" || strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") {
		return s
	}
	return s + "."
}
