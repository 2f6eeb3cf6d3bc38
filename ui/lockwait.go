package ui

import (
	"sync/atomic"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/cxo-dev/cxo/model"
)

// lockWatch follows the store's waits for a file another cxo holds (the
// store waits up to 60 s): after a second the screen says so, and esc
// stops the wait; the answer being saved is kept for enter to retry.
type lockWatch struct {
	send    func(tea.Msg) // the program's Send; nil in tests that do not listen
	waiting atomic.Bool   // a wait has been told on screen
	stop    atomic.Bool   // the user asked to stop waiting
}

// lockWaitMsg says a store call has waited a second for the file.
type lockWaitMsg struct{}

// SetSend lets the store's waits reach the screen while a command runs.
func (m *App) SetSend(send func(tea.Msg)) { m.lock.send = send }

// watchLock hooks the store's wait. A new wait (its first attempt) clears
// an earlier stop.
func (m *App) watchLock() {
	if m.store == nil {
		return
	}
	step := m.store.LockWait
	m.store.Waiting = func(waited time.Duration) bool {
		if waited <= step {
			m.lock.stop.Store(false)
			m.lock.waiting.Store(false)
		}
		if waited >= lockNotice && !m.lock.waiting.Swap(true) && m.lock.send != nil {
			m.lock.send(lockWaitMsg{})
		}
		return !m.lock.stop.Load()
	}
}

// lockWaiting shows the wait, if something is still waiting.
func (m *App) lockWaiting() tea.Cmd {
	if m.busy() {
		m.fail("Another cxo is using " + model.Escaped(m.store.Path) + "; waiting up to 60 s for it - esc stops waiting, your answer is kept")
	}
	return nil
}

// stopLockWait takes esc while a wait is on screen: the store gives up at
// its next attempt and the save reports the file busy, answer kept.
func (m *App) stopLockWait(msg tea.KeyPressMsg) bool {
	if !m.busy() || !m.lock.waiting.Load() || !key.Matches(msg, rootKeys.Back) {
		return false
	}
	m.lock.stop.Store(true)
	m.ok("stopping the wait...")
	return true
}
