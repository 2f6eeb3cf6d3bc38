package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/cxo-dev/cxo/model"
	"github.com/cxo-dev/cxo/store"
)

// peersModel is the results screen's invite (i) and import (I) form: one
// field, the name colleagues will see or the response files to import.
type peersModel struct {
	importing bool
	input     textinput.Model
	busy      bool
	// pending are corrections of responses imported earlier, waiting for
	// a second enter to replace them.
	pending     []model.Response
	pendingFrom []string
}

// invitedMsg says where the invitation went.
type invitedMsg struct {
	abs string
	err error
}

// importedMsg reports an import, with the assessment and result as they
// are now.
type importedMsg struct {
	lines       []string // refusals and where files went: said as a problem
	notes       []string // what else the import did: said plainly
	imported    int
	pending     []model.Response
	pendingFrom []string
	a           *model.Assessment
	res         model.Result
	err         error
}

func (p *peersModel) open(m *session, importing bool) {
	p.importing, p.busy, p.pending, p.pendingFrom = importing, false, nil, nil
	p.input = textinput.New()
	p.input.CharLimit = 4096
	p.input.Prompt = "Name colleagues will see: "
	if importing {
		p.input.Prompt = "Response files: "
	}
	// The prompt, the text and the cursor within the frame's width.
	p.input.SetWidth(max(min(m.width, maxReading)-2-len(p.input.Prompt)-1, 10))
	p.input.Focus()
}

func (p *peersModel) key(m *session, msg tea.KeyPressMsg) (intent, tea.Cmd) {
	if p.busy {
		return stay, nil
	}
	switch {
	case key.Matches(msg, peersKeys.Back):
		return intent{ev: evBack}, nil
	case key.Matches(msg, peersKeys.Go):
		v := strings.TrimSpace(p.input.Value())
		switch {
		case p.importing && len(p.pending) > 0:
			p.busy = true
			return stay, importCmd(m.store, m.bank, m.a.ID, p.pending, p.pendingFrom, nil, true)
		case v == "" && p.importing:
			m.fail("type the paths of the response files, separated by spaces")
			return stay, nil
		case p.importing:
			p.busy = true
			return stay, importCmd(m.store, m.bank, m.a.ID, nil, nil, strings.Fields(v), false)
		}
		if _, err := model.CheckName(v); err != nil {
			m.fail(err.Error())
			return stay, nil
		}
		p.busy = true
		return stay, inviteCmd(m.store, m.bank, m.a, v)
	}
	p.pending, p.pendingFrom = nil, nil
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	return stay, cmd
}

func (p *peersModel) paste(_ *session, msg tea.PasteMsg) tea.Cmd {
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	return cmd
}

// inviteCmd checks the invitation in full, records it and writes it to
// cxo-invitation-ID.json in the working folder (replacing only an earlier
// copy of the same invitation).
func inviteCmd(s *store.Store, b *model.Bank, a *model.Assessment, name string) tea.Cmd {
	snapshot := a.Clone()
	return func() tea.Msg {
		now := time.Now()
		if _, err := model.NewInvitation(b, snapshot, model.NewToken(), name, now); err != nil {
			return invitedMsg{err: err}
		}
		rec, err := s.Invite(snapshot.ID, name, now)
		if err != nil {
			return invitedMsg{err: err}
		}
		inv, err := model.NewInvitation(b, snapshot, rec.ID, rec.Name, rec.Created)
		if err != nil {
			return invitedMsg{err: err}
		}
		path := "cxo-invitation-" + snapshot.ID + ".json"
		overwrite := false
		if data, err := store.ReadPeerFile(path, "invitation"); err == nil {
			old, err := model.DecodeInvitation(data)
			overwrite = err == nil && old.ID == inv.ID
		} else if _, statErr := os.Lstat(path); statErr == nil {
			return invitedMsg{err: fmt.Errorf("%s exists and is not this invitation; use cxo invite -o FILE", path)}
		}
		abs, aerr := filepath.Abs(path)
		if aerr != nil {
			abs = path
		}
		if err := store.WriteExport(path, model.EncodePeerFile(inv), overwrite); err != nil {
			if errors.Is(err, store.ErrExists) {
				err = fmt.Errorf("%s exists and is not this invitation; use cxo invite -o FILE", path)
			}
			return invitedMsg{err: err}
		}
		return invitedMsg{abs: abs}
	}
}

