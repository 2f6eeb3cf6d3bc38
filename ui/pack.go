package ui

import (
	"strings"

	"charm.land/lipgloss/v2"
)

// Text made of parts that must not be split from what they label (a
// priority's number and its name, a date, a key and its action) wraps at
// the separators between the parts, not inside them.

// piece is one part of a packed line with the separator put before it
// when it follows another part on the same line (dropped at a break).
type piece struct{ sep, text string }

// pack lays pieces out after prefix, w cells wide: a piece that does not
// fit on the line goes whole to the next one, indented by prefix's width;
// a piece wider than a line on its own is word-wrapped there.
func pack(prefix string, pieces []piece, w int) string {
	hang := lipgloss.Width(prefix)
	room := max(w-hang, 10)
	pad := strings.Repeat(" ", hang)
	var lines []string
	cur, used := prefix, 0 // used: cells of parts on the current line
	for _, p := range pieces {
		if p.text == "" {
			continue
		}
		pw := lipgloss.Width(p.text)
		if used > 0 && used+lipgloss.Width(p.sep)+pw <= room {
			cur += p.sep + p.text
			used += lipgloss.Width(p.sep) + pw
			continue
		}
		if used > 0 {
			lines = append(lines, cur)
			cur, used = pad, 0
		}
		parts := strings.Split(wrap(p.text, room), "\n")
		for i, l := range parts {
			if i > 0 {
				lines = append(lines, cur)
				cur = pad
			}
			cur += l
			used = lipgloss.Width(l)
		}
	}
	return strings.Join(append(lines, cur), "\n")
}
