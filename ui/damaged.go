package ui

import (
	"errors"
	"os"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
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

func moveAsideCmd(path string, now time.Time) tea.Cmd {
	return func() tea.Msg {
		to, err := store.MoveAside(path, now)
		return movedMsg{to: to, err: err}
	}
}

// damagedModel is shown instead of the home screen when the database
// cannot be used: it explains, and offers to move a damaged file aside.
type damagedModel struct {
	err       error
	canGoOn   bool // what is sound still reads: going on is offered
	canFix    bool // damaged (not newer): moving it aside is offered
	hasBackup bool // a last good copy exists to restore instead
}

func (d *damagedModel) key(m *session, msg tea.KeyPressMsg) (intent, tea.Cmd) {
	if d.canFix && key.Matches(msg, damagedKeys.MoveAside) {
		return stay, moveAsideCmd(m.store.Path, m.clock.now())
	}
	if d.canGoOn && key.Matches(msg, damagedKeys.GoOn) {
		// The store reads what is sound and refuses writes the damage
		// would make unsafe; a damaged assessment says so when opened.
		m.fail("the database is damaged: what is sound opens, a damaged assessment does not; quit and run " + cxoOn(m.store.Path) + " check --repair to copy what is sound to a fresh file")
		return intent{ev: evGoOn}, nil
	}
	return stay, nil
}

func (d *damagedModel) view(m *session, w, _ int) string {
	t := m.theme
	var b strings.Builder
	title := "The database cannot be used"
	if d.canGoOn {
		title = "The database is damaged"
	}
	b.WriteString(t.Error.Render(title) + "\n\n")
	b.WriteString(wrap(t.Text.Render(d.err.Error()), w) + "\n\n")
	if hint := repairHint(d.err, m.store.Path); hint != "" {
		b.WriteString(wrap(t.Text.Render(hint), w) + "\n\n")
	}
	if d.canGoOn {
		b.WriteString(wrap(t.Text.Render("Press c to go on with what is sound: every assessment the damage does not touch opens and takes answers; a damaged one says so when opened."), w) + "\n\n")
	}
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
