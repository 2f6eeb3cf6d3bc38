package ui

// The keys every screen shares, and the queue that holds keys typed while
// an answer is being written or an assessment opened.

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// SetTerminal lets the app tell whether an item has been drawn before an
// answer key counts (frames.go).
func (m *App) SetTerminal(t *Terminal) { m.sight.w = t }

// key handles the keys every screen shares, then the screen's own.
func (m *App) key(msg tea.KeyPressMsg) tea.Cmd {
	if g, ok := m.current().(interface{ holdQuit(*session) bool }); ok && key.Matches(msg, rootKeys.ForceQuit) && g.holdQuit(&m.session) {
		return nil // a screen asks before quitting drops what is being typed
	}
	if key.Matches(msg, rootKeys.ForceQuit) {
		return m.quit()
	}
	if key.Matches(msg, rootKeys.Suspend) {
		return tea.Suspend
	}
	// Below the minimum size the screen is hidden behind "make the window
	// larger": a key must not answer a question nobody can see. Only
	// quitting works (ctrl+c above, q here).
	if m.width > 0 && (m.width < MinWidth || m.height < MinHeight) {
		if key.Matches(msg, rootKeys.Quit) && !m.textInput() && !m.busy() {
			return m.quit()
		}
		return nil
	}
	// While an answer is being written, or an assessment created or
	// opened, every other key waits its turn: "1 2 1 q" typed fast saves
	// three answers and then quits.
	if m.stopLockWait(msg) {
		return nil
	}
	if m.busy() && m.state != stateDamaged {
		m.queue = append(m.queue, msg)
		return nil
	}
	if m.textInput() {
		return m.routeKey(msg)
	}
	// The item (or part intro) put up last has not reached the terminal
	// yet: an answer key now was typed before anyone could read it.
	if !m.sight.seen() && m.answersUnseen(msg) {
		m.ignore(1)
		return nil
	}
	if key.Matches(msg, rootKeys.Help) {
		m.full = !m.full
		return nil
	}
	if m.full && key.Matches(msg, rootKeys.Back) {
		m.full = false
		return nil
	}
	if key.Matches(msg, rootKeys.Quit) {
		return m.quit()
	}
	return m.routeKey(msg)
}

// textInput reports whether a text field has the keys (q and ? are text).
func (m *App) textInput() bool {
	return (m.state == stateExport) || (m.state == stateQuestion && m.question.noting) ||
		(m.state == stateReader && m.guides.searching)
}

// quit ends the program, but never while an answer is being written: the
// write finishes first, so an answer on screen is an answer on disk. Keys
// queued behind that write are dropped: ctrl+c means stop now.
func (m *App) quit() tea.Cmd {
	if m.question.saving {
		m.queue = nil
		m.quitting = true
		m.lock.stop.Store(true) // a wait for a file another cxo holds ends now
		m.ok("saving the last answer, then quitting...")
		return nil
	}
	return tea.Quit
}

// arrived ends a wait and replays the keys typed during it.
func (m *App) arrived(cmd tea.Cmd) tea.Cmd {
	m.waiting = false
	return tea.Batch(cmd, m.replay())
}

// busy reports whether keys must wait: an answer is being written, or an
// assessment is being created or opened.
func (m *App) busy() bool { return m.waiting || m.question.saving }

// replay hands queued keys to key, in order, until one makes the app busy
// again; the rest wait for the next replay. A queued key was typed before
// the screen now on show was drawn: one that would answer the item (or
// begin the part whose intro shows) is dropped, so type-ahead never
// answers an item nobody saw nor crosses a part break, and the status line
// says how many were ignored. Other keys (quit, back, review) still count.
func (m *App) replay() tea.Cmd {
	var cmds []tea.Cmd
	dropped := 0
	for len(m.queue) > 0 && !m.busy() {
		k := m.queue[0]
		m.queue = m.queue[1:]
		if m.answersUnseen(k) {
			dropped++
			continue
		}
		cmds = append(cmds, m.key(k))
	}
	m.ignore(dropped)
	return tea.Batch(cmds...)
}

// ignore counts answer keys dropped since the screen on show was put up
// and says so on the status line, unless it holds something else.
func (m *App) ignore(n int) {
	if n == 0 {
		return
	}
	m.ignored += n
	if m.status != "" && !strings.HasPrefix(m.status, ignoredWords) {
		return
	}
	word := " keys"
	if m.ignored == 1 {
		word = " key"
	}
	m.ok(ignoredWords + itoa(m.ignored) + word + " typed before this screen was shown")
}

const ignoredWords = "ignored "

// answersUnseen: k, typed before the screen on show was drawn, would answer
// its item or begin its part.
func (m *App) answersUnseen(k tea.KeyPressMsg) bool {
	if key.Matches(k, rootKeys.Quit) || key.Matches(k, rootKeys.Help) {
		return false
	}
	q := &m.question
	switch {
	case m.state == stateIntro && !q.noting:
		return !key.Matches(k, introKeys.Back) && !key.Matches(k, introKeys.Prev) &&
			!key.Matches(k, introKeys.Guide) && !key.Matches(k, introKeys.Review)
	case m.state == stateQuestion && !q.noting && (q.pending == nil || q.pending.err == nil):
		return key.Matches(k, questionKeys.Answer) || key.Matches(k, questionKeys.Letter) ||
			key.Matches(k, questionKeys.Enter) || key.Matches(k, questionKeys.Skip) || key.Matches(k, questionKeys.NA)
	}
	return false
}
