package ui

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/cxo-dev/cxo/model"
)

// The terminal stays a terminal file to Bubble Tea on both ends (Fd,
// Name, Read, Close), and a key counts only when it was read after the
// first write that followed the screen being put up: keys of a burst read
// before that write do not, even when Update meets them after it.
func TestTerminalOrdersReadsAndWrites(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	f, err := os.Create(filepath.Join(t.TempDir(), "screen"))
	if err != nil {
		t.Fatal(err)
	}
	tty := NewTerminal(r, f)
	in, out := tty.Input(), tty.Output()
	var _ interface {
		io.ReadWriteCloser
		Fd() uintptr
		Name() string
	} = in // what Bubble Tea's cancelable reader asks of its input
	var _ interface {
		io.ReadWriteCloser
		Fd() uintptr
	} = out // what its terminal checks ask of the output
	if in.Fd() != r.Fd() || out.Fd() != f.Fd() || in.Name() != r.Name() {
		t.Errorf("the wrapped files lost their descriptors or names")
	}
	if len(tty.ProgramOptions()) != 2 || len(NewTerminal(nil, f).ProgramOptions()) != 1 {
		t.Errorf("program options: want output and input, or output alone")
	}
	key := func() {
		t.Helper()
		if _, err := w.Write([]byte("1")); err != nil {
			t.Fatal(err)
		}
		if _, err := in.Read(make([]byte, 8)); err != nil {
			t.Fatal(err)
		}
	}
	frame := func(s string) {
		t.Helper()
		if _, err := out.Write([]byte(s)); err != nil {
			t.Fatal(err)
		}
	}
	tty.putUp()
	key() // typed while the item was only in Update
	if tty.readAfterDrawn() {
		t.Fatal("a key read before any write counts as seen")
	}
	frame("") // nothing written: nothing drawn
	frame("item 2")
	if tty.readAfterDrawn() {
		t.Fatal("a key read before the item's frame counts once the frame is out")
	}
	key()
	frame("cursor") // later writes do not move the frame that drew the item
	if !tty.readAfterDrawn() {
		t.Fatal("a key read after the item's frame does not count")
	}
	tty.putUp()
	if tty.readAfterDrawn() {
		t.Fatal("a new item counts as drawn before any write")
	}
	// Where reads cannot be watched, the write alone counts.
	alone := NewTerminal(nil, f)
	alone.putUp()
	if alone.readAfterDrawn() {
		t.Fatal("unwatched input: seen before any write")
	}
	if _, err := alone.Output().Write([]byte("x")); err != nil || !alone.readAfterDrawn() {
		t.Fatalf("unwatched input: not seen after the write (%v)", err)
	}
}

// fakeTerminal stands for the terminal in Update-driven tests: drawn is
// set by the test when "the renderer wrote the screen and a key was read
// after".
type fakeTerminal struct{ drawn bool }

func (f *fakeTerminal) putUp()               { f.drawn = false }
func (f *fakeTerminal) readAfterDrawn() bool { return f.drawn }

// An answer key that arrives after its item was put up but before any
// frame carried it to the terminal answers nothing, and the status line
// counts it; once a frame has gone out the same key answers. Quitting is
// never held back.
func TestAnswerKeysWaitUntilTheItemIsDrawn(t *testing.T) {
	s := testStore(t)
	d := newDriver(t, s, Start{Action: "new", Length: model.LengthQuick}, 80, 24)
	a := d.app
	tty := &fakeTerminal{}
	a.sight.w = tty
	if a.state != stateIntro {
		t.Fatalf("state %v, want the first part's intro", a.state)
	}
	// The intro was put up before the counter was set: nothing drawn yet.
	d.keys("enter")
	if a.state != stateIntro {
		t.Fatalf("a key before the intro was drawn began the part (state %v)", a.state)
	}
	tty.drawn = true // the renderer wrote the intro
	d.keys("enter")
	if a.state != stateQuestion || a.question.index != 0 {
		t.Fatalf("state %v item %d, want item 1", a.state, a.question.index)
	}
	d.keys("1", "2")
	if stored, _, _ := s.Load(a.a.ID); len(stored.Answers) != 0 {
		t.Fatalf("keys before item 1 was drawn stored %d answers", len(stored.Answers))
	}
	if got := ansi.Strip(d.screen()); !strings.Contains(got, "ignored 2 keys typed before this screen was shown") {
		t.Errorf("the status line does not count the dropped keys:\n%s", got)
	}
	tty.drawn = true
	d.keys("1")
	if a.question.index != 1 {
		t.Fatalf("a key after item 1 was drawn did not answer it: on item %d", a.question.index)
	}
	if got := ansi.Strip(d.screen()); strings.Contains(got, "ignored") {
		t.Errorf("the count outlived its screen:\n%s", got)
	}
	d.keys("3") // item 2 is up, not yet drawn
	if stored, _, _ := s.Load(a.a.ID); len(stored.Answers) != 1 || stored.Answers[stored.Order[0]].Value != 1 {
		t.Fatalf("stored %v, want only item 1's answer", stored.Answers)
	}
	if got := ansi.Strip(d.screen()); !strings.Contains(got, "ignored 1 key typed") {
		t.Errorf("one dropped key:\n%s", got)
	}
	d.keys("q")
	if !d.quit {
		t.Error("q before the item was drawn did not quit")
	}
}

// The rater drops an answer typed during a save or before the next
// question was drawn, and says how many it dropped.
func TestRaterAnswersOnlyDrawnQuestions(t *testing.T) {
	s := testStore(t)
	m := NewRater(s, testInvitation(), nil, true)
	tty := &fakeTerminal{}
	m.sight.w = tty
	run := func(cmd tea.Cmd) {
		if cmd != nil {
			m.Update(cmd())
		}
	}
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	run(m.Init())
	if m.index != -1 {
		t.Fatalf("index %d, want the relationship question", m.index)
	}
	_, cmd := m.Update(keyMsg("3"))
	if cmd != nil || m.r.Relationship != "" {
		t.Fatalf("a key before the relationship question was drawn chose %q", m.r.Relationship)
	}
	tty.drawn = true
	_, cmd = m.Update(keyMsg("3"))
	if cmd == nil || !m.busy {
		t.Fatal("the relationship was not saved once drawn")
	}
	m.Update(keyMsg("4")) // typed during the save
	run(cmd)
	if m.index != 0 {
		t.Fatalf("index %d after the relationship, want item 1", m.index)
	}
	m.Update(keyMsg("5")) // item 1 is up but not drawn
	if _, ok := m.r.Answers["ops-1"]; ok {
		t.Fatal("a key typed before item 1 was drawn answered it")
	}
	if got := ansi.Strip(m.render()); !strings.Contains(got, "ignored 2 keys typed before this question was shown") {
		t.Errorf("the rater does not count the dropped key:\n%s", got)
	}
	tty.drawn = true
	_, cmd = m.Update(keyMsg("4"))
	run(cmd)
	if m.r.Answers["ops-1"] != 4 || m.index != 1 {
		t.Fatalf("after drawing: answers %v, index %d", m.r.Answers, m.index)
	}
	if got := ansi.Strip(m.render()); strings.Contains(got, "ignored") {
		t.Errorf("the count outlived its question:\n%s", got)
	}
}
