package ui

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
