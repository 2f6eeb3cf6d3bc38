package ui

import (
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/cxo-dev/cxo/assets"
	"github.com/cxo-dev/cxo/model"
	"github.com/cxo-dev/cxo/store"
)

func testBank(t testing.TB) *model.Bank {
	t.Helper()
	b, err := assets.DefaultBank()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func testBankErr() (*model.Bank, error) { return assets.DefaultBank() }

func testStore(t testing.TB) *store.Store {
	t.Helper()
	return store.New(filepath.Join(t.TempDir(), "cxo.db"), "test")
}

// driver runs an App the way Bubble Tea would, but synchronously: every
// command is executed and its message fed back to Update. Cursor blinks
// are dropped unrun (each sleeps half a second for a message only the text
// field reads); other commands that do not belong to this app (terminal
// queries) are run but their messages dropped; one that hangs fails the
// test.
type driver struct {
	t    testing.TB
	app  *App
	quit bool
}

func newDriver(t testing.TB, s *store.Store, start Start, w, h int) *driver {
	d := &driver{t: t, app: New(s, testBank(t), "test", start)}
	d.send(tea.WindowSizeMsg{Width: w, Height: h})
	d.run(d.app.Init())
	return d
}

func (d *driver) run(cmd tea.Cmd) {
	if cmd == nil || isBlink(cmd) {
		return
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-done:
	case <-time.After(30 * time.Second):
		// Every command of this app returns promptly; one that does not is
		// a hang to report, not a message to drop quietly.
		d.t.Fatalf("a command did not return in 30s: %s", runtime.FuncForPC(reflect.ValueOf(cmd).Pointer()).Name())
	}
	switch msg := msg.(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			d.run(c)
		}
	case tea.QuitMsg:
		d.quit = true
	default:
		if reflect.TypeOf(msg).PkgPath() != "github.com/cxo-dev/cxo/ui" {
			return // blinks, terminal queries: nothing this app waits for
		}
		d.send(msg)
	}
}

// isBlink reports a text field's cursor-blink command: it sleeps about half
// a second, then returns a blink only the field itself reads.
func isBlink(cmd tea.Cmd) bool {
	name := runtime.FuncForPC(reflect.ValueOf(cmd).Pointer()).Name()
	return strings.HasPrefix(name, "charm.land/bubbles/v2/cursor.") && strings.Contains(name, "Blink.func")
}

func (d *driver) send(msg tea.Msg) {
	_, cmd := d.app.Update(msg)
	d.run(cmd)
}

// keys sends each key: "enter", "esc", "left" and the like by name, any
// other string one rune at a time.
func (d *driver) keys(keys ...string) {
	for _, k := range keys {
		d.send(keyMsg(k))
	}
}

