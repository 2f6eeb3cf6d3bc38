package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/cxo-dev/cxo/model"
)

// newModel picks the length and the optional target role.
type newModel struct {
	row    int // 0 length, 1 target, 2 start
	length int // 0 quick, 1 full
	target int // 0 none, 1 cto, 2 cio
	busy   bool
	// touched is set once the user changes a choice.
	touched bool
}

var targets = []model.Role{"", model.RoleCTO, model.RoleCIO}

func (n *newModel) open(m *session) tea.Cmd {
	*n = newModel{row: 2}
	return lastChoiceCmd(m.store)
}

// remembered preselects what was chosen last time, unless the user has
// already changed something.
func (n *newModel) remembered(msg lastChoiceMsg) {
	if n.touched {
		return
	}
	if msg.length == model.LengthFull {
		n.length = 1
	}
	for i, r := range targets {
		if r == msg.target {
			n.target = i
		}
	}
}

func (n *newModel) key(m *session, msg tea.KeyPressMsg) (intent, tea.Cmd) {
	switch {
	case key.Matches(msg, newKeys.Back):
		return intent{ev: evBack}, nil
	case key.Matches(msg, newKeys.Up):
		n.row = (n.row + 2) % 3
	case key.Matches(msg, newKeys.Down):
		n.row = (n.row + 1) % 3
	case key.Matches(msg, newKeys.Less):
		n.change(-1)
	case key.Matches(msg, newKeys.More):
		n.change(1)
	case key.Matches(msg, newKeys.Start):
		if n.row != 2 || n.busy {
			n.row = 2
			return stay, nil
		}
		n.busy = true
		length := model.LengthQuick
		if n.length == 1 {
			length = model.LengthFull
		}
		return stay, m.await(createCmd(m.store, m.bank, m.clock, length, targets[n.target]))
	}
	return stay, nil
}

func (n *newModel) change(d int) {
	n.touched = true
	switch n.row {
	case 0:
		n.length = (n.length + 2 + d) % 2
	case 1:
		n.target = (n.target + 3 + d) % 3
	}
}

func (n *newModel) view(m *session, w, _ int) string {
	t := m.theme
	var b strings.Builder
	b.WriteString(t.Title.Render("New assessment") + "\n\n")
	qn, qd := model.Estimate(m.bank, model.LengthQuick)
	fn, fd := model.Estimate(m.bank, model.LengthFull)
	opt := func(on bool, s string) string {
		if on {
			return t.Selected.Render("[" + s + "]")
		}
		return t.Subtle.Render(" " + s + " ")
	}
	row := func(i int, label, values string) {
		mark := "  "
		if n.row == i {
			mark = t.Selected.Render("▸ ")
		}
		for _, l := range strings.Split(mark+t.Strong.Render(label)+"  "+values, "\n") {
			b.WriteString(truncate(l, w) + "\n")
		}
	}
	quick, full := opt(n.length == 0, "Quick · "+itoa(qn)+" items · "+shortMinutes(qd)), opt(n.length == 1, "Full · "+itoa(fn)+" items · "+shortMinutes(fd))
	if lipgloss.Width("▸ Length   "+quick+" "+full) > w {
		// Too narrow for both on one line: the second goes under the
		// first rather than being cut.
		quick += "\n" + strings.Repeat(" ", lipgloss.Width("▸ Length   "))
	} else {
		quick += " "
	}
	row(0, "Length ", quick+full)
	row(1, "Target ", opt(n.target == 0, "Let my answers decide")+" "+opt(n.target == 1, "CTO")+" "+opt(n.target == 2, "CIO"))
	b.WriteString("\n")
	row(2, "Start", t.Subtle.Render("press enter"))
	b.WriteString("\n" + wrap(t.Subtle.Render("The target only changes what counts as a strength or a gap; the lean is always measured the same way. Every answer is saved as you go: quit at any time and resume later."), w))
	if n.busy {
		b.WriteString("\n\n" + t.Subtle.Render("starting..."))
	}
	return b.String()
}
