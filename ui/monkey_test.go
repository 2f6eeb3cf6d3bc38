package ui

import (
	"fmt"
	"image/color"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/cxo-dev/cxo/model"
	"github.com/cxo-dev/cxo/store"
)

// TestMonkey walks the root model through a long, seeded run of random
// keys, window sizes, mouse wheels and background-colour answers, and checks
// after every event that nothing panicked and the frame fills the window
// exactly. Set CXO_MONKEY_SEED and CXO_MONKEY_EVENTS to explore other runs.
func TestMonkey(t *testing.T) {
	events := 10000
	if testing.Short() {
		events = 2000
	}
	if n, err := strconv.Atoi(os.Getenv("CXO_MONKEY_EVENTS")); err == nil && n > 0 {
		events = n
	}
	seed := uint64(1)
	if n, err := strconv.ParseUint(os.Getenv("CXO_MONKEY_SEED"), 10, 64); err == nil {
		seed = n
	}
	// The export screen writes into the working directory.
	t.Chdir(t.TempDir())

	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("replay this walk with CXO_MONKEY_SEED=%d CXO_MONKEY_EVENTS=%d go test ./ui -run TestMonkey", seed, events)
		}
	})
	begun := time.Now()
	m := newMonkey(t, seed)
	for i := range events {
		m.step(i)
	}
	var seen []string
	for s, n := range m.visits {
		seen = append(seen, fmt.Sprintf("%s %d", stateNames[s], n))
	}
	sort.Strings(seen)
	t.Logf("seed %d: %d events in %v, %d restarts, %d assessments stored, %d commands run, %d keys sent while a command was in flight; events per screen: %s",
		seed, events, time.Since(begun).Round(time.Millisecond), m.restarts, m.stored(), m.ran, m.delayed, strings.Join(seen, ", "))
	// A walk that never leaves the home screen proves nothing: the key
	// contract must carry it through the main screens.
	// (The short walk is too short to promise it.)
	for _, s := range []state{stateHome, stateNew, stateIntro, stateQuestion, stateReview, stateResults, stateGuides, stateReader, stateHistory} {
		if m.visits[s] == 0 && !testing.Short() {
			t.Errorf("seed %d: the walk never reached the %s screen", seed, stateNames[s])
		}
	}
}

// A walk replays from its seed: the same events, the same assessments (ids,
// item orders, answers) on disk.
func TestMonkeyReplays(t *testing.T) {
	t.Chdir(t.TempDir())
	walk := func() (string, string) {
		m := newMonkey(t, 7)
		for i := range 600 {
			m.step(i)
		}
		list, _, err := m.store.List()
		if err != nil {
			t.Fatal(err)
		}
		var disk []string
		for _, s := range list {
			a, _, err := m.store.Load(s.ID)
			if err != nil {
				t.Fatal(err)
			}
			disk = append(disk, fmt.Sprintf("%s %v %v", a.ID, a.Order, a.Answers))
		}
		return strings.Join(m.log, "\n"), strings.Join(disk, "\n")
	}
	log1, disk1 := walk()
	log2, disk2 := walk()
	if log1 != log2 {
		t.Error("the same seed drew other events")
	}
	if disk1 != disk2 || disk1 == "" {
		t.Errorf("the same seed stored other assessments:\n%s\n---\n%s", disk1, disk2)
	}
}

// monkey is a driver like driver in app_test.go, with three differences:
// cursor-blink commands (which only sleep and then return a message nothing
// in this package reads) are dropped without running, so the walk does not
// wait on them; other commands that are not this package's get 150 ms; and
// now and then the next event is delivered before the commands already
// issued have run, the way a slow disk would let keys arrive mid-save.
// Commands still run one at a time, in the order they were issued.
type monkey struct {
	t     *testing.T
	rng   *rand.Rand
	seed  uint64
	store *store.Store
	bank  *model.Bank
	app   *App
	w, h  int
	clock clock // the walk's own time and ids, drawn from the seed
	// verified is the assessment and answers last found on disk.
	verified string

	pending []tea.Cmd // issued, not yet run (FIFO)
	quit    bool

	last     state // the screen group after the previous event
	same     int   // events in a row in that group
	patience int   // how many before backing out with esc

	log      []string // every event so far
	visits   map[state]int
	restarts int
	ran      int
	delayed  int
}

func newMonkey(t *testing.T, seed uint64) *monkey {
	m := &monkey{t: t, rng: rand.New(rand.NewPCG(seed, 2)), seed: seed, store: testStore(t), bank: testBank(t),
		w: 80, h: 24, visits: map[state]int{}, patience: 50, clock: seededClock(seed)}
	m.start(Start{})
	return m
}

