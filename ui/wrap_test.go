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

// An id or a path is never broken at its hyphens: the compare picker's
// assessment id and the invitation's file name read whole on the next
// line, and only a word wider than the line is hard-broken.
func TestWrapKeepsIDsAndPathsWhole(t *testing.T) {
	cases := []struct{ text, word string }{
		{"pick a finished assessment to set beside 20261202-000927-d95", "20261202-000927-d95"},
		{"invitation written to /tmp/cxo-invitation-20261202-001414-923.json", "/tmp/cxo-invitation-20261202-001414-923.json"},
		{"exported to ./cxo-results-2026.md for you", "./cxo-results-2026.md"},
	}
	for _, c := range cases {
		for _, styled := range []bool{false, true} {
			in := c.text
			if styled {
				in = NewTheme(true).Strong.Render(in)
			}
			for w := len(c.word); w <= len(c.text)+2; w++ {
				out := ansi.Strip(wrap(in, w))
				if !strings.Contains(out, c.word) {
					t.Errorf("width %d (styled %v): %q broken:\n%s", w, styled, c.word, out)
				}
			}
		}
	}
	// Wider than the line, it is still cut to fit.
	for _, l := range strings.Split(wrap("see /tmp/cxo-invitation-20261202-001414-923.json", 20), "\n") {
		if ansi.StringWidth(l) > 20 {
			t.Errorf("a line of %d cells: %q", ansi.StringWidth(l), l)
		}
	}
	// Ordinary hyphenated words, even ending a sentence, still break.
	if got := wrap("a follow-up.", 9); !strings.Contains(got, "follow-\n") {
		t.Errorf("plain hyphenated words no longer break: %q", got)
	}
}

// A command-line flag never breaks at its leading hyphens.
func TestWrapKeepsFlagsWhole(t *testing.T) {
	text := "quit (q) and run cxo --db '/tmp/t3/dmg.db' check --repair, which copies it to a fresh file"
	for w := 12; w <= 60; w++ {
		out := ansi.Strip(wrap(text, w))
		for _, l := range strings.Split(out, "\n") {
			l = strings.TrimSpace(l)
			if strings.HasSuffix(l, "-") || strings.HasPrefix(l, "repair") || strings.HasPrefix(l, "db ") {
				t.Errorf("width %d: a flag is split:\n%s", w, out)
				break
			}
		}
	}
}
