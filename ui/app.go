// Package ui is cxo's full-screen interface: one Bubble Tea root model that
// routes to a sub-model per screen. Update only changes state and returns
// commands; all disk work and Markdown rendering happen in commands.
package ui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/cxo-dev/cxo/model"
	"github.com/cxo-dev/cxo/store"
)

// MinWidth and MinHeight are the smallest window the screens are laid out
// for; below it the user is asked to make the window larger.
const (
	MinWidth  = 60
	MinHeight = 20
)

type state int

const (
	stateHome state = iota
	stateNew
	stateIntro
	stateQuestion
	stateReview
	stateResults
	stateExport
	stateGuides
	stateReader
	stateHistory
	stateCompare
	stateDamaged
)

var stateNames = map[state]string{
	stateHome: "home", stateNew: "new assessment", stateIntro: "section", stateQuestion: "question",
	stateReview: "review", stateResults: "results", stateExport: "export", stateGuides: "guides",
	stateReader: "guide", stateHistory: "history", stateCompare: "compare", stateDamaged: "database problem",
}

// Start says what the program does first.
type Start struct {
	// Action is "", "new" or "resume".
	Action string
	Length model.Length
	Target model.Role
	// ResumeID is the assessment to resume ("" for the newest unfinished).
	ResumeID string
	// Theme forces "dark" or "light"; "" asks the terminal.
	Theme string
}

// App is the root model.
type App struct {
	store   *store.Store
	bank    *model.Bank
	version string
	start   Start

	state  state
	width  int
	height int
	theme  Theme
	themed bool // the theme was forced; ignore the terminal's answer
	keys   keyMap
	help   help.Model
	full   bool // ? pressed: full help shown
	// quitting waits for the answer being written before quitting.
	quitting  bool
	listReady bool
	// loadBank parses the bank in a command (see NewLoading).
	loadBank func() (*model.Bank, error)
	// waiting is set while an assessment is being created or opened.
	waiting bool
	// queue holds keys typed while busy (see busy), replayed in order.
	queue []tea.KeyPressMsg

	status   string // one-line message under the screen
	statusOK bool

	list []store.Summary // assessments, newest first

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

	lock lockWatch // waits for a file another cxo holds (lockwait.go)

	// the assessment being answered or shown
	a   *model.Assessment
	res model.Result
	// back is where esc from the guides returns to.
	back state
}

