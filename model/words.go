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
