// Package ui is cxo's full-screen interface: one Bubble Tea root model that
// routes to a sub-model per screen, and changes the screen on show only as
// the transition table in flow.go says. Update only changes state and
// returns commands; all disk work happens in commands. Line mode
// (accessible.go) shares the store, scoring and exports.
package ui

import (
	"errors"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"

	"github.com/cxo-dev/cxo/model"
	"github.com/cxo-dev/cxo/store"
)

// MinWidth and MinHeight are the smallest window the screens are laid out
// for; below it the user is asked to make the window larger.
const (
	MinWidth  = 60
	MinHeight = 20
)

// Action is what the program does first: show the home screen, start a
// new assessment or resume one.
type Action string

const (
	ActionHome   Action = ""
	ActionNew    Action = "new"
	ActionResume Action = "resume"
)

// Start says what the program does first.
type Start struct {
	Action Action
	Length model.Length
	Target model.Role
	// ResumeID is the assessment to resume ("" for the newest unfinished).
	ResumeID string
	// Theme forces "dark" or "light"; "" asks the terminal.
	Theme string
}

// App is the root model: it routes messages to the screen on show and,
// from their intents, changes the screen (flow.go).
type App struct {
	session
	version string
	start   Start

	themed bool // the theme was forced; ignore the terminal's answer
	help   help.Model
	full   bool // ? pressed: full help shown
	// helpMemo keeps the last help drawn (helpview.go).
	helpMemo helpMemo
	// quitting waits for the answer being written before quitting.
	quitting bool
	// loadBank parses the bank in a command (see NewLoading).
	loadBank func() (*model.Bank, error)
	// queue holds keys typed while busy (see busy), replayed in order.
	queue []tea.KeyPressMsg
	// openedBy records how each screen was last opened (flow.go).
	openedBy map[state]opening

	home     homeModel
	newScr   newModel
	question questionModel
	review   reviewModel
	results  resultsModel
	export   exportModel
	guides   guidesModel
	history  historyModel
	compare  compareModel
	damaged  damagedModel
	peers    peersModel

	lock lockWatch // waits for a file another cxo holds (lockwait.go)
}

// New builds the root model.
func New(s *store.Store, b *model.Bank, version string, start Start) *App {
	app := &App{session: session{store: s, bank: b, clock: realClock(), width: 80, height: 24}, version: version, start: start,
		help: help.New(), openedBy: map[state]opening{}}
	dark := true
	if start.Theme != "" {
		app.themed = true
		dark = start.Theme != "light"
	}
	app.setTheme(dark)
	app.home.refresh(&app.session)
	app.watchLock()
	if b != nil {
		app.guides = newGuidesModel(b)
	}
	return app
}

// NewLoading is New with the bank parsed in a command after the first
// frame, so parsing it never delays the home screen. Keys typed before it
// is ready wait in the queue.
func NewLoading(s *store.Store, load func() (*model.Bank, error), version string, start Start) *App {
	app := New(s, nil, version, start)
	app.loadBank = load
	return app
}

type bankLoadedMsg struct {
	bank *model.Bank
	err  error
}

func (m *App) setTheme(dark bool) {
	m.theme = NewTheme(dark)
	m.help.Styles = m.theme.Help
	m.question.layout(&m.session)
}

// Init asks for the background colour (the answer arrives as a message,
// start-up never waits for it) and reads the list of assessments once.
func (m *App) Init() tea.Cmd {
	cmds := []tea.Cmd{loadListCmd(m.store), checkCmd(m.store)}
	if !m.themed {
		cmds = append(cmds, tea.RequestBackgroundColor)
	}
	if m.bank == nil {
		load := m.loadBank
		return tea.Batch(append(cmds, m.await(func() tea.Msg {
			b, err := load()
			return bankLoadedMsg{bank: b, err: err}
		}))...)
	}
	return tea.Batch(append(cmds, m.startAction())...)
}

// startAction begins what the command line asked for: a new assessment or
// a resume.
func (m *App) startAction() tea.Cmd {
	var cmds []tea.Cmd
	switch m.start.Action {
	case ActionNew:
		cmds = append(cmds, m.await(createCmd(m.store, m.bank, m.clock, m.start.Length, m.start.Target)))
	case ActionResume:
		if m.start.ResumeID != "" {
			cmds = append(cmds, m.await(loadCmd(m.store, m.bank, m.start.ResumeID)))
		}
	}
	return tea.Batch(cmds...)
}

