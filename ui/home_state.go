package ui

import (
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/cxo-dev/cxo/model"
	"github.com/cxo-dev/cxo/store"
)

// What a returning user reads on the home screen at a glance: the last
// result in one line with its date, the unfinished assessment with its
// progress, and the plan's priorities. The last result is read in a
// command whenever the newest finished assessment changes.

// homeLast is the newest finished assessment's result, as home shows it.
type homeLast struct {
	id         string
	finished   time.Time
	length     model.Length
	verdict    string
	priorities []string
}

type lastResultMsg struct {
	last homeLast
	err  error
}

// lastResultCmd reads the newest finished result when it is not the one
// on show already (nil otherwise).
func (h *homeModel) lastResultCmd(m *session) tea.Cmd {
	done, ok := store.Newest(m.list, true)
	if !ok || m.bank == nil || m.store == nil || done.ID == h.last.id {
		if !ok {
			h.last = homeLast{}
		}
		return nil
	}
	s, b, id := m.store, m.bank, done.ID
	return func() tea.Msg {
		a, res, err := s.LoadWithResult(b, id)
		if err != nil {
			return lastResultMsg{err: err}
		}
		last := homeLast{id: id, finished: a.Finished, length: a.Length, verdict: model.HeaderLean(res)}
		if i := strings.Index(last.verdict, " · method"); i >= 0 {
			last.verdict = last.verdict[:i]
		}
		for _, p := range res.Plan {
			last.priorities = append(last.priorities, p.Name)
		}
		return lastResultMsg{last: last}
	}
}

func (h *homeModel) lastLoaded(msg lastResultMsg) {
	if msg.err == nil {
		h.last = msg.last
	}
}

// banner is the title treatment: "cxo" in two rows of block letters in
// the accent colour (bold, so it holds without colour too), the tagline
// beside it and a rule under both.
func banner(t Theme, w int) string {
	logo := []string{"▄▀▀ ▀▄▀ ▄▀▄", "▀▄▄ ▄▀▄ ▀▄▀"}
	side := []string{t.Strong.Render("CTO or CIO?"), t.Subtle.Render("a private career coach · everything stays on this machine")}
	if lipgloss.Width(logo[1])+3+lipgloss.Width(side[1]) > w {
		side[1] = t.Subtle.Render("a private career coach")
	}
	rule := t.Subtle.Render(strings.Repeat("─", max(min(w, maxReading)-1, 10)))
	var b strings.Builder
	for i, l := range logo {
		b.WriteString(truncate(t.Title.Render(l)+"   "+side[i], w) + "\n")
	}
	return b.String() + rule
}

// status is the returning user's state in up to five lines ("" for a new
// user).
func (h *homeModel) status(m *session, w int) string {
	t := m.theme
	var b strings.Builder
	label := func(s string) string { return t.Subtle.Render(pad2(s, 13)) }
	if h.last.id != "" {
		date := h.last.finished.Local().Format("2 Jan 2006")
		b.WriteString(pack(label("Last result"), []piece{{"", t.Strong.Render(model.Capitalise(h.last.verdict))},
			{"  ", t.Subtle.Render(date + " · " + string(h.last.length))}}, w) + "\n")
		if len(h.last.priorities) > 0 {
			// Wrapped at the separators: a number stays with its name.
			var ps []piece
			for i, p := range h.last.priorities {
				ps = append(ps, piece{t.Subtle.Render("  ·  "), t.Key.Render(itoa(i+1)) + " " + t.Text.Render(p)})
			}
			b.WriteString(pack(label("Priorities"), ps, w) + "\n")
		}
	}
	if id := m.newestOpen(); id != "" {
		for _, s := range m.list {
			if s.ID != id {
				continue
			}
			bar := progressBar(t, s.Answered, s.Total, 12)
			b.WriteString(pack(label("In progress"), []piece{{"", t.Text.Render(itoa(s.Answered) + " of " + itoa(s.Total) + " done")},
				{"  ", bar}, {"  ", t.Subtle.Render(string(s.Length))}, {t.Subtle.Render(" · "), t.Subtle.Render("started " + s.Started.Local().Format("2 Jan"))},
				{t.Subtle.Render(" · "), t.Subtle.Render("r resumes")}}, w) + "\n")
		}
	}
	return b.String()
}

func pad2(s string, n int) string { return s + strings.Repeat(" ", max(n-len(s), 0)) }

// progressBar is a small bar of done out of total, n cells wide, its empty
// track in the theme's colour.
func progressBar(t Theme, done, total, n int) string {
	full := 0
	if total > 0 {
		full = min(done*n/total, n)
	}
	return lipgloss.NewStyle().Foreground(t.BarFill).Render(strings.Repeat("━", full)) +
		lipgloss.NewStyle().Foreground(t.BarEmpty).Render(strings.Repeat("─", n-full))
}