// New builds the root model.
func New(s *store.Store, b *model.Bank, version string, start Start) *App {
	app := &App{store: s, bank: b, version: version, start: start, keys: newKeyMap(), help: help.New(),
		width: 80, height: 24}
	dark := true
	if start.Theme != "" {
		app.themed = true
		dark = start.Theme != "light"
	}
	app.setTheme(dark)
	app.home.refresh(app)
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
	m.question.layout(m)
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
	case "new":
		m.state = stateHome
		cmds = append(cmds, m.await(createCmd(m.store, m.bank, m.start.Length, m.start.Target)))
	case "resume":
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
	m.home.refresh(m)
	m.waiting = false
	start := tea.Batch(m.startAction(), m.resumeNewest())
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
			return m, m.guides.restyle(m)
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

// key handles the keys every screen shares, then the screen's own.
func (m *App) key(msg tea.KeyPressMsg) tea.Cmd {
	if m.askBeforeDroppingNote(msg) {
		return nil
	}
	if key.Matches(msg, m.keys.ForceQuit) {
		return m.quit()
	}
	if key.Matches(msg, m.keys.Suspend) {
		return tea.Suspend
	}
	// Below the minimum size the screen is hidden behind "make the window
	// larger": a key must not answer a question nobody can see. Only
	// quitting works (ctrl+c above, q here).
	if m.width > 0 && (m.width < MinWidth || m.height < MinHeight) {
		if key.Matches(msg, m.keys.Quit) && !m.textInput() && !m.busy() {
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
	if key.Matches(msg, m.keys.Help) {
		m.full = !m.full
		return nil
	}
	if m.full && key.Matches(msg, m.keys.Back) {
		m.full = false
		return nil
	}
	if key.Matches(msg, m.keys.Quit) {
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

// screen is what every sub-model offers the root: its keys and its view.
type screen interface {
	key(m *App, msg tea.KeyPressMsg) tea.Cmd
	view(m *App, w, h int) string
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
	}
	return &m.home
}

func (m *App) routeKey(msg tea.KeyPressMsg) tea.Cmd {
	m.status = ""
	return m.current().key(m, msg)
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
		k := m.keys.Down.Keys()[0]
		if msg.Button == tea.MouseWheelUp {
			k = m.keys.Up.Keys()[0]
		}
		code := map[string]rune{"up": tea.KeyUp, "down": tea.KeyDown}[k]
		return m.routeKey(tea.KeyPressMsg{Code: code})
	}
	return nil
}

// await marks an assessment as being created or opened (see waiting).
func (m *App) await(cmd tea.Cmd) tea.Cmd {
	m.waiting = true
	return cmd
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
// again; the rest wait for the next replay.
func (m *App) replay() tea.Cmd {
	var cmds []tea.Cmd
	for len(m.queue) > 0 && !m.busy() {
		k := m.queue[0]
		m.queue = m.queue[1:]
		cmds = append(cmds, m.key(k))
	}
	return tea.Batch(cmds...)
}

// route passes command results to the screens.
func (m *App) route(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
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
		return m.question.saved(m, msg)
	case finishedMsg:
		if msg.err != nil {
			m.fail("could not save the result: " + msg.err.Error() + " - press f on the review to try again")
			m.state = stateReview
			m.review.finishing = false
			return nil
		}
		m.a, m.res = msg.a, msg.res
		return tea.Batch(m.showResults(), loadListCmd(m.store))
	case exportedMsg:
		return m.export.done(m, msg)
	case deletedMsg:
		if msg.err != nil {
			m.fail("could not delete: " + msg.err.Error())
			return nil
		}
		m.ok("deleted " + msg.id)
		return loadListCmd(m.store)
	case renderedMsg:
		return m.guides.rendered(m, msg)
	case compareLoadedMsg:
		return m.compare.loaded(m, msg)
	case checkedMsg:
		return m.checked(msg)
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
		return m.begin(msg.a)
	case loadedMsg:
		if msg.err != nil {
			m.fail("could not open the assessment: " + msg.err.Error())
			return nil
		}
		if msg.a.Status == model.StatusFinished {
			m.a, m.res = msg.a, model.Compute(m.bank, msg.a)
			return m.showResults()
		}
		cmd := m.begin(msg.a)
		if msg.revised != "" {
			m.ok("began with question bank " + msg.revised + ", goes on with " + msg.a.BankVersion + "; answers to items it no longer asks are kept, not scored")
		}
		return cmd
	case resultLoadedMsg:
		if msg.err != nil {
			m.fail("could not open the result: " + msg.err.Error())
			return nil
		}
		m.a, m.res = msg.a, msg.res
		return m.showResults()
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
	m.home.refresh(m)
	return m.resumeNewest()
}

// resumeNewest carries out "cxo resume" without an id once both the list
// and the bank are in.
func (m *App) resumeNewest() tea.Cmd {
	if m.start.Action != "resume" || m.start.ResumeID != "" || !m.listReady || m.bank == nil {
		return nil
	}
	m.start.Action = ""
	if id := m.newestOpen(); id != "" {
		return m.await(loadCmd(m.store, m.bank, id))
	}
	m.fail(nothingToResume(m.list, m.store.Path, "press n"))
	return nil
}

// newestOpen is the newest unfinished assessment, if any.
func (m *App) newestOpen() string {
	for _, s := range m.list {
		if s.Status != model.StatusFinished {
			return s.ID
		}
	}
	return ""
}

// begin shows an assessment at its saved item.
func (m *App) begin(a *model.Assessment) tea.Cmd {
	m.a = a
	m.question.open(m, a.Cursor, true)
	return nil
}

func (m *App) showResults() tea.Cmd {
	// esc goes back to the history the result was opened from; from
	// anywhere else (finishing, a new start) it goes home.
	m.results.back = stateHome
	if m.state == stateHistory {
		m.results.back = stateHistory
	}
	m.state = stateResults
	m.results.open(m)
	return nil
}

func (m *App) resized() tea.Cmd {
	m.question.layout(m)
	m.results.layout(m)
	if m.state == stateCompare {
		m.compare.layout(m)
	}
	return m.guides.resize(m)
}

func (m *App) fail(s string) { m.status, m.statusOK = s, false }
func (m *App) ok(s string)   { m.status, m.statusOK = s, true }

// View draws the current screen with its help line, or a request for a
// larger window when it does not fit.
func (m *App) View() tea.View {
	v := tea.NewView(model.CleanStyled(m.render())) // nothing but colour reaches the terminal
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "cxo - " + stateNames[m.state]
	return v
}

func (m *App) render() string {
	if m.width < MinWidth || m.height < MinHeight {
		return m.tooSmall()
	}
	w := m.width - 2 // one column of margin each side
	helpView := m.helpView()
	status := ""
	if m.status != "" {
		style := m.theme.Error
		if m.statusOK {
			style = m.theme.Good
		}
		status = style.Render(wrap(m.status, w))
	}
	bodyHeight := m.height - strings.Count(helpView, "\n") - 1
	if status != "" {
		bodyHeight -= strings.Count(status, "\n") + 1
	}
	bodyHeight = max(bodyHeight, 1)
	// Lines are assembled by hand: a lipgloss render of the whole frame
	// would re-measure every cell on every keystroke.
	lines := make([]string, 0, m.height)
	lines = append(lines, strings.Split(fit(m.screen(w, bodyHeight), w, bodyHeight), "\n")...)
	if status != "" {
		lines = append(lines, strings.Split(status, "\n")...)
	}
	lines = append(lines, strings.Split(helpView, "\n")...)
	for i, l := range lines {
		lines[i] = " " + l
	}
	return fit(strings.Join(lines, "\n"), m.width, m.height)
}

func (m *App) tooSmall() string {
	msg := "Make the window larger"
	detail := "cxo needs at least 60×20; this one is " + itoa(m.width) + "×" + itoa(m.height) + ". ctrl+c quits; answers are saved."
	w := max(m.width, 1)
	// Wrapped to the window (or 48 columns), then centred as a block; on a
	// window too small even for that, the shorter forms, so what shows is
	// whole.
	block := lipgloss.NewStyle().Width(min(w, 48)).Align(lipgloss.Center)
	var text string
	for _, d := range []string{detail, "needs 60×20 · ctrl+c quits", ""} {
		text = block.Render(m.theme.Strong.Render(msg) + "\n" + m.theme.Text.Render(d))
		if d == "" {
			text = block.Render(m.theme.Strong.Render(msg))
		}
		if lipgloss.Height(text) <= max(m.height, 1) {
			break
		}
	}
	return fit(lipgloss.Place(w, max(m.height, 1), lipgloss.Center, lipgloss.Center, text), m.width, m.height)
}

func (m *App) screen(w, h int) string { return m.current().view(m, w, h) }

func (m *App) helpView() string {
	k := m.screenKeys()
	if m.full {
		return m.fullHelpView(k.FullHelp())
	}
	return m.shortHelpView(k.ShortHelp())
}

// fullHelpView renders the full help. When its columns are too wide for
// the window, the keys are packed into fewer, longer columns instead of
// being cut off (bubbles/help would drop whole columns, quit among them).
func (m *App) fullHelpView(groups [][]key.Binding) string {
	if m.help.Width() <= 0 {
		return m.help.FullHelpView(groups)
	}
	unlimited := m.help
	unlimited.SetWidth(0)
	var all []key.Binding
	for _, g := range groups {
		all = append(all, g...)
	}
	for cols := len(groups); cols >= 1; cols-- {
		packed := groups
		if cols < len(groups) {
			per := (len(all) + cols - 1) / cols
			packed = nil
			for i := 0; i < len(all); i += per {
				packed = append(packed, all[i:min(i+per, len(all))])
			}
		}
		if view := unlimited.FullHelpView(packed); lipgloss.Width(view) <= m.help.Width() {
			return view
		}
	}
	return m.help.FullHelpView(groups)
}

// shortHelpView renders the help line. When it is too wide for the window
// and ends with the "?" key, keys before "?" are dropped until it fits, so
// the way to every other key stays on screen (bubbles/help would cut the
// line's end, "?" first).
func (m *App) shortHelpView(keys []key.Binding) string {
	line := m.help.ShortHelpView(keys)
	n := len(keys)
	if n < 2 || !slices.Contains(keys[n-1].Keys(), "?") || m.help.Width() <= 0 {
		return line
	}
	unlimited := m.help
	unlimited.SetWidth(0)
	for keep := n - 1; keep > 0; keep-- {
		line := unlimited.ShortHelpView(append(keys[:keep:keep], keys[n-1]))
		if lipgloss.Width(line) <= m.help.Width() {
			return line
		}
	}
	return line
}

// fit clips or pads s to exactly w×h cells so a frame never overflows the
// window, whatever a screen drew.
func fit(s string, w, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		if lipgloss.Width(l) > w {
			lines[i] = truncate(l, w)
		}
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}
