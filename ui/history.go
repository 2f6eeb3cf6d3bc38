package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/cxo-dev/cxo/model"
)

// historyModel lists saved assessments: open one, or delete it after a
// confirmation.
type historyModel struct {
	cursor  int
	confirm string // id waiting for a second d
	// compareWith is the result on show when the list was opened to pick
	// a second one to compare with it.
	compareWith string
	// rescored is the current method's verdict beside method 1 results.
	rescored map[string]string
	win      rowWindow
}

func (h *historyModel) open() {
	h.cursor, h.confirm, h.compareWith = 0, "", ""
}

// openCompare lists the assessments to pick one to compare with the result
// on show.
func (h *historyModel) openCompare(m *session) {
	h.open()
	h.compareWith = m.a.ID
	for i, s := range m.list {
		if s.Status == model.StatusFinished && s.ID != m.a.ID {
			h.cursor = i
			break
		}
	}
}

func (h *historyModel) key(m *session, msg tea.KeyPressMsg) (intent, tea.Cmd) {
	n := len(m.list)
	confirm := h.confirm
	h.confirm = ""
	switch {
	case key.Matches(msg, historyKeys.Back):
		return intent{ev: evBack}, nil
	case n == 0:
		return stay, nil
	case key.Matches(msg, historyKeys.Up):
		h.cursor = max(h.cursor-1, 0)
	case key.Matches(msg, historyKeys.Down):
		h.cursor = min(h.cursor+1, n-1)
	case key.Matches(msg, historyKeys.Open):
		s := m.list[min(h.cursor, n-1)]
		if h.compareWith != "" {
			if s.ID == h.compareWith || s.Status != model.StatusFinished {
				m.fail("pick another finished assessment to compare with " + h.compareWith)
				return stay, nil
			}
			return stay, compareCmd(m, s.ID)
		}
		if s.Status == model.StatusFinished {
			return stay, m.await(openResultCmd(m.store, m.bank, s.ID))
		}
		return stay, m.await(loadCmd(m.store, m.bank, s.ID))
	case key.Matches(msg, historyKeys.Delete) && h.compareWith == "":
		id := m.list[min(h.cursor, n-1)].ID
		if confirm == id {
			h.cursor = max(min(h.cursor, n-2), 0)
			return stay, deleteCmd(m.store, id)
		}
		h.confirm = id
		m.fail("delete " + id + " and all its answers? press d again to delete, any other key to keep it")
	}
	return stay, nil
}

func (h *historyModel) view(m *session, w, height int) string {
	t := m.theme
	var b strings.Builder
	title := t.Title.Render("History") + t.Subtle.Render("  "+itoa(len(m.list))+" saved")
	if h.compareWith != "" {
		title = pack("", []piece{{"", t.Title.Render("Compare with...")}, {"  ", t.Subtle.Render("pick a finished assessment to set beside " + h.compareWith)}}, w)
	}
	b.WriteString(title + "\n\n")
	if len(m.list) == 0 {
		b.WriteString(wrap(t.Subtle.Render("Nothing saved yet. Press esc, then n to start an assessment."), w))
		return b.String()
	}
	// A row is one line when it fits, else two: the lean (the point of
	// the row) goes whole on a line of its own rather than being cut.
	lines := make([][2]string, len(m.list))
	twoLines := false
	for i, s := range m.list {
		lean := historyLean(s, h.rescored)
		if s.Status != model.StatusFinished {
			lean = "in progress"
			if s.Lean != "" { // reopened by a changed answer
				lean += " · last result " + model.ListLean(s.Lean)
			}
		}
		if m.damagedIDs[s.ID] {
			lean = "damaged (cxo check names it) · " + lean // its counts are what was stored, not what reads
		}
		head := s.ID + "  " + s.Started.Local().Format("2006-01-02 15:04") + "  " + pad(itoa(s.Answered)+"/"+itoa(s.Total), 5) + "  " + fmt.Sprintf("%-5s", s.Length)
		lines[i] = [2]string{head, lean}
		if lipglossWidth(head+"  "+lean)+2 > w {
			twoLines = true
		}
	}
	per := 1
	if twoLines {
		// The lean on its own lines, wrapped: as many as the longest needs.
		for i := range lines {
			lines[i][1] = indent(wrap(lines[i][1], max(w-6, 10)), 4)[4:]
			per = max(per, 1+strings.Count(lines[i][1], "\n")+1)
		}
	}
	rows := max((height-3-strings.Count(title, "\n"))/per, 1) // the title, a blank line, the rows, the position
	cursor := min(h.cursor, len(m.list)-1)
	first := h.win.place(cursor, len(m.list), rows)
	for i := first; i < min(len(m.list), first+rows); i++ {
		s := m.list[i]
		line := lines[i][0] + "  " + lines[i][1]
		if twoLines {
			line = lines[i][0] + "\n    " + lines[i][1]
		}
		style := t.Text
		prefix := "  "
		switch {
		case i == cursor:
			style, prefix = t.Selected, "▸ "
		case h.compareWith != "" && (s.ID == h.compareWith || s.Status != model.StatusFinished):
			style = t.Subtle // not one to compare with: dimmed, as the picker refuses it
		}
		for _, l := range strings.Split(prefix+line, "\n") {
			b.WriteString(style.Render(truncate(l, w)) + "\n")
		}
		for n := strings.Count(line, "\n") + 1; twoLines && n < per; n++ {
			b.WriteString("\n") // every row as tall, so the window counts rows
		}
	}
	b.WriteString(t.Subtle.Render(listPosition(cursor, len(m.list), first, min(rows, len(m.list)-first))))
	return b.String()
}
