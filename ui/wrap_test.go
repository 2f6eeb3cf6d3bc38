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
	if got := wrap("top-line-growth-and-revenue", 10); !strings.Contains(got, "\n") {
		t.Errorf("a hyphenated word no longer breaks: %q", got)
	}
}