// bankLoaded makes the screens usable and replays the keys typed meanwhile.
func (m *App) bankLoaded(msg bankLoadedMsg) tea.Cmd {
	if msg.err != nil {
		m.fail("cannot load the question bank: " + msg.err.Error())
		return nil
	}
	m.bank = msg.bank
	m.guides = newGuidesModel(msg.bank)
	m.home.refresh(&m.session)
	m.waiting = false
	start := tea.Batch(m.startAction(), m.resumeNewest(), m.home.lastResultCmd(&m.session))
	if m.waiting {
		return start // the queue waits for the assessment instead
	}
	return m.arrived(start)
}

// Update routes a message to the screen that owns it.
func (m *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.help.SetWidth(msg.Width - 2)
		return m, m.resized()
	case tea.BackgroundColorMsg:
		if !m.themed {
			m.setTheme(msg.IsDark())
			return m, m.guides.restyle(&m.session)
		}
		return m, nil
	case tea.KeyPressMsg:
		return m, m.key(msg)
	case tea.PasteMsg:
		return m, m.paste(msg)
	case tea.MouseWheelMsg:
		return m, m.wheel(msg)
	case listLoadedMsg:
		return m, m.listLoaded(msg)
	}
	return m, m.route(msg)
}

// screen is what every sub-model offers the root: its keys, which return
// what should happen next, and its view.
type screen interface {
	key(s *session, msg tea.KeyPressMsg) (intent, tea.Cmd)
	view(s *session, w, h int) string
	// keyHelp is the screen's keymap as on show: the help line and ?.
	keyHelp(s *session) help.KeyMap
}

// paster is a screen with a field that takes pasted text (bracketed
// paste): the evidence note, the export file name, the reader's search.
// Elsewhere a paste is not a run of key presses and answers nothing.
type paster interface {
	paste(s *session, msg tea.PasteMsg) tea.Cmd
}

// paste hands pasted text to the screen on show, if it takes any.
func (m *App) paste(msg tea.PasteMsg) tea.Cmd {
	if m.width > 0 && (m.width < MinWidth || m.height < MinHeight) {
		return nil // the screen is hidden
	}
	if p, ok := m.current().(paster); ok {
		return p.paste(&m.session, msg)
	}
	return nil
}

// current is the sub-model that owns the state on show.
func (m *App) current() screen {
	switch m.state {
	case stateNew:
		return &m.newScr
	case stateIntro, stateQuestion:
		return &m.question
	case stateReview:
		return &m.review
	case stateResults:
		return &m.results
	case stateExport:
		return &m.export
	case stateGuides, stateReader:
		return &m.guides
	case stateHistory:
		return &m.history
	case stateCompare:
		return &m.compare
	case stateDamaged:
		return &m.damaged
	case statePeers:
		return &m.peers
	}
	return &m.home
}

func (m *App) routeKey(msg tea.KeyPressMsg) tea.Cmd {
	m.status = ""
	return m.then(m.current().key(&m.session, msg))
}

// then runs a screen's command and carries out its intent.
func (m *App) then(in intent, cmd tea.Cmd) tea.Cmd {
	return tea.Batch(cmd, m.apply(in))
}

func (m *App) wheel(msg tea.MouseWheelMsg) tea.Cmd {
	switch m.state {
	case stateReader:
		return m.guides.wheel(msg)
	case stateResults:
		return m.results.wheel(msg)
	case stateCompare:
		return m.compare.wheel(msg)
	case stateHome, stateReview, stateHistory, stateGuides:
		// In lists the wheel moves the selection, like the arrow keys.
		code := tea.KeyDown
		if msg.Button == tea.MouseWheelUp {
			code = tea.KeyUp
		}
		return m.routeKey(tea.KeyPressMsg{Code: code})
	}
	return nil
}

