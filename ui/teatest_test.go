package ui

import (
	"bytes"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"
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
	wait("Part 1 of 3")
	tm.Send(keyMsg("enter"))
	wait("skip") // the question help line; the header reads the same on the intro
	// Typed without waiting: keys that arrive while an answer is being
	// written are queued, so all three answers land and then q quits.
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
	if answered, _ := stored.Progress(); answered != 3 || stored.Cursor != 3 {
		t.Errorf("stored %d answers with cursor %d, want 3 and 3", answered, stored.Cursor)
	}
	var _ tea.Model = final
}
