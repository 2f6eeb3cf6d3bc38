package ui

import (
	"strings"

	"charm.land/lipgloss/v2"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/cxo-dev/cxo/model"
)

// homeModel is the menu the TUI opens on.
type homeModel struct {
	items  []string // menu entries: new, resume, history, guides, quit
	cursor int
	last   homeLast // the newest finished result (home_state.go)
}

var homeLabels = map[string]string{
	"new": "New assessment", "resume": "Resume", "history": "History",
	"guides": "Guides", "quit": "Quit",
}

func (h *homeModel) refresh(m *session) {
	current := ""
	if h.cursor < len(h.items) {
		current = h.items[h.cursor]
	}
	h.items = []string{"new"}
	if m.newestOpen() != "" {
		h.items = append(h.items, "resume")
	}
	h.items = append(h.items, "history", "guides", "quit")
	h.cursor = 0
	for i, it := range h.items {
		if it == current {
			h.cursor = i
		}
	}
}

func (h *homeModel) key(m *session, msg tea.KeyPressMsg) (intent, tea.Cmd) {
	switch {
	case key.Matches(msg, homeKeys.Up):
		h.cursor = (h.cursor + len(h.items) - 1) % len(h.items)
	case key.Matches(msg, homeKeys.Down):
		h.cursor = (h.cursor + 1) % len(h.items)
	case key.Matches(msg, homeKeys.Enter):
		return h.choose(m, h.items[h.cursor])
	case key.Matches(msg, homeKeys.New):
		return h.choose(m, "new")
	case key.Matches(msg, homeKeys.Resume):
		return h.choose(m, "resume")
	case key.Matches(msg, homeKeys.History):
		return h.choose(m, "history")
	case key.Matches(msg, homeKeys.Guides):
		return h.choose(m, "guides")
	}
	return stay, nil
}

func (h *homeModel) choose(m *session, item string) (intent, tea.Cmd) {
	switch item {
	case "new":
		return intent{ev: evNew}, nil
	case "resume":
		id := m.newestOpen()
		if id == "" {
			m.fail("nothing to resume - press n to start an assessment")
			return stay, nil
		}
		return stay, m.await(loadCmd(m.store, m.bank, id))
	case "history":
		return intent{ev: evHistory}, nil
	case "guides":
		return intent{ev: evGuides}, nil
	case "quit":
		return stay, tea.Quit
	}
	return stay, nil
}

func (h *homeModel) view(m *session, w, height int) string {
	t := m.theme
	var b strings.Builder
	b.WriteString(banner(t, w) + "\n\n")
	about := wrap(t.Text.Render("Find out which way you lean between the CTO role (revenue, customers, product engineering) and the CIO role (profitability, internal users, IT operations), how ready you are, and what to work on next."), readingWidth(w))
	st := h.status(m, readingWidth(w))
	// A returning user reads where they stand first; what cxo does
	// follows when the window has room for it.
	if st != "" {
		b.WriteString(st + "\n")
	}
	if st == "" || lipgloss.Height(st)+lipgloss.Height(about)+len(h.items)+7 <= height {
		b.WriteString(about + "\n\n")
	}
	// Every entry shows, quit included: a hint that would need lines of
	// its own is left out when the window is too short for it.
	menu := h.menu(m, w, true)
	if lipgloss.Height(b.String()+menu) > height+1 {
		menu = h.menu(m, w, false)
	}
	return b.String() + menu
}

// menu is the list of entries with their hints; tall allows a hint too
// wide for the entry's line to go, wrapped, under it.
func (h *homeModel) menu(m *session, w int, tall bool) string {
	t := m.theme
	var b strings.Builder
	for i, it := range h.items {
		label := homeLabels[it]
		hint := ""
		switch it {
		case "new":
			if m.bank == nil {
				break // the bank is still loading: a moment after start
			}
			n, d := model.Estimate(m.bank, model.LengthQuick)
			nf, df := model.Estimate(m.bank, model.LengthFull)
			hint = "quick: " + itoa(n) + " items, " + shortMinutes(d) + " · full: " + itoa(nf) + ", " + shortMinutes(df)
		case "resume":
			for _, s := range m.list {
				if s.ID == m.newestOpen() {
					hint = s.ID
				}
			}
		case "history":
			if m.listReady { // not "0 saved" in the first frame, before the list is read
				hint = itoa(len(m.list)) + " saved"
			}
		case "guides":
			hint = "the CTO role, the CIO role, CIO vs CTO, operations, disagreements"
		}
		keyHint := map[string]string{"new": "n", "resume": "r", "history": "h", "guides": "g", "quit": "q"}[it]
		line := "  " + t.Key.Render(keyHint) + "  " + t.Text.Render(label)
		if i == h.cursor {
			line = t.Selected.Render("▸ ") + t.Key.Render(keyHint) + "  " + t.Selected.Render(label)
		}
		if hint != "" && lipgloss.Width(line)+2+lipgloss.Width(hint) > w {
			// Too narrow: the hint goes under the entry, wrapped, not cut
			// (or, in a short window, stays out).
			if tall {
				line += "\n" + indent(wrap(t.Subtle.Render(hint), w-5), 5)
			}
		} else if hint != "" {
			line += t.Subtle.Render("  " + hint)
		}
		b.WriteString(line + "\n")
	}
	return b.String()
}
