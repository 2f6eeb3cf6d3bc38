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
	switch {
	case errors.As(msg.err, &damaged):
		m.damagedIDs = store.DamagedAssessments(damaged.Records)
		m.damaged = damagedModel{err: msg.err, canGoOn: damaged.Repair, canFix: true, hasBackup: msg.hasBackup}
	case errors.As(msg.err, &newer):
		m.damaged = damagedModel{err: msg.err, hasBackup: msg.hasBackup}
	case errors.As(msg.err, new(*store.BusyError)):
		m.fail(msg.err.Error()) // another cxo holds it: not a problem with the file
		return nil
	default:
		// Not a database at all (a folder, a pipe, a device): the same
		// screen and words as the command line, never an empty home screen.
		m.damaged = damagedModel{err: msg.err}
	}
	m.status = "" // the screen says it; the status line would say it twice
	return m.apply(intent{ev: evDamaged})
}

// Failure is why the program ended on the database problem screen, for
// the command line to report once on stderr and exit 1; nil otherwise.
func (m *App) Failure() error {
	if m.state == stateDamaged {
		return m.damaged.err
	}
	return nil
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
