package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// A signed number or a range of numbers is never split at its hyphen, in
// plain or styled text; words with hyphens still break there.
func TestWrapKeepsSignedNumbersWhole(t *testing.T) {
	text := "Certainty: open - the 97.5% band runs -100 to +13, across the middle (90% band 0-100)"
	for _, styled := range []bool{false, true} {
		in := text
		if styled {
			in = NewTheme(true).Strong.Render(text)
		}
		for w := 10; w <= 60; w++ {
			out := ansi.Strip(wrap(in, w))
			if strings.Contains(out, "\u2011") {
				t.Fatalf("width %d: the stand-in hyphen leaked: %q", w, out)
			}
			for _, l := range strings.Split(out, "\n") {
				l = strings.TrimRight(l, " ")
				if strings.HasSuffix(l, " -") && !strings.HasSuffix(l, "open -") || strings.HasSuffix(l, "0-") {
					t.Errorf("width %d (styled %v): a number is split at its hyphen:\n%s", w, styled, out)
				}
			}
			if flat := strings.Join(strings.Fields(out), " "); !strings.Contains(flat, "-100 to +13") || !strings.Contains(flat, "0-100") {
				t.Errorf("width %d: numbers changed: %q", w, flat)
			}
		}
	}
	// A spaced dash near the end of a line never pushes it past the width
	// (the wrapper let a word's trailing hyphen hang one cell over).
	hyphenated := "A well-run, customer-facing, revenue-growing product-engineering org keeps its run-books up-to-date and its on-call rota fair."
	for w := 10; w <= 60; w++ {
		for _, l := range strings.Split(wrap(hyphenated, w), "\n") {
			if ansi.StringWidth(l) > w {
				t.Errorf("width %d: a hyphenated line of %d cells: %q", w, ansi.StringWidth(l), l)
			}
		}
	}
	dash := "Direction: none (the score is at the middle). Size: none (0). Certainty: open - the 99% band runs -20 to +20, across the middle."
	for w := 20; w <= 100; w++ {
		for _, l := range strings.Split(wrap(dash, w), "\n") {
			if ansi.StringWidth(l) > w {
				t.Errorf("width %d: a line of %d cells: %q", w, ansi.StringWidth(l), l)
			}
		}
	}
	if got := wrap("top-line-growth-and-revenue", 10); !strings.Contains(got, "\n") {
		t.Errorf("a hyphenated word no longer breaks: %q", got)
	}
}
