package ui

import (
	"cmp"
	"unicode/utf8"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/cxo-dev/cxo/model"
)

// paste delivers pasted text (bracketed paste) to the field being typed
// in: the evidence note, the export file name or the reader's search.
// Elsewhere a paste is not a run of key presses and answers nothing.
func (m *App) paste(msg tea.PasteMsg) tea.Cmd {
	switch {
	case m.width > 0 && (m.width < MinWidth || m.height < MinHeight):
		return nil // the screen is hidden
	case m.state == stateQuestion && m.question.noting:
		return m.question.notePaste(m, msg)
	case m.state == stateExport && !m.export.busy:
		m.export.confirm = ""
		return pasteInto(m, &m.export.input, msg, "a file name")
	case m.state == stateReader && m.guides.searching:
		return pasteInto(m, &m.guides.search, msg, "a search")
	}
	return nil
}

// pasteInto inserts a paste, cleaned to one line, into a field, or
// refuses it whole when it would pass the field's CharLimit (4,096 when
// it has none): the field never cuts it silently.
func pasteInto(m *App, in *textinput.Model, msg tea.PasteMsg, what string) tea.Cmd {
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
