package ui

import (
	"errors"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/cxo-dev/cxo/model"
	"github.com/cxo-dev/cxo/store"
)

// Every read and write of the store happens in one of these commands, so
// Update never waits on the disk.

type listLoadedMsg struct {
	list []store.Summary
	err  error
}

type createdMsg struct {
	a   *model.Assessment
	err error
}

type loadedMsg struct {
	a       *model.Assessment
	revised string // the bank version it began with, when another revision goes on
	skipped string // what of it could not be read, said on opening
	// res is a finished one's kept result (as history shows it, scored
	// with the method of its day), nil for one still open.
	res *model.Result
	err error
}

// savedMsg reports a committed answer (or why it was not committed).
type savedMsg struct {
	seq int
	err error
}

type finishedMsg struct {
	a   *model.Assessment
	res model.Result
	err error
}

type resultLoadedMsg struct {
	a   *model.Assessment
	res model.Result
	err error
}

type exportedMsg struct {
	path string
	abs  string // path made absolute, for the message
	err  error
}

type deletedMsg struct {
	id  string
	err error
}

func loadListCmd(s *store.Store) tea.Cmd {
	return func() tea.Msg {
		list, _, err := s.List()
		return listLoadedMsg{list: list, err: err}
	}
}

// createAssessment starts and stores a new assessment. Its id is the
// start time and a random suffix; should another one started the same
// second have drawn the same suffix, it draws again.
func createAssessment(s *store.Store, b *model.Bank, length model.Length, target model.Role) (*model.Assessment, error) {
	return createAt(s, b, realClock(), length, target)
}

func createAt(s *store.Store, b *model.Bank, c clock, length model.Length, target model.Role) (*model.Assessment, error) {
	for try := 0; ; try++ {
		now := c.now()
		a := model.NewAssessment(b, c.newID(now), now.UTC(), length, target)
		err := s.Create(a)
		if err == nil || !errors.Is(err, store.ErrIDTaken) || try == 9 {
			return a, err
		}
	}
}

func createCmd(s *store.Store, b *model.Bank, c clock, length model.Length, target model.Role) tea.Cmd {
	return func() tea.Msg {
		a, err := createAt(s, b, c, length, target)
		if err != nil {
			return createdMsg{err: err}
		}
		// Remembered for the next New screen; losing it costs nothing.
		_ = s.SaveSetting("new.length", string(length))
		_ = s.SaveSetting("new.target", string(target))
		return createdMsg{a: a}
	}
}

// lastChoiceMsg carries the length and target chosen last time.
type lastChoiceMsg struct {
	length model.Length
	target model.Role
}

func lastChoiceCmd(s *store.Store) tea.Cmd {
	return func() tea.Msg {
		length, _ := s.Setting("new.length")
		target, _ := s.Setting("new.target")
		return lastChoiceMsg{length: model.Length(length), target: model.Role(target)}
	}
}

// openToGoOn loads an assessment to go on with under bank b, for the TUI
// and line mode alike: one of another bank family is refused (its texts
// and scores would be passed off as the answers' own); an unfinished one
// is fitted to this revision of the bank and its new order saved. began is
// the bank version it began with; skipped says what could not be read
// (a damaged resume position, an old answer that does not decode), "" when
// all was read.
func openToGoOn(s *store.Store, b *model.Bank, id string) (a *model.Assessment, began, skipped string, err error) {
	var unread []error
	a, unread, err = s.Load(id)
	if err == nil {
		err = a.CheckBank(b)
	}
	if err != nil {
		return nil, "", "", err
	}
	began = a.BankVersion
	if a.Status != model.StatusFinished && a.Reconcile(b) {
		if err := s.SaveOrder(a); err != nil {
			return nil, "", "", err
		}
	}
	return a, began, unreadWords(unread), nil
}

// unreadWords says what of an assessment could not be read, so going on
// never hides it: an item left open by it would be answered over.
func unreadWords(unread []error) string {
	if len(unread) == 0 {
		return ""
	}
	what := make([]string, 0, len(unread))
	resume := false
	for _, err := range unread {
		var r *store.RecordError
		switch {
		case errors.As(err, &r) && r.Item() != "":
			what = append(what, "the answer to item "+r.Item())
		case errors.As(err, &r) && strings.HasSuffix(r.Key, "/cursor"):
			what = append(what, "where to resume")
			resume = true
		default:
			what = append(what, err.Error())
		}
	}
	if len(what) > 3 {
		what = append(what[:2], itoa(len(what)-2)+" more values")
	}
	words := "could not read " + strings.Join(what, ", ") + " (damaged: cxo check names it)"
	if resume {
		words += "; going on at the first open item"
	}
	return words
}

// loadCmd loads an assessment and fits it to the bank in use.
func loadCmd(s *store.Store, b *model.Bank, id string) tea.Cmd {
	return func() tea.Msg {
		a, began, skipped, err := openToGoOn(s, b, id)
		if err != nil {
			return loadedMsg{err: err}
		}
		msg := loadedMsg{a: a, skipped: skipped}
		if a.BankVersion != began {
			msg.revised = began
		}
		if a.Status == model.StatusFinished {
			res, err := s.KeptResult(b, a) // read beside it, not loaded again
			if err != nil {
				return loadedMsg{err: err}
			}
			msg.res = &res
		}
		return msg
	}
}

func saveAnswerCmd(s *store.Store, seq int, id, item string, ans model.Answer, cursor int) tea.Cmd {
	return func() tea.Msg {
		return savedMsg{seq: seq, err: s.SaveAnswer(id, item, ans, cursor)}
	}
}

func saveCursorCmd(s *store.Store, seq int, id string, cursor int) tea.Cmd {
	return func() tea.Msg {
		return savedMsg{seq: seq, err: s.SaveCursor(id, cursor)}
	}
}

func finishCmd(s *store.Store, b *model.Bank, a *model.Assessment) tea.Cmd {
	snapshot := a.Clone()
	return func() tea.Msg {
		res, err := s.Finish(b, snapshot) // scores the stored answers
		if err != nil {
			return finishedMsg{err: err}
		}
		return finishedMsg{a: snapshot, res: res}
	}
}

// openResultCmd loads a finished assessment with its stored snapshot.
func openResultCmd(s *store.Store, b *model.Bank, id string) tea.Cmd {
	return func() tea.Msg {
		a, res, err := s.LoadWithResult(b, id)
		return resultLoadedMsg{a: a, res: res, err: err}
	}
}

func deleteCmd(s *store.Store, id string) tea.Cmd {
	return func() tea.Msg {
		return deletedMsg{id: id, err: s.Delete(id)}
	}
}
