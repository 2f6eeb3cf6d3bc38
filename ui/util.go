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

// wrap word-wraps plain or styled text to w cells.
func wrap(s string, w int) string { return lipgloss.Wrap(s, max(w, 1), "") }

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
