package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/cxo-dev/cxo/model"
)

// compareModel shows two finished results side by side. A difference is
// called a change only when the two bands do not overlap.
type compareModel struct {
	before, after     string // assessment ids, earlier first
	beforeAt, afterAt string
	quick             bool // either side is a quick assessment
	cmp               model.Comparison
	vp                viewport.Model
	lines             []string
}

type compareLoadedMsg struct {
	before, after *model.Assessment
	a, b          model.Result
	err           error
}

// compareCmd loads the other result and orders the two by date.
func compareCmd(m *session, otherID string) tea.Cmd {
	s, b := m.store, m.bank
	cur, curRes := m.a, m.res
	return func() tea.Msg {
		other, res, err := s.LoadWithResult(b, otherID)
		if err != nil {
			return compareLoadedMsg{err: err}
		}
		if other.Started.After(cur.Started) {
			return compareLoadedMsg{before: cur, after: other, a: curRes, b: res}
		}
		return compareLoadedMsg{before: other, after: cur, a: res, b: curRes}
	}
}

func (c *compareModel) loaded(m *session, msg compareLoadedMsg) intent {
	if msg.err != nil {
		m.fail("could not open that assessment: " + msg.err.Error())
		return stay
	}
	// Both sides read with one method (scored afresh when they differ).
	msg.a, msg.b = model.OneMethod(m.bank, msg.before, msg.a, msg.after, msg.b)
	cmp, err := model.Compare(msg.a, msg.b)
	if err != nil {
		m.fail(err.Error())
		return stay
	}
	c.cmp = cmp
	c.before, c.after = msg.before.ID, msg.after.ID
	c.quick = msg.before.Length == model.LengthQuick || msg.after.Length == model.LengthQuick
	c.beforeAt = msg.before.Started.Local().Format("2 Jan 2006")
	c.afterAt = msg.after.Started.Local().Format("2 Jan 2006")
	c.vp = viewport.New()
	c.layout(m)
	return intent{ev: evCompared}
}

func (c *compareModel) layout(m *session) {
	c.vp.SetWidth(max(m.width-2, 1))
	// As tall as the rows on show, so a page moves by what was seen: the
	// window less the help line, the header and the position.
	c.vp.SetHeight(max(m.height-1-lipgloss.Height(c.header(m, readingWidth(m.width-2)))-1, 1))
	content := c.content(m, readingWidth(m.width-2))
	c.vp.SetContent(content)
	c.lines = strings.Split(content, "\n")
}

func (c *compareModel) key(m *session, msg tea.KeyPressMsg) (intent, tea.Cmd) {
	if key.Matches(msg, compareKeys.Back) {
		return intent{ev: evBack}, nil
	}
	var cmd tea.Cmd
	c.vp, cmd = c.vp.Update(msg)
	return stay, cmd
}

func (c *compareModel) wheel(msg tea.MouseWheelMsg) tea.Cmd {
	var cmd tea.Cmd
	c.vp, cmd = c.vp.Update(msg)
	return cmd
}

// compareRow is one line of the comparison before it is laid out: the
// columns are sized from every row, so the numbers line up.
type compareRow struct {
	heading               string // a section title line instead of a row
	name, before, after   string
	delta, verdict, plain string // verdict styled, and as plain text
}

func (c *compareModel) content(m *session, w int) string {
	t := m.theme
	var rows []compareRow
	row := func(ch model.Change, signedScale bool) {
		num := itoa
		if signedScale {
			num = model.Signed
		}
		r := compareRow{name: ch.Name, before: "-", after: "-"} // a side not rated
		if ch.Before.N > 0 {
			r.before = num(ch.Before.Score)
		}
		if ch.After.N > 0 {
			r.after = num(ch.After.Score)
		}
		switch {
		case ch.Before.N == 0 && ch.After.N == 0:
			r.before, r.after, r.plain = "", "", "not rated in either"
			r.verdict = t.Subtle.Render(r.plain)
		case ch.Before.N == 0 || ch.After.N == 0:
			// Say which side was not rated: "- -> 0" is news.
			side := "before"
			if ch.After.N == 0 {
				side = "now"
			}
			r.plain = "not rated " + side + ", so no change can be measured"
			r.verdict = t.Subtle.Render(r.plain)
		case ch.Held:
			// A held verdict's number is provisional: say so where the
			// verdict would stand, and give no difference as if measured.
			r.plain = ch.Note
			r.verdict = t.Warn.Render(r.plain)
		case ch.Changed:
			word := "up"
			if ch.Delta < 0 {
				word = "down"
			}
			if signedScale {
				word = "toward CTO"
				if ch.Delta < 0 {
					word = "toward CIO"
				}
			}
			r.delta, r.plain = model.Signed(ch.Delta), "changed, "+word
			r.verdict = t.Warn.Render(r.plain)
		default:
			r.delta, r.plain = model.Signed(ch.Delta), "within the bands"
			r.verdict = t.Subtle.Render(r.plain)
		}
		rows = append(rows, r)
	}
	heading := func(title, note string) {
		h := t.Title.Render(title)
		if note != "" {
			h = pack("", []piece{{"", h}, {"  ", t.Subtle.Render(note)}}, w)
		}
		rows = append(rows, compareRow{heading: h})
	}
	// The scale goes in the heading's note: inside the row's name it
	// pushed the numbers onto a line of their own at 60 columns.
	heading("Lean", c.cmp.LeanScale)
	lean := c.cmp.Lean
	lean.Name = "Lean"
	row(lean, true)
	heading("Facets", c.cmp.FacetScale)
	for _, ch := range c.cmp.Facets {
		row(ch, false)
	}
	heading("Readiness and foundations", c.cmp.ReadinessScale)
	for _, ch := range c.cmp.Readiness {
		row(ch, false)
	}
	if len(c.cmp.Peers) > 0 {
		heading("Colleagues' view", c.cmp.PeersScale+", areas shown in both")
		for _, ch := range c.cmp.Peers {
			row(ch, false)
		}
	}
	var b strings.Builder
	b.WriteString(wrap(t.Subtle.Render("Both results read with scoring method "+itoa(c.cmp.Method)+"."), w) + "\n")
	layoutCompareRows(&b, t, rows, w)
	return b.String()
}

