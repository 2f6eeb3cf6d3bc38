package ui

import (
	"errors"
	"os"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/cxo-dev/cxo/store"
)

// checkedMsg reports the start-up consistency check (and the last-good
// copy it keeps when the file is clean).
type checkedMsg struct {
	backup    string
	err       error
	hasBackup bool // a last good copy from an earlier start exists
}

type movedMsg struct {
	to  string
	err error
}

// checkCmd runs the consistency check after the first frame is on screen,
// so start-up never waits for it.
func checkCmd(s *store.Store) tea.Cmd {
	return func() tea.Msg {
		path, err := s.Backup()
		var w *store.WriteError
		if errors.As(err, &w) {
			err = nil // no room for the copy: the database itself is fine
		}
		msg := checkedMsg{backup: path, err: err}
		if err != nil {
			_, statErr := os.Stat(store.BackupPath(s.Path))
			msg.hasBackup = statErr == nil
		}
		return msg
	}
}

func moveAsideCmd(path string) tea.Cmd {
	return func() tea.Msg {
		to, err := store.MoveAside(path, time.Now())
		return movedMsg{to: to, err: err}
	}
}

// damagedModel is shown instead of the home screen when the database
// cannot be used: it explains, and offers to move a damaged file aside.
type damagedModel struct {
	err       error
	canFix    bool // damaged (not newer): moving it aside is offered
	hasBackup bool // a last good copy exists to restore instead
}

func (d *damagedModel) key(m *App, msg tea.KeyPressMsg) tea.Cmd {
	if d.canFix && msg.String() == "m" {
		return moveAsideCmd(m.store.Path)
	}
	return nil
}

func (d *damagedModel) view(m *App, w, _ int) string {
	t := m.theme
	var b strings.Builder
	b.WriteString(t.Error.Render("The database cannot be used") + "\n\n")
	b.WriteString(wrap(t.Text.Render(d.err.Error()), w) + "\n\n")
	if d.canFix {
		b.WriteString(wrap(t.Text.Render("Press m to move it aside (renamed, bytes kept, for later rescue) and start with a fresh database, or q to quit and leave everything as it is."), w) + "\n")
		if d.hasBackup {
			b.WriteString("\n" + wrap(t.Subtle.Render("A last good copy exists; "+store.RestoreHint(m.store.Path)), w) + "\n")
		}
	} else {
		b.WriteString(wrap(t.Text.Render("Press q to quit; nothing was changed."), w) + "\n")
	}
	return b.String()
}

func (m *App) checked(msg checkedMsg) tea.Cmd {
	if msg.err == nil {
		return nil
	}
	var damaged *store.DamagedError
	var newer *store.NewerError
	switch {
	case errors.As(msg.err, &damaged):
		m.damaged = damagedModel{err: msg.err, canFix: true, hasBackup: msg.hasBackup}
	case errors.As(msg.err, &newer):
		m.damaged = damagedModel{err: msg.err, hasBackup: msg.hasBackup}
	case errors.As(msg.err, new(*store.BusyError)):
		m.fail(msg.err.Error()) // another cxo holds it: not a problem with the file
		return nil
	default:
		// Not a database at all (a folder, a device): the same screen
		// and words as the command line, never an empty home screen.
		m.damaged = damagedModel{err: msg.err}
	}
	m.state = stateDamaged
	m.status = "" // the screen says it; the status line would say it twice
	return nil
}

// Failure is why the program ended on the database problem screen, for
// the command line to report once on stderr and exit 1; nil otherwise.
func (m *App) Failure() error {
	if m.state == stateDamaged {
		return m.damaged.err
	}
	return nil
}

func (m *App) moved(msg movedMsg) tea.Cmd {
	if msg.err != nil {
		m.fail("could not move it aside: " + msg.err.Error())
		return nil
	}
	m.state = stateHome
	m.ok("moved the damaged database to " + msg.to + "; starting fresh")
	return loadListCmd(m.store)
}