// seededClock starts at a fixed time, moves on 1.5 s at each reading and
// draws assessment ids from the seed, so a walk replays exactly.
func seededClock(seed uint64) clock {
	var mu sync.Mutex
	at := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	rng := rand.New(rand.NewPCG(seed, 3))
	return clock{
		now: func() time.Time {
			mu.Lock()
			defer mu.Unlock()
			at = at.Add(1500 * time.Millisecond)
			return at
		},
		newID: func(t time.Time) string {
			mu.Lock()
			defer mu.Unlock()
			return t.UTC().Format("20060102-150405") + "-" + strconv.FormatInt(int64(0x1000+rng.IntN(0x1000)), 16)[1:]
		},
	}
}

// start builds a fresh App on the same store, as a new cxo process would:
// with the bank at hand (New) or parsed in a command (NewLoading, as the
// full-screen commands do), so keys can arrive before it is ready.
func (m *monkey) start(s Start) {
	if m.rng.IntN(2) == 0 {
		m.app = New(m.store, m.bank, "test", s)
	} else {
		m.app = NewLoading(m.store, func() (*model.Bank, error) { return m.bank, nil }, "test", s)
	}
	m.app.clock = m.clock
	m.pending, m.quit = nil, false
	m.update(tea.WindowSizeMsg{Width: m.w, Height: m.h})
	m.pending = append(m.pending, m.app.Init())
	m.drain()
}

var monkeyContract = []string{
	"1", "2", "3", "4", "5", "a", "b", "c", "d", "h", "j", "k", "l", "s", "x", "g", "v", "e", "f", "n", "r", "w",
	"/", "?", "tab", "enter", "esc", "left", "right", "up", "down", "pgdown", "space",
}

var monkeyExtra = []string{"pgup", "shift+tab", "backspace", "delete", "home", "end", "N", "c", "y", "0", "9", " "}

// next draws one event. Keys come mostly from the key contract; q and
// ctrl+c are never sent (they quit; the home menu's Quit still can).
func (m *monkey) next() (string, tea.Msg) {
	r := m.rng.IntN(1000)
	switch {
	case r < 20: // about 1 in 50
		w, h := m.size()
		return fmt.Sprintf("size %dx%d", w, h), tea.WindowSizeMsg{Width: w, Height: h}
	case r < 40:
		btn := tea.MouseWheelUp
		if m.rng.IntN(2) == 0 {
			btn = tea.MouseWheelDown
		}
		x, y := m.rng.IntN(max(m.w, 1)), m.rng.IntN(max(m.h, 1))
		return fmt.Sprintf("wheel %v at %d,%d", btn, x, y), tea.MouseWheelMsg{X: x, Y: y, Button: btn}
	case r < 42:
		c := color.RGBA{R: uint8(m.rng.IntN(256)), G: uint8(m.rng.IntN(256)), B: uint8(m.rng.IntN(256)), A: 255}
		msg := tea.BackgroundColorMsg{Color: c}
		return fmt.Sprintf("background %v (dark=%v)", c, msg.IsDark()), msg
	}
	var k string
	switch r := m.rng.IntN(100); {
	case m.same > m.patience && m.app.state != stateHome:
		// A bored user backs out, so no screen (the reader, say, with its
		// search field) keeps the walk for long.
		k = "esc"
	case r < 75:
		k = monkeyContract[m.rng.IntN(len(monkeyContract))]
	case r < 90:
		for k == "" || k == "q" {
			k = string(rune('a' + m.rng.IntN(26)))
		}
	case r < 95:
		k = string(rune('0' + m.rng.IntN(10)))
	default:
		k = monkeyExtra[m.rng.IntN(len(monkeyExtra))]
	}
	// Never let a typed export name leave the test's directory (the test
	// may run as root): enter on a path that is not local backs out instead.
	if k == "enter" && m.app.state == stateExport && !m.app.export.busy &&
		!filepath.IsLocal(strings.TrimSpace(m.app.export.input.Value())) {
		k = "esc"
	}
	return "key " + strconv.Quote(k), monkeyKey(k)
}

// size is a window size: uniform over 1×1..220×70, near the 60×20 limit,
// or uniform over the sizes the screens are laid out for.
func (m *monkey) size() (int, int) {
	switch m.rng.IntN(3) {
	case 0:
		return 1 + m.rng.IntN(220), 1 + m.rng.IntN(70)
	case 1:
		return MinWidth - 2 + m.rng.IntN(5), MinHeight - 2 + m.rng.IntN(5)
	}
	return MinWidth + m.rng.IntN(220-MinWidth+1), MinHeight + m.rng.IntN(70-MinHeight+1)
}

