package ui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/cxo-dev/cxo/model"
	"github.com/cxo-dev/cxo/store"
)

// session is what the screens share and may read: the store and bank, the
// window, the theme, the assessment on show and the status line. Screens
// get a *session, never the root model: they change their own fields and
// return an intent; only the root (flow.go) changes which screen shows.
type session struct {
	store *store.Store
	bank  *model.Bank
	theme Theme
	clock clock

	// state is the screen on show. Screens may read it; only flow.go
	// writes it.
	state  state
	width  int
	height int

	// the assessment being answered or shown, and its result
	a   *model.Assessment
	res model.Result

	list      []store.Summary // assessments, newest first
	listReady bool

	// waiting is set while an assessment is being created or opened: keys
	// typed meanwhile wait in the root's queue.
	waiting bool

	// changed is the id of a finished assessment a changed answer reopened
	// in this run: leaving the review then asks to finish it again or to
	// keep it open, so its state never changes unasked.
	changed string

	// sight tells whether the item put up last has reached the terminal
	// (frames.go); ignored counts the answer keys dropped since.
	sight   sight
	ignored int

	// damagedIDs are the assessments the start-up check found holding a
	// damaged value: lists mark them once the user goes on.
	damagedIDs map[string]bool

	status   string // one-line message under the screen
	statusOK bool
}

func (s *session) fail(msg string) { s.status, s.statusOK = msg, false }
func (s *session) ok(msg string)   { s.status, s.statusOK = msg, true }

// await marks an assessment as being created or opened (see waiting).
func (s *session) await(cmd tea.Cmd) tea.Cmd {
	s.waiting = true
	return cmd
}

// newestOpen is the newest unfinished assessment, if any.
func (s *session) newestOpen() string {
	open, _ := store.Newest(s.list, false)
	return open.ID
}
