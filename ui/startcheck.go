package ui

import (
	"errors"

	tea "charm.land/bubbletea/v2"

	"github.com/cxo-dev/cxo/store"
)

// checked shows the database problem the start-up check found, if any.
func (m *App) checked(msg checkedMsg) tea.Cmd {
	if msg.err == nil {
		return nil
	}
	var damaged *store.DamagedError
	var newer *store.NewerError
	var notFile *store.NotAFileError
	switch {
	case errors.As(msg.err, &notFile): // a pipe, device or folder: refused, as the CLI does
		m.damaged = damagedModel{err: msg.err}
	case errors.As(msg.err, &damaged):
		m.damaged = damagedModel{err: msg.err, canFix: true, hasBackup: msg.hasBackup}
	case errors.As(msg.err, &newer):
		m.damaged = damagedModel{err: msg.err, hasBackup: msg.hasBackup}
	default:
		m.fail("database check: " + msg.err.Error())
		return nil
	}
	return m.apply(intent{ev: evDamaged})
}

// moved starts afresh once the damaged file is moved aside.
func (m *App) moved(msg movedMsg) tea.Cmd {
	if msg.err != nil {
		m.fail("could not move it aside: " + msg.err.Error())
		return nil
	}
	m.ok("moved the damaged database to " + msg.to + "; starting fresh")
	return m.apply(intent{ev: evFresh})
}