// screenGroup folds screens that esc moves between (the guide list and its
// reader; an item, its section intro and the review) into one, so boredom
// carries the walk out of the group rather than round it.
func screenGroup(s state) state {
	switch s {
	case stateReader:
		return stateGuides
	case stateIntro, stateReview:
		return stateQuestion
	}
	return s
}

// monkeyKey is keyMsg with a few more named keys and shifted letters.
func monkeyKey(k string) tea.KeyPressMsg {
	named := map[string]rune{"pgup": tea.KeyPgUp, "backspace": tea.KeyBackspace, "delete": tea.KeyDelete,
		"home": tea.KeyHome, "end": tea.KeyEnd}
	if r, ok := named[k]; ok {
		return tea.KeyPressMsg{Code: r}
	}
	if k == "shift+tab" {
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	}
	if r := []rune(k); len(r) == 1 && r[0] >= 'A' && r[0] <= 'Z' {
		return tea.KeyPressMsg{Code: r[0] - 'A' + 'a', ShiftedCode: r[0], Mod: tea.ModShift, Text: k}
	}
	return keyMsg(k)
}

// step delivers event i and checks the frame.
func (m *monkey) step(i int) {
	defer func() {
		if r := recover(); r != nil {
			m.fail(i, fmt.Sprintf("panic: %v\n%s", r, debug.Stack()))
		}
	}()
	m.log = append(m.log, "(drawing the event)")
	desc, msg := m.next()
	m.log[len(m.log)-1] = desc
	if ws, ok := msg.(tea.WindowSizeMsg); ok {
		m.w, m.h = ws.Width, ws.Height
	}
	m.update(msg)
	// Mostly run what the event issued before the next one; sometimes let
	// the next event overtake it (never more than a few commands behind).
	if len(m.pending) > 0 && len(m.pending) < 4 && m.rng.IntN(8) == 0 {
		m.delayed++
		m.log[len(m.log)-1] += " (its commands held back)"
	} else {
		m.drain()
	}
	m.check(i)
	if len(m.pending) == 0 && !m.quit {
		m.settled(i)
	}
	m.visits[m.app.state]++
	if g := screenGroup(m.app.state); g == m.last {
		m.same++
	} else {
		m.last, m.same, m.patience = g, 0, 20+m.rng.IntN(80)
		switch g {
		case stateGuides:
			// Nearly every screen opens the guides with g: leave them sooner.
			m.patience = 5 + m.rng.IntN(30)
		case stateQuestion:
			m.patience = 100 + m.rng.IntN(200)
		}
	}
	if m.quit {
		m.restarts++
		starts := []Start{{}, {Action: "resume"}, {Action: "new", Length: model.LengthQuick}, {Theme: "light"}}
		s := starts[m.rng.IntN(len(starts))]
		m.log = append(m.log, fmt.Sprintf("[quit; restart with %+v]", s))
		m.start(s)
		m.check(i)
	}
}

func (m *monkey) update(msg tea.Msg) {
	_, cmd := m.app.Update(msg)
	if cmd != nil {
		m.pending = append(m.pending, cmd)
	}
}

// drain runs every pending command, feeding its message back, until none
// is left.
func (m *monkey) drain() {
	for n := 0; len(m.pending) > 0 && !m.quit; n++ {
		if n > 1000 {
			panic("commands keep issuing commands: more than 1000 in one go")
		}
		cmd := m.pending[0]
		m.pending = m.pending[1:]
		m.deliver(m.exec(cmd))
	}
	if m.quit {
		m.pending = nil
	}
}

func (m *monkey) deliver(msg tea.Msg) {
	switch msg := msg.(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			if c != nil {
				m.pending = append(m.pending, c)
			}
		}
	case tea.QuitMsg:
		m.quit = true
	default:
		if reflect.TypeOf(msg).PkgPath() != "github.com/cxo-dev/cxo/ui" {
			return // terminal queries and the like: nothing the app waits for
		}
		m.update(msg)
	}
}

