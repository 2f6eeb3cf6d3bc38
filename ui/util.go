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

// wrap word-wraps plain or styled text to w cells. The wrapper breaks
// after every hyphen, and lets a hyphen that ends a word hang one cell
// past the width, so hyphens that are not inside a word are kept from it:
// a minus sign stays with its number ("the band runs -" above "100" reads
// as a dash) and a spaced dash (" - ") is a word of its own.
func wrap(s string, w int) string {
	if !strings.Contains(s, "-") {
		return lipgloss.Wrap(s, max(w, 1), "")
	}
	return strings.ReplaceAll(lipgloss.Wrap(keepHyphens(s), max(w, 1), ""), nbHyphen, "-")
}

// nbHyphen stands in for a hyphen while wrapping: one cell wide, and not
// a place the wrapper breaks.
const nbHyphen = "\u2011"

// keepHyphens swaps for nbHyphen every hyphen of a word holding a digit,
// a '/' or an inner '.' (a signed number "-100", a range "0-100", an id,
// a path: each reads as nonsense broken in two; such a word is still
// hard-broken when wider than the line), a dash standing between spaces
// or at the end, and the hyphens leading a flag ("--repair").
func keepHyphens(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	whole := wholeWords(s)
	for i := 0; i < len(s); i++ {
		if s[i] == '-' && whole[i] {
			b.WriteString(nbHyphen)
			continue
		}
		if s[i] != '-' {
			b.WriteByte(s[i])
			continue
		}
		dash := (i == 0 || s[i-1] == ' ') && (i+1 == len(s) || s[i+1] == ' ' || s[i+1] == '\n')
		// A flag ("--repair", "-o") is one word: its hyphens lead it.
		flag := (i == 0 || s[i-1] == ' ' || s[i-1] == '-') && i+1 < len(s) && (s[i+1] == '-' || s[i+1] >= 'a' && s[i+1] <= 'z')
		if dash || flag {
			b.WriteString(nbHyphen)
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// wholeWords marks the bytes of s inside a word (a run without spaces)
// that is an id or a path: one whose text, styles stripped, holds a digit
// or a '/', or a '.' before its last character ("cxo-invitation-2026.json",
// "20261202-000927-d95"). Ordinary hyphenated words ("follow-up.") are not.
func wholeWords(s string) []bool {
	marks := make([]bool, len(s))
	start := 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] != ' ' && s[i] != '\n' {
			continue
		}
		word := s[start:i]
		if strings.Contains(word, "-") && idLike(ansi.Strip(word)) {
			for j := start; j < i; j++ {
				marks[j] = true
			}
		}
		start = i + 1
	}
	return marks
}

// idLike reports whether a plain word reads as an id or a path.
func idLike(w string) bool {
	w = strings.TrimRight(w, ".,;:!?)\"'”’")
	return strings.ContainsAny(w, "0123456789/.")
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
