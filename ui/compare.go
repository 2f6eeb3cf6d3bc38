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
	c.vp.SetHeight(max(m.height-6, 1))
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

func (c *compareModel) content(m *session, w int) string {
	t := m.theme
	nameW := min(36, max(w-34, 12))
	var b strings.Builder
	row := func(ch model.Change, signedScale bool) {
		// A long name wraps within its column: its end is often the
		// word that tells two areas apart.
		nameLines := strings.Split(wrap(ch.Name, nameW), "\n")
		name := nameLines[0] + strings.Repeat(" ", max(nameW-lipgloss.Width(nameLines[0]), 0))
		defer func() {
			for _, l := range nameLines[1:] {
				b.WriteString(t.Text.Render(l) + "\n")
			}
		}()
		num := itoa
		if signedScale {
			num = model.Signed
		}
		if ch.Before.N == 0 || ch.After.N == 0 {
			// Say which side was rated: "not rated -> 0" is news, "not
			// rated in both" only when neither was.
			before, after := "not rated", "not rated"
			if ch.Before.N > 0 {
				before = num(ch.Before.Score)
			}
			if ch.After.N > 0 {
				after = num(ch.After.Score)
			}
			note := "  " + before + " → " + after + "  no change can be measured"
			if ch.Before.N == 0 && ch.After.N == 0 {
				note = "  not rated in either"
			}
			b.WriteString(t.Text.Render(name) + t.Subtle.Render(note) + "\n")
			return
		}
		verdict := t.Subtle.Render("within the bands")
		if ch.Changed {
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
			verdict = t.Warn.Render("changed, " + word)
		}
		b.WriteString(t.Text.Render(name) + "  " + pad(num(ch.Before.Score), 4) + " → " + t.Strong.Render(pad(num(ch.After.Score), 4)) + "  " + pad(model.Signed(ch.Delta), 4) + "  " + verdict + "\n")
	}
	b.WriteString(t.Subtle.Render("Both results read with scoring method "+itoa(c.cmp.Method)+".") + "\n\n")
	b.WriteString(t.Title.Render("Lean") + "\n")
	row(c.cmp.Lean, true)
	b.WriteString("\n" + t.Title.Render("Facets") + t.Subtle.Render("  100 CTO side, 0 CIO side") + "\n")
	for _, ch := range c.cmp.Facets {
		row(ch, false)
	}
	b.WriteString("\n" + t.Title.Render("Readiness and foundations") + "\n")
	for _, ch := range c.cmp.Readiness {
		row(ch, false)
	}
	if len(c.cmp.Peers) > 0 {
		b.WriteString("\n" + t.Title.Render("Colleagues' view") + t.Subtle.Render("  the others' scores, areas shown in both") + "\n")
		for _, ch := range c.cmp.Peers {
			row(ch, false)
		}
	}
	return b.String()
}

func (c *compareModel) view(m *session, w, h int) string {
	t := m.theme
	head := t.Title.Render("Compare") + t.Subtle.Render("  "+c.before+" ("+c.beforeAt+") → "+c.after+" ("+c.afterAt+")")
	text := "A difference counts as a change only when the two bands, from the spread of each set of answers, do not overlap."
	if c.quick {
		text += " A quick assessment has one or two answers per area, so its bands are wide and only large moves count; full assessments tell change apart better."
	}
	note := wrap(t.Subtle.Render(text), w)
	rows := max(h-lipgloss.Height(note)-2, 1)
	where := withPosition("", panelPosition(c.vp.YOffset(), rows, len(c.lines)), t, w)
	return truncate(head, w) + "\n" + note + "\n" + where + "\n" + window(c.lines, c.vp.YOffset(), rows)
}
