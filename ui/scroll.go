package ui

import (
	"strings"

	"charm.land/lipgloss/v2"
)

// Where a list or a scrolled panel stands: lists scroll by one row and
// keep the cursor's neighbours in view; both say where they are and that
// more lies above or below, as less, lazygit and k9s do.

// rowWindow is a list's first visible row, kept between frames: moving
// the cursor one row scrolls the list by at most one row.
type rowWindow struct{ top int }

// place returns the first row to show of n rows, rows at a time, so that
// the cursor and (room allowing) one neighbour each side are in view.
func (r *rowWindow) place(cursor, n, rows int) int {
	rows = max(rows, 1)
	margin := 0
	if rows >= 5 {
		margin = 1
	}
	if cursor-margin < r.top {
		r.top = cursor - margin
	}
	if cursor+margin >= r.top+rows {
		r.top = cursor + margin - rows + 1
	}
	r.top = min(max(r.top, 0), max(n-rows, 0))
	return r.top
}

// listPosition is the cursor's place in a list with what lies outside the
// rows on show: "▲ 3 more · 12/25 · ▼ 10 more".
func listPosition(cursor, n, first, shown int) string {
	s := itoa(cursor+1) + "/" + itoa(n)
	if first > 0 {
		s = "▲ " + itoa(first) + " more · " + s
	}
	if below := n - first - shown; below > 0 {
		s += " · ▼ " + itoa(below) + " more"
	}
	return s
}

// panelPosition says which lines of a scrolled text are on show, and that
// more lies above or below; "" when it all fits.
func panelPosition(offset, shown, total int) string {
	if total <= shown {
		return ""
	}
	last := min(offset+shown, total)
	s := "lines " + itoa(offset+1) + "-" + itoa(last) + " of " + itoa(total)
	if offset > 0 {
		s = "▲ " + s
	}
	if last < total {
		s += " ▼"
	}
	return s
}

// maxReading is the widest a screen of prose runs, as the guides do (they
// are rendered at most 100 columns wide): longer lines are hard to follow.
const maxReading = 100

// readingWidth is the width text is laid out at in a window w wide.
func readingWidth(w int) int { return min(max(w, 20), maxReading) }

// bullet is "• text" wrapped to w and indented by n, its wrapped lines
// continuing under the text, not under the bullet.
func bullet(style lipgloss.Style, text string, w, n int) string {
	return indent("• "+indent(wrap(style.Render(text), w-n-2), 2)[2:], n)
}

// hanging wraps a styled line to w, its wrapped lines indented by n.
func hanging(s string, w, n int) string {
	lines := strings.Split(wrap(s, w), "\n")
	if len(lines) == 1 {
		return s
	}
	rest := wrap(strings.Join(lines[1:], " "), w-n)
	return lines[0] + "\n" + indent(rest, n)
}

// withPosition puts a position at the right of a line, shortened (without
// "lines ") or dropped when the line has no room for it.
func withPosition(left, pos string, t Theme, w int) string {
	for _, p := range []string{pos, strings.Replace(pos, "lines ", "", 1)} {
		if lipgloss.Width(left)+lipgloss.Width(p)+1 <= w {
			return spread(left, t.Subtle.Render(p), w)
		}
	}
	return left
}
