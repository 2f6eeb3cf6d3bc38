package ui

import tea "charm.land/bubbletea/v2"

// StopMsg asks the program to end now, as a hangup or quit signal does:
// an answer being written is finished first (see quit), a note being typed
// is not asked about, and the terminal is restored by the normal shutdown.
type StopMsg struct{}

func (m *App) stop() tea.Cmd {
	return m.quit()
}