// importCmd imports response files (or, with replace, the corrections
// confirmed) and loads the result again.
func importCmd(s *store.Store, b *model.Bank, id string, rs []model.Response, from, paths []string, replace bool) tea.Cmd {
	return func() tea.Msg {
		var out importedMsg
		for _, path := range paths {
			r, err := store.ReadResponse(path)
			if err == nil {
				rs, from = append(rs, r), append(from, path)
				continue
			}
			out.lines = append(out.lines, path+" refused: "+err.Error())
		}
		if len(rs) > 0 {
			got, errs, err := s.ImportAll(b, rs, replace)
			if err != nil {
				return importedMsg{err: err}
			}
			for i, e := range errs {
				var rep *store.ReplaceError
				switch {
				case errors.As(e, &rep):
					out.pending, out.pendingFrom = append(out.pending, rs[i]), append(out.pendingFrom, from[i])
				case e != nil:
					out.lines = append(out.lines, from[i]+" refused: "+e.Error())
				default:
					out.imported++
					if got[i].Rescored > 0 && !slices.Contains(out.notes, model.RescoredWords(got[i].Rescored)) {
						out.notes = append(out.notes, model.RescoredWords(got[i].Rescored))
					}
					if got[i].Assessment != id {
						out.lines = append(out.lines, from[i]+" went to assessment "+got[i].Assessment+", whose invitation it answers")
					}
				}
			}
		}
		out.a, out.res, out.err = s.LoadWithResult(b, id)
		return out
	}
}

// invited ends the invitation: the path shown, back to the results.
func (p *peersModel) invited(m *session, msg invitedMsg) intent {
	p.busy = false
	if msg.err != nil {
		m.fail("no invitation written: " + msg.err.Error())
		return stay
	}
	m.ok("invitation written to " + msg.abs + ": send it to colleagues who see your work; each runs cxo rate on it and sends back the response file (press I to import)")
	return intent{ev: evInvited}
}

// imported says what the import did; with corrections waiting, it stays
// for a second enter.
func (p *peersModel) imported(m *session, msg importedMsg) intent {
	p.busy = false
	if msg.err != nil {
		m.fail("import failed: " + msg.err.Error())
		return stay
	}
	p.pending, p.pendingFrom = msg.pending, msg.pendingFrom
	lines := msg.lines
	if len(p.pending) > 0 {
		lines = append(lines, strings.Join(p.pendingFrom, ", ")+" "+plural(len(p.pending), "corrects a response", "correct responses")+" imported earlier: press enter again to replace, or esc to keep the earlier")
	}
	summary := fmt.Sprintf("%d %s imported", msg.imported, plural(msg.imported, "response", "responses"))
	if msg.res.Peers != nil && msg.res.Peers.Need > 0 {
		summary += "; " + model.NeedMore(msg.res.Peers.Need)
	}
	status := strings.Join(append(append([]string{summary}, msg.notes...), lines...), " · ")
	if len(lines) > 0 {
		m.fail(status)
	} else {
		m.ok(status)
	}
	if len(p.pending) > 0 || (msg.imported == 0 && len(lines) > 0) {
		return stay
	}
	return intent{ev: evImported}
}

func (p *peersModel) view(m *session, w, _ int) string {
	t := m.theme
	var b strings.Builder
	if p.importing {
		b.WriteString(t.Title.Render("Import colleagues' responses") + "\n\n")
		b.WriteString(wrap(t.Text.Render("Type the paths of the response files colleagues sent you, separated by spaces. Each joins the assessment whose invitation it answers; a file for another invitation, a malformed one or one already imported is refused and changes nothing. Nothing of theirs is shown until "+fmt.Sprint(model.MinRaters)+" have answered."), w) + "\n\n")
	} else {
		b.WriteString(t.Title.Render("Invite colleagues") + "\n\n")
		b.WriteString(wrap(t.Text.Render("cxo writes an invitation file to the working folder: the behaviours to rate, worded for a colleague, with the name you type here. It holds none of your answers or scores. Colleagues rate you with cxo rate and send back a response file."), w) + "\n\n")
	}
	b.WriteString(p.input.View() + "\n\n")
	b.WriteString(t.Subtle.Render("enter " + map[bool]string{true: "import", false: "write the invitation"}[p.importing] + " · esc back"))
	if p.busy {
		b.WriteString("\n" + t.Subtle.Render("working..."))
	}
	return b.String()
}
