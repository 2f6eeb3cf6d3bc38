package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/cxo-dev/cxo/store"
)

// A whole program run through teatest: the real Bubble Tea loop, commands
// and all, from the home screen to three saved answers and quit.
func TestTeatestNewAnswerQuit(t *testing.T) {
	s := testStore(t)
	tm := teatest.NewTestModel(t, New(s, testBank(t), "test", Start{Theme: "dark"}), teatest.WithInitialTermSize(80, 24))
	wait := func(text string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(text)) },
			teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
	}
	wait("New assessment")
	tm.Send(keyMsg("n"))
	wait("Let my answers decide")
	tm.Send(keyMsg("enter"))
	wait("Part 1 of 2")
	tm.Send(keyMsg("enter"))
	wait("skip") // the question help line; the header reads the same on the intro
	// Typed without waiting: answer keys that arrive while an answer is
	// being written (before the next item is drawn) are dropped, never
	// answering an unseen item; q still quits after the write.
	for _, k := range []string{"1", "2", "1", "q"} {
		tm.Send(keyMsg(k))
	}
	final := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(*App)
	if final.a == nil {
		t.Fatal("no assessment in the final model")
	}
	stored, _, err := s.Load(final.a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if answered, _ := stored.Progress(); answered < 1 || answered > 3 || stored.Cursor != answered {
		t.Errorf("stored %d answers with cursor %d, want 1-3 answers and the cursor after them", answered, stored.Cursor)
	}
	var _ tea.Model = final
}

// teaFlow runs the real program on a store and offers a wait on its output.
type teaFlow struct {
	t  *testing.T
	tm *teatest.TestModel
}

func newTeaFlow(t *testing.T, s *store.Store, w, h int) *teaFlow {
	tm := teatest.NewTestModel(t, New(s, testBank(t), "test", Start{Theme: "dark"}), teatest.WithInitialTermSize(w, h))
	f := &teaFlow{t: t, tm: tm}
	f.wait("New assessment")
	return f
}

func (f *teaFlow) wait(text string) {
	f.t.Helper()
	teatest.WaitFor(f.t, f.tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(text)) },
		teatest.WithDuration(30*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
}

func (f *teaFlow) keys(keys ...string) {
	for _, k := range keys {
		f.tm.Send(keyMsg(k))
	}
}

func (f *teaFlow) quit() *App {
	f.keys("q")
	return f.tm.FinalModel(f.t, teatest.WithFinalTimeout(10*time.Second)).(*App)
}

func TestTeatestGuidesReaderSearch(t *testing.T) {
	f := newTeaFlow(t, testStore(t), 100, 30)
	f.keys("g")
	f.wait("cxo guide cto-role")
	f.keys("down", "down", "enter")
	f.wait("Shared ground") // CIO and CTO, rendered by glamour in a command
	f.keys("/")
	for _, r := range "raci" {
		f.keys(string(r))
	}
	f.keys("enter")
	f.wait("of 3 for \"raci\"")
	if app := f.quit(); len(app.guides.hits) == 0 {
		t.Error("no hits recorded")
	}
}

func TestTeatestHistoryResultsExport(t *testing.T) {
	s := testStore(t)
	a, _ := finishedAssessment(t, "20261102-093000-abc", 1)
	storeFinished(t, s, a)
	dir := t.TempDir()
	out := filepath.Join(dir, "me.md")
	f := newTeaFlow(t, s, 100, 30)
	f.keys("h")
	f.wait("20261102-093000-abc")
	f.keys("enter")
	f.wait("1 Lean")
	f.keys("tab")
	f.wait("Operational skills")
	f.keys("tab")
	f.wait("Gaps and plan")
	f.keys("tab")
	f.wait("Answer quality")
	f.keys("e")
	f.wait("File:")
	for i := 0; i < 40; i++ {
		f.tm.Send(tea.KeyPressMsg{Code: tea.KeyBackspace})
	}
	for _, r := range out {
		f.keys(string(r))
	}
	f.keys("enter")
	f.wait("exported to")
	f.quit()
	data, err := os.ReadFile(out)
	if err != nil || !strings.Contains(string(data), "## Appendix") {
		t.Fatalf("export: %v", err)
	}
	if fi, _ := os.Stat(out); fi.Mode().Perm() != 0o600 {
		t.Errorf("export mode %v", fi.Mode().Perm())
	}
}

// The review after one answer and one skip, then finish. (Driven through
// Update: keys typed before their item is drawn answer nothing, and the
// real program's renderer redraws only changed cells, so a wait on the
// terminal output cannot tell one item from the next.)
func TestTeatestReviewJumpAndFinish(t *testing.T) {
	d := newDriver(t, testStore(t), Start{Theme: "dark"}, 100, 30)
	d.keys("n", "enter", "enter", "1", "s", "v")
	if d.app.state != stateReview {
		t.Fatalf("v did not open the review (state %v)", d.app.state)
	}
	d.keys("f")
	if d.app.state != stateResults {
		t.Fatalf("f did not show the results (state %v)", d.app.state)
	}
	if d.app.res.Answered != 1 || d.app.res.Skipped < 1 {
		t.Errorf("finished with %d answered, %d skipped", d.app.res.Answered, d.app.res.Skipped)
	}
}

func TestTeatestCompare(t *testing.T) {
	s := testStore(t)
	for i, id := range []string{"20261001-090000-aaa", "20261102-090000-bbb"} {
		a, _ := finishedAssessment(t, id, i*2)
		a.Started = a.Started.AddDate(0, i, 0)
		storeFinished(t, s, a)
	}
	f := newTeaFlow(t, s, 100, 30)
	f.keys("h")
	f.wait("20261102-090000-bbb")
	f.keys("enter")
	f.wait("1 Lean")
	f.keys("c")
	f.wait("enter compare") // the picker's help line
	f.keys("enter")
	f.wait("within the bands")
	if app := f.quit(); app.state != stateCompare {
		t.Errorf("ended on state %v", app.state)
	}
}

func TestTeatestDamagedDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cxo.db")
	if err := os.WriteFile(path, bytes.Repeat([]byte("junk "), 2000), 0o600); err != nil {
		t.Fatal(err)
	}
	tm := teatest.NewTestModel(t, New(store.New(path, "test"), testBank(t), "test", Start{Theme: "dark"}), teatest.WithInitialTermSize(80, 24))
	f := &teaFlow{t: t, tm: tm}
	f.wait("cannot be used")
	f.keys("m")
	f.wait("starting fresh")
	f.quit()
	if matches, _ := filepath.Glob(path + ".corrupt-*"); len(matches) != 1 {
		t.Errorf("moved aside: %v", matches)
	}
}
