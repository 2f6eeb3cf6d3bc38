package ui

import (
	"unicode/utf8"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/cxo-dev/cxo/model"
)

// The evidence note is one line of up to model.NoteLimit characters, with
// its count on show. Nothing is ever cut to fit: a key or a paste that
// would pass the limit is refused whole, with a message.

// newNoteInput is the note field, holding the note saved so far.
func newNoteInput(width int, note string) textinput.Model {
	in := textinput.New()
	in.Placeholder = "one line of evidence: what you did, where, when"
	in.CharLimit = 0 // the limit is checked here, so nothing is cut silently
	in.SetWidth(max(width-28, 10))
	in.SetValue(note)
	in.CursorEnd()
	return in
}

// noteRoomFor reports whether text fits in the note field; when it does
// not, the status says so and nothing is inserted.
func (q *questionModel) noteRoomFor(m *session, text string, pasted bool) bool {
	have, add := utf8.RuneCountInString(q.note.Value()), utf8.RuneCountInString(text)
	if have+add <= model.NoteLimit {
		return true
	}
	if pasted {
		m.fail("Not pasted: the paste is " + model.Thousands(add) + " characters and the note has room for " +
			model.Thousands(model.NoteLimit-have) + " more (a note holds at most " + model.Thousands(model.NoteLimit) + ")")
	} else {
		m.fail("The note is full: a note holds at most " + model.Thousands(model.NoteLimit) + " characters")
	}
	return false
}

// noteKeyRoom refuses a typed key that would pass the limit.
func (q *questionModel) noteKeyRoom(m *session, msg tea.KeyPressMsg) bool {
	if msg.Text == "" || msg.Mod&(tea.ModCtrl|tea.ModAlt) != 0 {
		return true // editing and moving keys never add text
	}
	return q.noteRoomFor(m, msg.Text, false)
}

// notePaste inserts a paste into the note, cleaned to one line, or refuses
// it whole.
func (q *questionModel) notePaste(m *session, msg tea.PasteMsg) tea.Cmd {
	text := model.Clean(msg.Content)
	if !q.noteRoomFor(m, text, true) {
		return nil
	}
	m.status = ""
	q.quitAsked = false
	var cmd tea.Cmd
	q.note, cmd = q.note.Update(tea.PasteMsg{Content: text})
	return cmd
}

// noteView is the field with its count (n/2000).
func (q *questionModel) noteView(m *session) string {
	t := m.theme
	count := itoa(utf8.RuneCountInString(q.note.Value())) + "/" + itoa(model.NoteLimit)
	return t.Strong.Render("Evidence: ") + q.note.View() + " " + t.Subtle.Render(count)
}

// noteDirty reports whether the note being typed differs from the one
// saved with the item.
func (q *questionModel) noteDirty(m *session) bool {
	if m.a == nil || !q.noting {
		return false
	}
	return model.Clean(q.note.Value()) != m.a.Answers[q.item(m).ID].Note
}

// holdQuit stops the first ctrl+c while a changed note is being typed
// and says how to keep it; a second ctrl+c quits without it.
func (q *questionModel) holdQuit(s *session) bool {
	if s.state != stateQuestion || !q.noteDirty(s) || q.quitAsked {
		return false
	}
	q.quitAsked = true
	s.fail("Your note is not saved: enter saves it, esc drops it, ctrl+c again quits without it")
	return true
}
