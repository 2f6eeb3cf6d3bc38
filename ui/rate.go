package ui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/cxo-dev/cxo/model"
	"github.com/cxo-dev/cxo/store"
)

// Rater is cxo rate's full-screen program: a colleague rates the
// behaviours of an invitation, each answer saved as it is given (running
// cxo rate on the same invitation again resumes), and at the end the
// response file is written. It is a program of its own, not a screen of
// App: a rater needs none of the assessment's screens.
type Rater struct {
	store *store.Store
	inv   model.Invitation
	write func(model.Response) (string, error)
	theme Theme
	help  help.Model

	r      store.Rating
	loaded bool
	again  bool // a finished rating: asking whether to answer again
	// revise: answering again, walking every step from the first with
	// the earlier answers kept as the current choices; the response is
	// written when the walk passes the last item.
	revise bool
	index  int  // the item on show; -1 the relationship question
	busy   bool // a save or the write is under way: keys wait
	wrote  string
	err    error
	width  int
	height int

	// sight tells whether the question put up last has reached the
	// terminal (frames.go); ignored counts the answer keys dropped since
	// the last key that counted: typed during a save or before the
	// question was drawn.
	sight   sight
	ignored int
}

// SetTerminal lets the rater tell whether a question has been drawn.
func (m *Rater) SetTerminal(t *Terminal) { m.sight.w = t }

// NewRater makes the rate program; write writes the response file and
// says where.
func NewRater(s *store.Store, inv model.Invitation, write func(model.Response) (string, error), dark bool) *Rater {
	return &Rater{store: s, inv: inv, write: write, theme: NewTheme(dark), help: help.New(), width: 80, height: 24}
}

// Err is what stopped the rating, said again once the screen is gone.
func (m *Rater) Err() error { return m.err }

// Wrote is the response file written, "" when none was.
func (m *Rater) Wrote() string { return m.wrote }

type ratingLoadedMsg struct {
	r   store.Rating
	err error
}

type ratingSavedMsg struct{ err error }

type responseWrittenMsg struct {
	path string
	err  error
}

func (m *Rater) Init() tea.Cmd {
	s, id := m.store, m.inv.ID
	return func() tea.Msg {
		r, err := s.Rating(id)
		return ratingLoadedMsg{r, err}
	}
}

// save stores a copy of the rating.
func (m *Rater) save() tea.Cmd {
	m.busy = true
	s, id, r := m.store, m.inv.ID, m.r
	r.Answers = make(map[string]int, len(m.r.Answers))
	for k, v := range m.r.Answers {
		r.Answers[k] = v
	}
	return func() tea.Msg { return ratingSavedMsg{s.SaveRating(id, r)} }
}

// next is the first item without an answer, len(items) when none.
func (m *Rater) next() int {
	if m.r.Relationship == "" {
		return -1
	}
	for i, it := range m.inv.Items {
		if _, ok := m.r.Answers[it.ID]; !ok {
			return i
		}
	}
	return len(m.inv.Items)
}

// finish marks the rating done and writes the response.
func (m *Rater) finish() tea.Cmd {
	if m.r.Done.IsZero() {
		m.r.Done = time.Now().UTC().Truncate(time.Second)
	}
	m.busy = true
	resp, write, s, id, r := m.r.Response(m.inv, m.r.Done), m.write, m.store, m.inv.ID, m.r
	return func() tea.Msg {
		if err := s.SaveRating(id, r); err != nil {
			return responseWrittenMsg{err: err}
		}
		if _, err := model.DecodeResponse(model.EncodePeerFile(resp)); err != nil {
			return responseWrittenMsg{err: fmt.Errorf("no response written: %w", err)}
		}
		path, err := write(resp)
		return responseWrittenMsg{path, err}
	}
}

func (m *Rater) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	before := m.step()
	next, cmd := m.update(msg)
	if m.step() != before {
		m.sight.shown() // a new question is up: keys wait until it is drawn
	}
	return next, cmd
}

// step is what the rater asks on show.
func (m *Rater) step() [3]int {
	return [3]int{m.index, boolInt(m.loaded) + 2*boolInt(m.again), len(m.wrote)}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (m *Rater) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
	case ratingLoadedMsg:
		if msg.err != nil {
			m.err = msg.err
			return m, tea.Quit
		}
		m.r, m.loaded = msg.r, true
		m.again = !m.r.Done.IsZero() && m.next() == len(m.inv.Items)
		m.index = m.next()
		if !m.again && m.index == len(m.inv.Items) {
			// Every answer was saved but the response never written
			// (stopped in between): write it now.
			return m, m.finish()
		}
	case ratingSavedMsg:
		m.busy = false
		if msg.err != nil {
			m.err = msg.err
			return m, tea.Quit
		}
		return m, m.advance()
	case responseWrittenMsg:
		m.busy = false
		if msg.err != nil {
			m.err = msg.err
			return m, tea.Quit
		}
		m.wrote = msg.path
	case tea.KeyPressMsg:
		return m, m.key(msg)
	}
	return m, nil
}