func keyMsg(k string) tea.KeyPressMsg {
	named := map[string]rune{"enter": tea.KeyEnter, "esc": tea.KeyEscape, "left": tea.KeyLeft, "right": tea.KeyRight,
		"up": tea.KeyUp, "down": tea.KeyDown, "tab": tea.KeyTab, "pgdown": tea.KeyPgDown, "space": tea.KeySpace}
	if r, ok := named[k]; ok {
		return tea.KeyPressMsg{Code: r}
	}
	if k == "ctrl+c" {
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

// screen is the frame as text, escape sequences removed.
func (d *driver) screen() string { return ansi.Strip(d.app.View().Content) }

func TestKeyNamesMatchTheContract(t *testing.T) {
	for k, want := range map[string]string{"enter": "enter", "esc": "esc", "left": "left", "space": "space", "q": "q", "?": "?", "ctrl+c": "ctrl+c"} {
		if got := keyMsg(k).String(); got != want {
			t.Errorf("key %q reads as %q", k, got)
		}
	}
}

func TestHomeGolden80x24(t *testing.T) {
	d := newDriver(t, testStore(t), Start{Theme: "dark"}, 80, 24)
	golden.RequireEqual(t, []byte(d.screen()))
}

func TestFramesFitTheWindow(t *testing.T) {
	d := newDriver(t, testStore(t), Start{}, 80, 24)
	for _, size := range [][2]int{{80, 24}, {160, 48}, {60, 20}, {59, 20}, {60, 19}, {40, 10}, {1, 1}, {200, 60}} {
		d.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		lines := strings.Split(d.app.View().Content, "\n")
		if len(lines) != size[1] {
			t.Errorf("%v: %d lines", size, len(lines))
		}
		for i, l := range lines {
			if w := ansi.StringWidth(l); w > size[0] {
				t.Errorf("%v: line %d is %d wide", size, i, w)
			}
		}
	}
}

func TestTooSmallAsksForALargerWindow(t *testing.T) {
	d := newDriver(t, testStore(t), Start{}, 40, 10)
	if s := d.screen(); !strings.Contains(s, "Make the window larger") || !strings.Contains(s, "40×10") {
		t.Fatalf("too-small screen:\n%s", s)
	}
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	if s := d.screen(); !strings.Contains(s, "New assessment") {
		t.Fatalf("the home screen did not come back:\n%s", s)
	}
}

func TestHelpToggles(t *testing.T) {
	d := newDriver(t, testStore(t), Start{}, 100, 30)
	if strings.Contains(d.screen(), "ctrl+c") {
		t.Fatal("full help shown before ?")
	}
	d.keys("?")
	if !strings.Contains(d.screen(), "ctrl+c") {
		t.Fatalf("? did not show the full help:\n%s", d.screen())
	}
	d.keys("?")
	if strings.Contains(d.screen(), "ctrl+c") {
		t.Fatal("? did not hide the full help")
	}
}

// The slice as a user lives it: start, answer three, quit, come back, land
// on item four with the three answers kept, finish, see the results.
func TestAnswerQuitResumeFinish(t *testing.T) {
	s := testStore(t)
	d := newDriver(t, s, Start{}, 80, 24)
	d.keys("n", "enter") // quick, no target
	if !strings.Contains(d.screen(), "Part 1 of 2") {
		t.Fatalf("no section intro:\n%s", d.screen())
	}
	d.keys("enter") // begin
	first := d.app.a.Order[:3]
	d.keys("1", "2", "1")
	if !strings.Contains(d.screen(), "item 4 of") {
		t.Fatalf("not on item 4:\n%s", d.screen())
	}
	d.keys("q")
	if !d.quit {
		t.Fatal("q did not quit")
	}

	d2 := newDriver(t, s, Start{}, 80, 24)
	d2.keys("r")
	if !strings.Contains(d2.screen(), "item 4 of") {
		t.Fatalf("resume did not land on item 4:\n%s", d2.screen())
	}
	for i, id := range first {
		if got := d2.app.a.Answers[id].Value; got != []int{1, 2, 1}[i] {
			t.Errorf("answer %d to %s is %d after resume", i+1, id, got)
		}
	}
	d2.keys("left")
	if !strings.Contains(d2.screen(), "item 3 of") || !strings.Contains(d2.screen(), "✓") {
		t.Fatalf("going back does not show the kept answer:\n%s", d2.screen())
	}
	for i := 0; i < 60 && d2.app.state != stateReview; i++ {
		d2.keys("1")
		if d2.app.state == stateIntro {
			d2.keys("enter")
		}
	}
	if d2.app.state != stateReview {
		t.Fatalf("did not reach the review:\n%s", d2.screen())
	}
	d2.keys("f")
	if d2.app.state != stateResults || !strings.Contains(d2.screen(), "Results") {
		t.Fatalf("finish did not show the results:\n%s", d2.screen())
	}
	list, _, _ := s.List()
	if list[0].Status != model.StatusFinished || list[0].Answered != list[0].Total {
		t.Errorf("stored after finish: %+v", list[0])
	}
	if _, ok, _ := s.Result(list[0].ID); !ok {
		t.Error("no result snapshot stored")
	}
}

// Keys typed while an answer is being written are kept and replayed in
// order, never dropped.
func TestKeysDuringASaveAreQueued(t *testing.T) {
	s := testStore(t)
	d := newDriver(t, s, Start{Action: "new", Length: model.LengthQuick}, 80, 24)
	d.keys("enter")
	a := d.app
	// Deliver keys without running the save commands in between.
	var cmds []tea.Cmd
	for _, k := range []string{"1", "2", "1"} {
		_, cmd := a.Update(keyMsg(k))
		cmds = append(cmds, cmd)
	}
	if !a.question.saving || len(a.queue) != 2 {
		t.Fatalf("saving=%v queued=%d, want a save in flight and two keys queued", a.question.saving, len(a.queue))
	}
	d.run(cmds[0])
	// The queued 2 and 1 were typed before item 2 was drawn: they answer
	// nothing, and the status line says so.
	if got := a.question.index; got != 1 {
		t.Fatalf("after the queued keys the cursor is on %d, want 1", got)
	}
	stored, _, _ := s.Load(a.a.ID)
	if answered, _ := stored.Progress(); answered != 1 || stored.Answers[stored.Order[0]].Value != 1 {
		t.Errorf("stored %d answers (first %d), want only the first, 1", answered, stored.Answers[stored.Order[0]].Value)
	}
	if !strings.Contains(d.screen(), "ignored 2 keys typed before this screen was shown") {
		t.Errorf("the footer does not say the keys were ignored:\n%s", d.screen())
	}
	// Keys that do not answer still count: q typed during a save quits.
	_, cmd := a.Update(keyMsg("3"))
	a.Update(keyMsg("q"))
	d.run(cmd)
	if !d.quit {
		t.Error("q typed during a save did not quit once the answer was written")
	}
}

// Ten quick presses of 1 at the end of part 1 never begin part 2 nor
// answer its items: the intro waits for a key typed after it was drawn.
func TestTypeAheadStopsAtAPartBreak(t *testing.T) {
	s := testStore(t)
	d := newDriver(t, s, Start{Action: "new", Length: model.LengthQuick}, 80, 24)
	d.keys("enter")
	a := d.app
	last := 0 // the last item of part 1
	for i := range a.a.Order {
		if a.a.SectionOf(a.bank, i) != a.a.SectionOf(a.bank, 0) {
			break
		}
		last = i
	}
	for a.question.index < last {
		d.keys("1")
	}
	var cmds []tea.Cmd
	for range 10 {
		_, cmd := a.Update(keyMsg("1"))
		cmds = append(cmds, cmd)
	}
	d.run(cmds[0])
	if a.state != stateIntro || a.question.index != last+1 {
		t.Fatalf("type-ahead crossed the part break: state %v, item %d (part 1 ends at %d)", a.state, a.question.index, last)
	}
	stored, _, _ := s.Load(a.a.ID)
	if answered, _ := stored.Progress(); answered != last+1 {
		t.Errorf("stored %d answers, want the %d of part 1", answered, last+1)
	}
	if !strings.Contains(d.screen(), "ignored 9 keys") {
		t.Errorf("the footer does not count the ignored keys:\n%s", d.screen())
	}
}

func TestSkipAndNotApplicable(t *testing.T) {
	s := testStore(t)
	d := newDriver(t, s, Start{Action: "new", Length: model.LengthFull}, 80, 24)
	d.keys("enter", "s")
	a := d.app.a
	if !a.Answers[a.Order[0]].Skipped || d.app.question.index != 1 {
		t.Fatalf("s did not skip: %+v", a.Answers[a.Order[0]])
	}
	// Find an item that offers "not applicable" and one that does not.
	for i, id := range a.Order {
		it, _ := d.app.bank.Item(id)
		if !it.NA {
			continue
		}
		d.app.question.open(&d.app.session, i)
		d.app.state = stateQuestion
		d.keys("x")
		if !a.Answers[id].NA {
			t.Fatalf("x did not mark %s not applicable", id)
		}
		break
	}
	stored, _, _ := s.Load(a.ID)
	if !stored.Answers[a.Order[0]].Skipped {
		t.Error("the skip was not stored")
	}
}

func TestGuideFromAQuestionOpensItsSection(t *testing.T) {
	d := newDriver(t, testStore(t), Start{Action: "new", Length: model.LengthQuick}, 100, 30)
	d.keys("enter")
	it := d.app.question.item(&d.app.session)
	d.keys("g")
	if d.app.state != stateReader {
		t.Fatalf("g did not open the reader (state %v)", d.app.state)
	}
	name, slug := model.SplitRef(it.Guide)
	gd, _ := d.app.bank.Guide(name)
	sec, _ := gd.Section(slug)
	if !strings.Contains(d.screen(), sec.Title) {
		t.Fatalf("reader does not show section %q:\n%s", sec.Title, d.screen())
	}
	d.keys("esc") // one level back: the question that opened the section
	if d.app.state != stateQuestion {
		t.Fatalf("esc did not return to the question (state %v)", d.app.state)
	}
}

func TestReaderSearch(t *testing.T) {
	d := newDriver(t, testStore(t), Start{}, 100, 30)
	d.keys("g", "enter")
	if d.app.state != stateReader {
		t.Fatal("enter did not open a guide")
	}
	d.keys("/")
	for _, r := range "budget" {
		d.keys(string(r))
	}
	d.keys("enter")
	if len(d.app.guides.hits) < 2 || !strings.Contains(d.screen(), "hit 1 of ") {
		t.Fatalf("search found nothing:\n%s", d.screen())
	}
	seen := map[int]bool{d.app.guides.vp.YOffset(): true}
	for i := 0; i < len(d.app.guides.hits); i++ {
		d.keys("n")
		seen[d.app.guides.vp.YOffset()] = true
	}
	for i := 0; i < len(d.app.guides.hits); i++ {
		d.keys("N")
		seen[d.app.guides.vp.YOffset()] = true
	}
	if len(seen) < 2 {
		t.Error("n/N never scrolled to another hit")
	}
	// On every hit, even the last ones that share the guide's last
	// screen, the line marked ▸ holds the query.
	for i := 0; i < len(d.app.guides.hits); i++ {
		marked := ""
		for _, l := range strings.Split(d.screen(), "\n") {
			if strings.HasPrefix(strings.TrimLeft(l, " "), "▸") {
				marked = l
			}
		}
		if !strings.Contains(strings.ToLower(marked), "budget") {
			t.Errorf("hit %d: the marked line %q does not hold the query", d.app.guides.hit+1, marked)
		}
		d.keys("n")
	}
	// A new search starts empty; one without a match says so.
	d.keys("/")
	if v := d.app.guides.search.Value(); v != "" {
		t.Errorf("a new search starts with %q", v)
	}
	for _, r := range "zzqq" {
		d.keys(string(r))
	}
	d.keys("enter")
	if !strings.Contains(d.screen(), "no hits for \"zzqq\"") {
		t.Errorf("no-hit header missing:\n%s", d.screen())
	}
}

func TestMouseWheelMovesListSelection(t *testing.T) {
	d := newDriver(t, testStore(t), Start{}, 80, 24)
	d.send(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if d.app.home.cursor != 1 {
		t.Fatalf("wheel down: cursor %d, want 1", d.app.home.cursor)
	}
	d.send(tea.MouseWheelMsg{Button: tea.MouseWheelUp})
	if d.app.home.cursor != 0 {
		t.Fatalf("wheel up: cursor %d, want 0", d.app.home.cursor)
	}
}

func TestNewScreenRemembersTheLastChoice(t *testing.T) {
	s := testStore(t)
	d := newDriver(t, s, Start{}, 80, 24)
	d.keys("n", "up", "up", "right", "down", "right", "enter") // full, CTO
	d.keys("enter")                                            // start
	if d.app.a == nil || d.app.a.Length != model.LengthFull || d.app.a.Target != model.RoleCTO {
		t.Fatalf("started %+v", d.app.a)
	}
	d2 := newDriver(t, s, Start{}, 80, 24)
	d2.keys("n")
	if d2.app.newScr.length != 1 || d2.app.newScr.target != 1 {
		t.Fatalf("new screen did not remember full/CTO: %+v", d2.app.newScr)
	}
}

// With the bank parsed after the first frame, the home screen draws at
// once and keys typed before the bank is in are replayed, not lost.
func TestBankLoadedAfterFirstFrame(t *testing.T) {
	s := testStore(t)
	app := NewLoading(s, assets.DefaultBank, "test", Start{Theme: "dark"})
	d := &driver{t: t, app: app}
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	init := app.Init()
	if !strings.Contains(d.screen(), "New assessment") {
		t.Fatalf("no home screen before the bank is loaded:\n%s", d.screen())
	}
	d.keys("n", "enter") // typed before the bank is in
	d.run(init)
	if app.a == nil || !strings.Contains(d.screen(), "Part 1 of 2") {
		t.Fatalf("the queued keys did not start an assessment:\n%s", d.screen())
	}
}

// The first frame comes before the list of assessments is read: it shows
// the menu, and says nothing it does not know yet ("0 saved" to a user
// with saved assessments); the count fills in when the list is in.
func TestFirstFrameClaimsNothingBeforeTheList(t *testing.T) {
	s := testStore(t)
	d := newDriver(t, s, Start{Action: "new", Length: model.LengthQuick}, 80, 24)
	d.keys("enter", "1")
	app := NewLoading(s, assets.DefaultBank, "test", Start{Theme: "dark"})
	d2 := &driver{t: t, app: app}
	d2.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	init := app.Init()
	if first := d2.screen(); !strings.Contains(first, "New assessment") || !strings.Contains(first, "History") || strings.Contains(first, "saved") {
		t.Fatalf("first frame, before the list is read:\n%s", first)
	}
	d2.run(init)
	if !strings.Contains(d2.screen(), "1 saved") {
		t.Fatalf("the count did not fill in:\n%s", d2.screen())
	}
}

func TestResumeWithoutIDWaitsForListAndBank(t *testing.T) {
	s := testStore(t)
	d := newDriver(t, s, Start{Action: "new", Length: model.LengthQuick}, 80, 24)
	d.keys("enter", "1", "2")
	app := NewLoading(s, assets.DefaultBank, "test", Start{Action: "resume"})
	d2 := &driver{t: t, app: app}
	d2.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	d2.run(app.Init())
	if !strings.Contains(d2.screen(), "item 3 of") {
		t.Fatalf("cxo resume did not land on item 3:\n%s", d2.screen())
	}
}

// A save that fails is shown, the answer kept on screen and in memory, and
// enter retries it; nothing moves on until it is on disk.
func TestFailedSaveIsKeptAndRetried(t *testing.T) {
	s := testStore(t)
	d := newDriver(t, s, Start{Action: "new", Length: model.LengthQuick}, 80, 24)
	d.keys("enter")
	good := s.Path
	s.Path = filepath.Join(good, "not-a-dir", "cxo.db") // the file is not a folder: writes fail
	d.keys("1")
	if !strings.Contains(d.app.status, "not saved") || d.app.question.index != 0 {
		t.Fatalf("failed save: status %q, index %d", d.app.status, d.app.question.index)
	}
	if d.app.a.Answers[d.app.a.Order[0]].Value != 1 {
		t.Fatal("the answer was dropped from memory")
	}
	d.keys("2", "3") // ignored until the save succeeds
	s.Path = good
	d.keys("enter")
	if d.app.question.index != 1 {
		t.Fatalf("retry did not move on: index %d, status %q", d.app.question.index, d.app.status)
	}
	stored, _, _ := s.Load(d.app.a.ID)
	if stored.Answers[stored.Order[0]].Value != 1 {
		t.Fatal("the retried answer is not on disk")
	}
}

func TestCtrlZSuspends(t *testing.T) {
	d := newDriver(t, testStore(t), Start{}, 80, 24)
	_, cmd := d.app.Update(tea.KeyPressMsg{Code: 'z', Mod: tea.ModCtrl})
	if cmd == nil {
		t.Fatal("ctrl+z did nothing")
	}
	if _, ok := cmd().(tea.SuspendMsg); !ok {
		t.Fatal("ctrl+z did not suspend")
	}
}

// After a finish, the review marks the answers a quality flag points at.
func TestReviewMarksFlaggedAnswers(t *testing.T) {
	d := newDriver(t, testStore(t), Start{Theme: "dark"}, 100, 40)
	a, res := finishedAssessment(t, "20261102-093000-abc", 0)
	flagged := a.Order[0]
	res.Flags = []model.Flag{{Code: "longstring", Message: "m", Items: []string{flagged}}}
	d.send(resultLoadedMsg{a: a, res: res})
	d.keys("4", "v")
	if d.app.state != stateReview {
		t.Fatalf("v on the quality panel did not open the review (state %v)", d.app.state)
	}
	lines := strings.Split(d.screen(), "\n")
	marked := 0
	for _, l := range lines[3:] { // the rows, below the title and hint
		if strings.Contains(l, "⚑") {
			marked++
			if !strings.Contains(l, " 1. ") {
				t.Errorf("a flag marks an answer it does not point at: %q", l)
			}
		}
	}
	if marked != 1 {
		t.Errorf("%d rows marked, want 1:\n%s", marked, d.screen())
	}
	// Under the rows, the selected item's whole answer, as given.
	for i := range 2 {
		it, _ := d.app.bank.Item(a.Order[d.app.review.cursor])
		want := "answer: " + model.AnswerText(it, a.Answers[it.ID])
		if !strings.Contains(d.screen(), want) {
			t.Errorf("row %d: the review does not show %q:\n%s", d.app.review.cursor, want, d.screen())
		}
		if i == 0 {
			d.keys("down")
		}
	}
}

// While the result is being scored and saved, the review takes no keys:
// the answers it is computed from cannot change under it.
func TestReviewIgnoresKeysWhileFinishing(t *testing.T) {
	d := newDriver(t, testStore(t), Start{Action: "new", Length: model.LengthQuick}, 80, 24)
	d.keys("enter", "v")
	_, finish := d.app.Update(keyMsg("f"))
	d.app.Update(keyMsg("enter"))
	if d.app.state != stateReview {
		t.Fatalf("a key while finishing left the review (state %v)", d.app.state)
	}
	d.run(finish)
	if d.app.state != stateResults {
		t.Fatalf("finish did not reach the results (state %v)", d.app.state)
	}
}

// However the hint wraps, the review keeps the selected row and its answer
// on screen, from the first item to the last.
func TestReviewKeepsTheSelectionOnScreen(t *testing.T) {
	for _, size := range [][2]int{{60, 20}, {80, 24}, {160, 48}} {
		d := newDriver(t, testStore(t), Start{Theme: "dark"}, size[0], size[1])
		a, res := finishedAssessment(t, "20261102-093000-abc", 0)
		d.send(resultLoadedMsg{a: a, res: res})
		d.keys("4", "v")
		if d.app.state != stateReview {
			t.Fatalf("%v: v did not open the review", size)
		}
		for i := range a.Order {
			screen := d.screen()
			if !strings.Contains(screen, "▸ ") || !strings.Contains(screen, "answer: ") {
				t.Fatalf("%v, row %d: the selection or its answer is off screen:\n%s", size, i, screen)
			}
			d.keys("down")
		}
	}
}

// s on an answered item moves on and keeps the answer, on screen and on
// disk; a skip is never an answer's eraser.
func TestSkipKeepsAnAnswer(t *testing.T) {
	d := questionDriver(t, "dark", 80, 24)
	first := d.app.a.Order[0]
	d.keys("2", "left", "s")
	if d.app.question.index != 1 {
		t.Fatalf("s did not move on (index %d)", d.app.question.index)
	}
	if ans := d.app.a.Answers[first]; !ans.Given() || ans.Value != 2 {
		t.Errorf("in memory the answer became %+v", ans)
	}
	a, _, err := d.app.store.Load(d.app.a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if ans := a.Answers[first]; !ans.Given() || ans.Value != 2 || ans.Took <= 0 {
		t.Errorf("stored answer %+v, want value 2 with a time", ans)
	}
}

// While the window is too small the question is hidden, so keys do not
// answer it; it answers again once the window is back.
func TestKeysDoNotAnswerAHiddenQuestion(t *testing.T) {
	d := questionDriver(t, "dark", 80, 24)
	first := d.app.a.Order[0]
	d.send(tea.WindowSizeMsg{Width: 40, Height: 10})
	d.keys("1", "right", "s")
	if _, ok := d.app.a.Answers[first]; ok || d.app.question.index != 0 {
		t.Fatalf("keys acted on a hidden question: index %d, answer %+v", d.app.question.index, d.app.a.Answers[first])
	}
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	d.keys("1")
	if ans := d.app.a.Answers[first]; ans.Value != 1 {
		t.Errorf("after growing the window, 1 gave %+v", ans)
	}
}

// However small the window, the "make it larger" message that shows is
// whole, never cut mid-sentence.
func TestTooSmallMessageIsWhole(t *testing.T) {
	d := newDriver(t, testStore(t), Start{Theme: "dark"}, 80, 24)
	for _, size := range [][2]int{{59, 19}, {40, 10}, {20, 5}, {20, 3}, {12, 2}} {
		d.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		screen := d.screen()
		if !strings.Contains(strings.Join(strings.Fields(screen), " "), "Make the window larger") && size[0] >= 22 {
			t.Errorf("%v: no message:\n%s", size, screen)
		}
		if strings.Contains(screen, "quits;") && !strings.Contains(screen, "saved.") {
			t.Errorf("%v: the message is cut:\n%s", size, screen)
		}
	}
}

// An item picked in the review returns to the review once answered, on the
// next item still open; walking on from it with → does not.
func TestAnswerPickedInReviewReturnsToIt(t *testing.T) {
	d := questionDriver(t, "dark", 100, 30)
	d.keys("v")
	if d.app.state != stateReview {
		t.Fatalf("v did not open the review (state %v)", d.app.state)
	}
	d.keys("down", "down", "enter") // item 3
	if d.app.state != stateQuestion || d.app.question.index != 2 {
		t.Fatalf("enter did not open item 3 (state %v, index %d)", d.app.state, d.app.question.index)
	}
	d.keys("1")
	if d.app.state != stateReview {
		t.Fatalf("after the answer: state %v, want the review", d.app.state)
	}
	if _, ok := d.app.a.Answers[d.app.a.Order[2]]; !ok {
		t.Error("the answer was not kept")
	}
	if d.app.review.cursor != 0 {
		t.Errorf("review cursor %d, want the first open item (0)", d.app.review.cursor)
	}
	d.keys("enter", "right")
	if d.app.state != stateQuestion || d.app.question.index != 1 {
		t.Errorf("→ from a picked item: state %v, index %d", d.app.state, d.app.question.index)
	}
}

// A resize re-wraps the guide; the reader stays at the same point of the
// text (the end stays the end), not at the same line number.
func TestReaderKeepsItsPlaceOnResize(t *testing.T) {
	d := newDriver(t, testStore(t), Start{Theme: "dark"}, 120, 40)
	d.keys("g", "enter")
	for range 3 {
		d.keys("pgdown")
	}
	before := float64(d.app.guides.vp.YOffset()) / float64(len(d.app.guides.lines))
	d.send(tea.WindowSizeMsg{Width: 70, Height: 22})
	after := float64(d.app.guides.vp.YOffset()) / float64(len(d.app.guides.lines))
	if before == 0 || after < before-0.05 || after > before+0.05 {
		t.Errorf("place in the text %.2f before the resize, %.2f after", before, after)
	}
	for range 200 {
		d.keys("pgdown")
	}
	d.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	if !d.app.guides.vp.AtBottom() {
		t.Errorf("at the end before the resize, at %d%% after", int(d.app.guides.vp.ScrollPercent()*100))
	}
}

// Resuming with another revision of the bank says so; another family is
// refused with the reason.
func TestResumeAcrossBankRevisions(t *testing.T) {
	s := testStore(t)
	b := testBank(t)
	a := model.NewAssessment(b, "20261102-093000-abc", time.Date(2026, 11, 2, 9, 30, 0, 0, time.UTC), model.LengthQuick, "")
	a.BankVersion = b.Version[:strings.LastIndex(b.Version, "-")] + "-0" // an earlier revision
	other := model.NewAssessment(b, "20261102-093000-def", a.Started, model.LengthQuick, "")
	other.BankVersion = "1999.01-1" // another family
	for _, x := range []*model.Assessment{a, other} {
		if err := s.Create(x); err != nil {
			t.Fatal(err)
		}
	}
	d := newDriver(t, s, Start{Theme: "dark", Action: "resume", ResumeID: a.ID}, 100, 30)
	if !strings.Contains(d.app.status, "began with question bank "+a.BankVersion+", goes on with "+b.Version) {
		t.Errorf("no notice of the revision: state %v, status %q", d.app.state, d.app.status)
	}
	d = newDriver(t, s, Start{Theme: "dark", Action: "resume", ResumeID: other.ID}, 100, 30)
	if !strings.Contains(d.app.status, "asks other questions") || d.app.a != nil {
		t.Errorf("another family was not refused: status %q", d.app.status)
	}
}