// exec runs one command with a time limit. A panic inside the command is
// carried back and re-raised here, so it is reported like one in Update.
func (m *monkey) exec(cmd tea.Cmd) tea.Msg {
	name := runtime.FuncForPC(reflect.ValueOf(cmd).Pointer()).Name()
	if isBlink(cmd) {
		return nil // sleeps 530 ms, then a blink only the text field reads
	}
	m.ran++
	// This package's commands do the disk and glamour work (slow under
	// -race) and must answer; anything else (tea.Batch, terminal queries)
	// answers at once or is dropped after 150 ms.
	limit := 150 * time.Millisecond
	ours := strings.HasPrefix(name, "github.com/cxo-dev/cxo/")
	if ours {
		limit = 10 * time.Second
	}
	type result struct {
		msg   tea.Msg
		panic any
		stack []byte
	}
	done := make(chan result, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- result{panic: r, stack: debug.Stack()}
			}
		}()
		done <- result{msg: cmd()}
	}()
	select {
	case r := <-done:
		if r.panic != nil {
			panic(fmt.Sprintf("in command %s: %v\n%s", name, r.panic, r.stack))
		}
		return r.msg
	case <-time.After(limit):
		if ours {
			m.t.Errorf("command %s did not answer within %v (after %d events)", name, limit, len(m.log))
		}
		return nil
	}
}

// check asserts the frame is exactly the window: height lines, none wider.
func (m *monkey) check(i int) {
	content := m.app.View().Content
	lines := strings.Split(content, "\n")
	if len(lines) != m.h {
		m.fail(i, fmt.Sprintf("the frame has %d lines for a %dx%d window:\n%s", len(lines), m.w, m.h, ansi.Strip(content)))
	}
	for n, l := range lines {
		if len(l) <= m.w {
			continue // no line is wider than it has bytes
		}
		if w := ansi.StringWidth(l); w > m.w {
			m.fail(i, fmt.Sprintf("line %d is %d cells wide in a %dx%d window:\n%s", n+1, w, m.w, m.h, ansi.Strip(content)))
		}
	}
}

// settled asserts what must hold once every command has run: nothing is
// left waiting on a command that will never answer, and every answer on
// screen is on disk.
func (m *monkey) settled(i int) {
	a := m.app
	switch {
	case a.waiting || len(a.queue) > 0:
		m.fail(i, fmt.Sprintf("every command has run, yet the app still waits for an assessment (%d keys queued)", len(a.queue)))
	case a.bank == nil:
		m.fail(i, "every command has run, yet the bank is not loaded")
	case a.question.saving:
		m.fail(i, "every command has run, yet the question still says saving")
	case a.state == stateExport && a.export.busy:
		m.fail(i, "every command has run, yet the export is still busy")
	case a.state == stateReview && a.review.finishing:
		m.fail(i, "every command has run, yet the review is still finishing")
	case a.state == stateReader && !a.guides.ready:
		m.fail(i, "every command has run, yet the reader still says rendering")
	}
	if (a.state == stateQuestion || a.state == stateIntro || a.state == stateReview) && a.a != nil &&
		(a.question.pending == nil || a.question.pending.err == nil) {
		// Answers already found on disk need not be read again until the
		// screen's answers change (the disk changes only through them).
		seen := fmt.Sprintf("%s %v", a.a.ID, a.a.Answers)
		if seen == m.verified {
			return
		}
		m.verified = seen
		stored, _, err := m.store.Load(a.a.ID)
		if err != nil {
			m.fail(i, "loading the open assessment: "+err.Error())
		}
		for id, ans := range a.a.Answers {
			got := stored.Answers[id]
			if got.Value != ans.Value || got.Skipped != ans.Skipped || got.NA != ans.NA || got.Note != ans.Note {
				m.fail(i, fmt.Sprintf("answer to %s on screen %+v, on disk %+v", id, ans, got))
			}
		}
		if len(stored.Answers) != len(a.a.Answers) {
			m.fail(i, fmt.Sprintf("%d answers on screen, %d on disk", len(a.a.Answers), len(stored.Answers)))
		}
	}
}

func (m *monkey) fail(i int, what string) {
	m.t.Helper()
	last := m.log[max(len(m.log)-20, 0):]
	state := "?"
	if m.app != nil {
		state = stateNames[m.app.state]
	}
	m.t.Fatalf("seed %d, event %d (%s) on the %s screen, window %dx%d: %s\nlast %d events, oldest first:\n  %s",
		m.seed, i, m.log[len(m.log)-1], state, m.w, m.h, what, len(last), strings.Join(last, "\n  "))
}

func (m *monkey) stored() int {
	list, _, err := m.store.List()
	if err != nil {
		m.t.Errorf("listing the store after the walk: %v", err)
	}
	return len(list)
}