func (m *Rater) key(msg tea.KeyPressMsg) tea.Cmd {
	k := rateKeys
	if key.Matches(msg, k.Quit) {
		return tea.Quit
	}
	if !m.loaded || m.wrote != "" {
		return nil
	}
	if m.busy || !m.sight.seen() {
		// Typed while the last answer was being saved, or before the
		// question now up reached the screen: it answers nothing.
		if m.answerKey(msg) {
			m.ignored++
		}
		return nil
	}
	m.ignored = 0 // said until the next key that counts
	if m.again {
		switch {
		case key.Matches(msg, k.Yes):
			// Every earlier answer stays, shown as the current choice,
			// until the colleague changes it.
			m.again, m.revise, m.index = false, true, 0
			return nil
		case key.Matches(msg, k.No):
			m.again = false
			return m.finish() // the same response again
		}
		return nil
	}
	n := digit(msg.String())
	switch {
	case key.Matches(msg, k.Prev):
		if m.index > 0 {
			m.index--
		} else if m.index == 0 {
			m.index = -1
		}
	case key.Matches(msg, k.Keep) && m.answered():
		return m.advance() // the current answer stands: nothing to save
	case m.index == -1 && n >= 1 && n <= len(model.Relationships):
		m.changed(m.r.Relationship != model.Relationships[n-1])
		m.r.Relationship = model.Relationships[n-1]
		return m.save()
	case m.index >= 0 && m.index < len(m.inv.Items) && key.Matches(msg, k.Answer):
		m.setAnswer(n)
		return m.save()
	case m.index >= 0 && m.index < len(m.inv.Items) && key.Matches(msg, k.NoOpportunity):
		m.setAnswer(0)
		return m.save()
	}
	return nil
}

// setAnswer gives the item on show answer v.
func (m *Rater) setAnswer(v int) {
	id := m.inv.Items[m.index].ID
	old, had := m.r.Answers[id]
	m.changed(!had || old != v)
	m.r.Answers[id] = v
}

// changed notes a changed answer: the rating is no longer the response
// written on its date, so it is dated anew when written (a run stopped
// before that writes it next time).
func (m *Rater) changed(yes bool) {
	if yes {
		m.r.Done = time.Time{}
	}
}

// answered reports whether the step on show has an answer already.
func (m *Rater) answered() bool {
	if m.index == -1 {
		return m.r.Relationship != ""
	}
	if m.index < 0 || m.index >= len(m.inv.Items) {
		return false
	}
	_, ok := m.r.Answers[m.inv.Items[m.index].ID]
	return ok
}

// advance moves on from the step on show once it is answered: to the
// next step when answering again, else to the first open item; past the
// last item it writes the response.
func (m *Rater) advance() tea.Cmd {
	if m.revise {
		m.index++
	} else {
		m.index = m.next()
	}
	if m.index < len(m.inv.Items) {
		return nil
	}
	m.index = len(m.inv.Items)
	if m.revise {
		m.revise = false
		m.r.Done = time.Time{} // the corrected response is dated now
	}
	return m.finish()
}

// answerKey reports whether k would answer the question on show.
func (m *Rater) answerKey(k tea.KeyPressMsg) bool {
	if m.again {
		return key.Matches(k, rateKeys.Yes) || key.Matches(k, rateKeys.No)
	}
	return key.Matches(k, rateKeys.Answer) || key.Matches(k, rateKeys.NoOpportunity) || key.Matches(k, rateKeys.Keep)
}

func (m *Rater) View() tea.View {
	v := tea.NewView(model.CleanStyled(m.render()))
	v.AltScreen = true
	v.WindowTitle = "cxo - rating " + model.Clean(m.inv.Name)
	return v
}