// layoutCompareRows writes the rows in columns: the name as wide as the
// longest needs and the room allows (wrapping within its column), the
// numbers right-aligned, and the verdict beside them, or under them when
// a line has no room for it. Nothing is cut.
func layoutCompareRows(b *strings.Builder, t Theme, rows []compareRow, w int) {
	vw, longest := 0, 0
	for _, r := range rows {
		if r.heading == "" {
			longest = max(longest, lipgloss.Width(r.name))
			if r.delta != "" { // the measured rows' verdicts size the column
				vw = max(vw, len(r.plain))
			}
		}
	}
	const bw, aw = 4, 4
	fixed := 2 + bw + 3 + aw + 2 + 4 // the numbers after the name
	nameW := min(longest, w-fixed-2-vw)
	if nameW < min(longest, 20) { // the verdicts go under the numbers
		nameW = min(longest, max(w-fixed, 12))
	}
	for _, r := range rows {
		if r.heading != "" {
			b.WriteString("\n" + r.heading + "\n")
			continue
		}
		names := strings.Split(wrap(r.name, nameW), "\n")
		cell := func(i int) string {
			n := ""
			if i < len(names) {
				n = names[i]
			}
			return t.Text.Render(n) + strings.Repeat(" ", max(nameW-lipgloss.Width(n), 0))
		}
		nums := "  " + pad(r.before, bw) + " → " + t.Strong.Render(pad(r.after, aw)) + "  " + pad(r.delta, 4)
		if r.before == "" {
			nums = strings.Repeat(" ", fixed)
		}
		lines := []string{cell(0) + nums}
		if nameW+fixed+2+len(r.plain) > w {
			for i, v := range strings.Split(wrap(r.verdict, max(w-nameW-2, 10)), "\n") {
				lines = append(lines, cell(i+1)+"  "+v)
			}
		} else {
			lines[0] += "  " + r.verdict
		}
		for i := len(lines); i < len(names); i++ {
			lines = append(lines, cell(i))
		}
		for _, l := range lines {
			b.WriteString(strings.TrimRight(l, " ") + "\n")
		}
	}
}

// header is the title with both ids and the note on what counts as a
// change, w wide.
func (c *compareModel) header(m *session, w int) string {
	t := m.theme
	// The ids wrap between them, never cut.
	head := pack("", []piece{{"", t.Title.Render("Compare")}, {"  ", t.Subtle.Render(c.before + " (" + c.beforeAt + ")")},
		{" ", t.Subtle.Render("→ " + c.after + " (" + c.afterAt + ")")}}, w)
	text := "A difference counts as a change only when the two bands, from the spread of each set of answers, do not overlap."
	if c.quick {
		text += " A quick assessment has one or two answers per area, so its bands are wide and only large moves count; full assessments tell change apart better."
	}
	return head + "\n" + wrap(t.Subtle.Render(text), w)
}

func (c *compareModel) view(m *session, w, h int) string {
	w = readingWidth(w) // as the rows are laid out
	head := c.header(m, w)
	rows := max(h-lipgloss.Height(head)-1, 1)
	top := c.vp.YOffset()
	if c.vp.AtBottom() {
		top = max(len(c.lines)-rows, 0) // the last rows are reachable whatever the header took
	}
	where := withPosition("", panelPosition(top, rows, len(c.lines)), m.theme, w)
	return head + "\n" + where + "\n" + window(c.lines, top, rows)
}
