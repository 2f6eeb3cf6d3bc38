package ui

import (
	"cmp"
	"unicode/utf8"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/cxo-dev/cxo/model"
)

// The screens that take pasted text (see paster in app.go).

func (q *questionModel) paste(s *session, msg tea.PasteMsg) tea.Cmd {
	if s.state != stateQuestion || !q.noting {
		return nil
	}
	return q.notePaste(s, msg)
}

func (e *exportModel) paste(s *session, msg tea.PasteMsg) tea.Cmd {
	if e.busy {
		return nil
	}
	e.confirm = ""
	return pasteInto(s, &e.input, msg, "a file name")
}

func (g *guidesModel) paste(s *session, msg tea.PasteMsg) tea.Cmd {
	if s.state != stateReader || !g.searching {
		return nil
	}
	return pasteInto(s, &g.search, msg, "a search")
}

// pasteInto inserts a paste, cleaned to one line, into a field, or
// refuses it whole when it would pass the field's CharLimit (4,096 when
// it has none): the field never cuts it silently.
func pasteInto(m *session, in *textinput.Model, msg tea.PasteMsg, what string) tea.Cmd {
	text := model.Clean(msg.Content)
	limit := cmp.Or(in.CharLimit, 4096)
	if utf8.RuneCountInString(in.Value())+utf8.RuneCountInString(text) > limit {
		m.fail("Not pasted: " + what + " holds at most " + model.Thousands(limit) + " characters")
		return nil
	}
	m.status = ""
	var cmd tea.Cmd
	*in, cmd = in.Update(tea.PasteMsg{Content: text})
	return cmd
}
