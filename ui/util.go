package ui

import (
	"strconv"
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

func itoa(n int) string { return strconv.Itoa(n) }

// truncate cuts a styled line to w cells.
func truncate(s string, w int) string { return ansi.Truncate(s, w, "…") }

// wrap word-wraps plain or styled text to w cells. A minus sign before a
// number stays with it: the wrapper breaks after every hyphen, and "the
// band runs -" at a line's end with "100" below reads as a dash.
func wrap(s string, w int) string {
	if !strings.Contains(s, "-") {
		return lipgloss.Wrap(s, max(w, 1), "")
	}
	return strings.ReplaceAll(lipgloss.Wrap(keepMinus(s), max(w, 1), ""), nbHyphen, "-")
}

// nbHyphen stands in for a minus sign while wrapping: one cell wide, and
// not a place the wrapper breaks.
const nbHyphen = "\u2011"

// keepMinus swaps the minus of a signed number (a hyphen after a space,
// an opening bracket, a style's end or the start, before a digit) and the
// hyphen of a range of numbers ("0-100") for nbHyphen.
func keepMinus(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); i++ {
		if s[i] == '-' && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9' &&
			(i == 0 || strings.IndexByte(" (\nm0123456789", s[i-1]) >= 0) {
			b.WriteString(nbHyphen)
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// minutes shows a duration as a rounded count of minutes.
func minutes(d time.Duration) string {
	n := int((d + 30*time.Second) / time.Minute)
	if n <= 1 {
		return "about a minute"
	}
	return "about " + itoa(n) + " minutes"
}

// shortMinutes is minutes for tight places: "~5 min".
func shortMinutes(d time.Duration) string {
	return "~" + itoa(max(int((d+30*time.Second)/time.Minute), 1)) + " min"
}

func lipglossWidth(s string) int { return lipgloss.Width(s) }

// window returns the h lines of a scrolled text starting at offset. The
// bubbles viewport keeps the scroll position; drawing the visible slice
// here skips its per-cell restyling on every frame.
func window(lines []string, offset, h int) string {
	offset = min(max(offset, 0), len(lines))
	end := min(offset+h, len(lines))
	return strings.Join(lines[offset:end], "\n")
}

// plural picks the word for a count: one for 1, many otherwise.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
