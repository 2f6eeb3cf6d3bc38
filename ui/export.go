package ui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/cxo-dev/cxo/model"
	"github.com/cxo-dev/cxo/store"
)

// exportModel asks where to write the export and warns before overwriting.
type exportModel struct {
	input   textinput.Model
	confirm string // the path the user agreed to overwrite
	busy    bool
	// wdDir and homeDir resolve what is typed to the full path shown before
	// writing (read in a command as the form opens).
	wdDir, homeDir string
}

type exportDirsMsg struct{ wd, homeDir string }

// exportDirsCmd reads the working and home folders.
func exportDirsCmd() tea.Msg {
	wd, _ := os.Getwd()
	home, _ := os.UserHomeDir()
	return exportDirsMsg{wd: wd, homeDir: home}
}

// target is the file a typed name writes to: ~ and ~/ are the home
// folder, as in a shell; a relative name is under the working folder.
func (e *exportModel) target(typed string) string {
	p := strings.TrimSpace(typed)
	switch {
	case p == "":
		return ""
	case e.homeDir != "" && (p == "~" || strings.HasPrefix(p, "~/") || strings.HasPrefix(p, "~"+string(filepath.Separator))):
		p = filepath.Join(e.homeDir, p[1:])
	case !filepath.IsAbs(p) && e.wdDir != "":
		p = filepath.Join(e.wdDir, p)
	}
	return filepath.Clean(p)
}

func (e *exportModel) open(m *session) tea.Cmd {
	e.input = textinput.New()
	e.input.Prompt = "File: "
	e.input.CharLimit = 4096
	e.input.SetWidth(max(readingWidth(m.width-2)-10, 20)) // within the frame, which stops at the reading width
	e.input.SetValue("cxo-" + m.a.ID + ".md")
	e.input.CursorEnd()
	e.confirm = ""
	e.busy = false
	return tea.Batch(e.input.Focus(), exportDirsCmd)
}

func (e *exportModel) dirs(msg exportDirsMsg) { e.wdDir, e.homeDir = msg.wd, msg.homeDir }

func (e *exportModel) key(m *session, msg tea.KeyPressMsg) (intent, tea.Cmd) {
	if e.busy {
		return stay, nil
	}
	switch {
	case key.Matches(msg, exportKeys.Back):
		return intent{ev: evBack}, nil
	case key.Matches(msg, exportKeys.Write):
		path := e.target(e.input.Value())
		if path == "" {
			m.fail("type a file name")
			return stay, nil
		}
		// An existing file is refused by the write (store.ErrExists) and
		// confirmed with a second enter; nothing is checked on disk here.
		overwrite := e.confirm == path
		e.busy = true
		return stay, exportCmd(m.bank, m.a, m.res, path, overwrite)
	}
	e.confirm = ""
	var cmd tea.Cmd
	e.input, cmd = e.input.Update(msg)
	return stay, cmd
}

func exportCmd(b *model.Bank, a *model.Assessment, res model.Result, path string, overwrite bool) tea.Cmd {
	snapshot := a.Clone()
	return func() tea.Msg {
		data := model.Encode(b, model.BuildReport(b, snapshot, res), model.FormatFor(path))
		abs, err := filepath.Abs(path)
		if err != nil {
			abs = path
		}
		return exportedMsg{path: path, abs: abs, err: store.WriteExport(path, data, overwrite)}
	}
}

func (e *exportModel) done(m *session, msg exportedMsg) intent {
	e.busy = false
	if msg.err != nil {
		if errors.Is(msg.err, store.ErrExists) {
			e.confirm = msg.path
			m.fail(msg.path + " exists - press enter again to overwrite it, or change the name")
			return stay
		}
		m.fail("export failed: " + msg.err.Error())
		return stay
	}
	m.ok("exported to " + msg.abs)
	return intent{ev: evExported}
}

func (e *exportModel) view(m *session, w, _ int) string {
	t := m.theme
	var b strings.Builder
	b.WriteString(t.Title.Render("Export") + "\n\n")
	b.WriteString(wrap(t.Text.Render("Write the results, the plan and every answer to a file. A name ending in .json gives JSON for scripts; anything else gives Markdown. The file is readable only by you."), w) + "\n\n")
	b.WriteString(e.input.View() + "\n")
	if to := e.target(e.input.Value()); to != "" {
		b.WriteString(wrap(t.Subtle.Render("writes "+to), w))
	}
	b.WriteString("\n\n")
	b.WriteString(t.Subtle.Render("enter write · esc back"))
	if e.busy {
		b.WriteString("\n" + t.Subtle.Render("writing..."))
	}
	return b.String()
}