// route passes command results to the screens.
func (m *App) route(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case rescoredMsg:
		m.history.rescored = msg.byID
		return nil
	case bankLoadedMsg:
		return m.bankLoaded(msg)
	case createdMsg, loadedMsg, resultLoadedMsg:
		if m.waiting {
			return m.arrived(m.opened(msg))
		}
		return m.opened(msg)
	case savedMsg:
		if m.quitting && msg.seq == m.question.seq {
			m.quitting = false
			if msg.err == nil {
				return tea.Quit
			}
		}
		if msg.err != nil && msg.seq == m.question.seq {
			m.queue = nil // keys typed after a failed save are not guessed at
		}
		cmd := m.apply(m.question.saved(&m.session, msg))
		return tea.Batch(cmd, m.replay())
	case finishedMsg:
		if msg.err != nil {
			m.review.finishFailed(&m.session, msg.err)
			return nil
		}
		m.a, m.res, m.changed = msg.a, msg.res, ""
		return tea.Batch(m.apply(intent{ev: evResults}), loadListCmd(m.store))
	case lastResultMsg:
		m.home.lastLoaded(msg)
	case exportDirsMsg:
		m.export.dirs(msg)
	case exportedMsg:
		return m.apply(m.export.done(&m.session, msg))
	case invitedMsg:
		return m.apply(m.peers.invited(&m.session, msg))
	case importedMsg:
		if msg.err == nil {
			m.a, m.res = msg.a, msg.res
		}
		return m.apply(m.peers.imported(&m.session, msg))
	case deletedMsg:
		if scrub := (*store.ScrubError)(nil); errors.As(msg.err, &scrub) { // deleted; the rewrite is pending
			m.fail(msg.id + " " + scrub.Error())
			return loadListCmd(m.store)
		}
		if msg.err != nil {
			m.fail("could not delete: " + msg.err.Error())
			return nil
		}
		m.ok("deleted " + msg.id)
		return loadListCmd(m.store)
	case renderedMsg:
		m.guides.rendered(&m.session, msg)
	case compareLoadedMsg:
		return m.apply(m.compare.loaded(&m.session, msg))
	case checkedMsg:
		return m.checked(msg)
	case compareAgainMsg:
		cmd := m.listLoaded(msg.listLoadedMsg)
		return tea.Batch(cmd, m.then(m.results.compareAgain(&m.session)))
	case lockWaitMsg:
		return m.lockWaiting()
	case StopMsg:
		return m.stop()
	case lastChoiceMsg:
		m.newScr.remembered(msg)
	case movedMsg:
		return m.moved(msg)
	}
	return nil
}

// opened shows an assessment that was created or loaded, or its result.
func (m *App) opened(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case createdMsg:
		if msg.err != nil {
			m.fail("could not start the assessment: " + msg.err.Error())
			m.newScr.busy = false
			return nil
		}
		m.a = msg.a
		return m.apply(intent{ev: evOpened, index: msg.a.Cursor})
	case loadedMsg:
		if msg.err != nil {
			m.fail("could not open the assessment: " + msg.err.Error())
			return nil
		}
		m.a = msg.a
		if msg.res != nil {
			m.res = *msg.res // the kept result, not today's scoring of it
		}
		resumed := m.state == stateHome && m.start.ResumeID == msg.a.ID // cxo resume ID
		cmd := m.apply(intent{ev: evOpened, index: msg.a.Cursor})
		if resumed && msg.a.Status == model.StatusFinished {
			m.ok(finishedShown)
		}
		if msg.revised != "" {
			m.ok("began with question bank " + msg.revised + ", goes on with " + msg.a.BankVersion + "; answers to items it no longer asks are kept, not scored")
		}
		if msg.skipped != "" {
			m.fail(msg.skipped) // said over the bank note: it is about the user's answers
		}
		return cmd
	case resultLoadedMsg:
		if msg.err != nil {
			m.fail("could not open the result: " + msg.err.Error())
			return nil
		}
		m.a, m.res = msg.a, msg.res
		return m.apply(intent{ev: evOpened, index: msg.a.Cursor})
	}
	return nil
}

func (m *App) listLoaded(msg listLoadedMsg) tea.Cmd {
	if msg.err != nil {
		if m.state == stateHome {
			// A damaged file: the check that runs beside this read
			// explains it and offers the way out.
			m.fail(msg.err.Error())
		}
		return nil
	}
	m.list = msg.list
	m.listReady = true
	m.home.refresh(&m.session)
	return tea.Batch(m.resumeNewest(), m.home.lastResultCmd(&m.session))
}

// resumeNewest carries out "cxo resume" without an id once both the list
// and the bank are in.
func (m *App) resumeNewest() tea.Cmd {
	if m.start.Action != ActionResume || m.start.ResumeID != "" || !m.listReady || m.bank == nil {
		return nil
	}
	m.start.Action = ActionHome
	if id := m.newestOpen(); id != "" {
		return m.await(loadCmd(m.store, m.bank, id))
	}
	m.fail(nothingToResume(m.list, m.store.Path, "press n"))
	return nil
}

func (m *App) resized() tea.Cmd {
	s := &m.session
	m.question.layout(s)
	m.results.layout(s)
	if m.state == stateCompare {
		m.compare.layout(s)
	}
	return m.guides.resize(s)
}