func (m *Rater) render() string {
	t := m.theme
	if m.width > 0 && (m.width < MinWidth || m.height < MinHeight) {
		return wrap(t.Strong.Render("Make the window larger")+"\n"+t.Text.Render("cxo needs at least "+itoa(MinWidth)+"×"+itoa(MinHeight)+"; this one is "+itoa(m.width)+"×"+itoa(m.height)+". q stops; answers are saved."), max(m.width, 1))
	}
	w := readingWidth(m.width - 2) // as the other screens: prose stops at the reading width
	var b strings.Builder
	answered := 0
	for _, it := range m.inv.Items {
		if _, ok := m.r.Answers[it.ID]; ok {
			answered++
		}
	}
	head := spread(t.Title.Render("Rating "+m.inv.Name), t.Subtle.Render(fmt.Sprintf("%d of %d answered", answered, len(m.inv.Items))), w) + "\n\n"
	notice := wrap(t.Subtle.Render(RateNotice), w) + "\n\n"
	switch {
	case !m.loaded:
		b.WriteString("Opening your saved answers…\n")
	case m.wrote != "":
		b.WriteString(wrap(t.Good.Render("Thank you. Your response is in "+m.wrote+": send that file to "+m.inv.Name+"."), w) + "\n\n")
		b.WriteString(t.Subtle.Render("q leaves") + "\n")
		return head + notice + b.String()
	case m.again:
		b.WriteString(wrap(fmt.Sprintf("You rated %s on %s. Answer again to correct your response? (y/n: n writes the same response again)", m.inv.Name, m.r.Done.Format("2 January 2006")), w) + "\n")
	case m.index == -1:
		b.WriteString(t.Strong.Render("How do you know "+m.inv.Name+"?") + "\n\n")
		for i, rel := range model.Relationships {
			mark := "  "
			if m.r.Relationship == rel {
				mark = "▸ "
			}
			b.WriteString(hanging(fmt.Sprintf("%s%d  %s", mark, i+1, rel.Label(m.inv.Name)), w, 5) + "\n")
		}
	case m.index < len(m.inv.Items):
		it := m.inv.Items[m.index]
		cur, has := m.r.Answers[it.ID]
		b.WriteString(t.Subtle.Render(fmt.Sprintf("%d/%d · %s", m.index+1, len(m.inv.Items), it.Area)) + "\n")
		b.WriteString(wrap(t.Strong.Render(it.Text), w) + "\n\n")
		for i, label := range it.Choices(m.inv.Scale) {
			mark := "  "
			if has && cur == i+1 {
				mark = "▸ "
			}
			// Wrapped under the choice's first word, never cut.
			b.WriteString(hanging(fmt.Sprintf("%s%d  %s", mark, i+1, label), w, 5) + "\n")
		}
		mark := "  "
		if has && cur == 0 {
			mark = "▸ "
		}
		b.WriteString(hanging(fmt.Sprintf("%so  %s", mark, model.NoOpportunity), w, 5) + "\n")
	default:
		b.WriteString("Writing your response…\n")
	}
	if m.ignored > 0 {
		word := " keys"
		if m.ignored == 1 {
			word = " key"
		}
		b.WriteString("\n" + wrap(t.Subtle.Render(ignoredWords+itoa(m.ignored)+word+" typed before this question was shown"), w) + "\n")
	}
	helpLine := "\n" + rateHelp(m.help, m.keyHelp().ShortHelp(), w)
	// The notice goes first when the window is too short for all of it,
	// so the choices and the help line stay whole.
	if m.height <= 0 || lipgloss.Height(head+notice+b.String()+helpLine) <= m.height {
		return head + notice + b.String() + helpLine
	}
	return head + b.String() + helpLine
}

// rateHelp is the help line, wrapped between its keys when the window is
// too narrow for it on one line: every key stays, quit first among them.
func rateHelp(h help.Model, keys []key.Binding, w int) string {
	h.SetWidth(0)
	if line := h.ShortHelpView(keys); lipgloss.Width(line) <= w {
		return line
	}
	sep := h.Styles.ShortSeparator.Inline(true).Render(h.ShortSeparator)
	var ps []piece
	for _, k := range keys {
		ps = append(ps, piece{sep, h.ShortHelpView([]key.Binding{k})})
	}
	return pack("", ps, w)
}

// keyHelp is the help for the step on show: the relationship takes 1-4,
// the question of answering again y or n, the items 1-5 and o.
func (m *Rater) keyHelp() help.KeyMap {
	k := rateKeys
	switch {
	case m.again:
		return keyHelp{short: []key.Binding{k.Yes, k.No, k.Quit}, full: [][]key.Binding{{k.Yes, k.No, k.Quit}}}
	case m.loaded && m.wrote == "" && m.index == -1:
		choose := label("1-"+itoa(len(model.Relationships)), "choose")
		keys := []key.Binding{choose, k.Quit}
		if m.answered() {
			keys = []key.Binding{choose, k.Keep, k.Quit}
		}
		return keyHelp{short: keys, full: [][]key.Binding{keys}}
	case m.answered():
		short := []key.Binding{k.Answer, k.NoOpportunity, k.Keep, k.Prev, k.Quit}
		return keyHelp{short: short, full: k.FullHelp()}
	}
	return k
}
