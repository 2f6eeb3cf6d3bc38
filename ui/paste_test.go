package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/cxo-dev/cxo/model"
)

// noteDriver is on the first item of a new quick assessment with the note
// field open.
func noteDriver(t *testing.T) *driver {
	t.Helper()
	d := newDriver(t, testStore(t), Start{Action: "new", Length: model.LengthQuick}, 100, 30)
	d.keys("enter", "e")
	if !d.app.question.noting {
		t.Fatalf("e did not open the note:\n%s", d.screen())
	}
	return d
}

func storedNote(t *testing.T, d *driver) string {
	t.Helper()
	a, _, err := d.app.store.Load(d.app.a.ID)
	if err != nil {
		t.Fatal(err)
	}
	return a.Answers[a.Order[0]].Note
}

// A paste goes into the note as one line; the count shows; enter saves it.
func TestPasteIntoTheNote(t *testing.T) {
	d := noteDriver(t)
	d.send(tea.PasteMsg{Content: "ran the on-call rota\nfor two years\x1b]0;x\x07"})
	want := "ran the on-call rota for two years"
	if got := d.app.question.note.Value(); got != want {
		t.Fatalf("note after paste = %q, want %q", got, want)
	}
	if !strings.Contains(d.screen(), itoa(len(want))+"/2000") {
		t.Errorf("no count %d/2000 on screen:\n%s", len(want), d.screen())
	}
	d.keys("enter")
	if got := storedNote(t, d); got != want {
		t.Errorf("stored note %q, want %q", got, want)
	}
}

// A note holds 2,000 characters whole (it was cut at 200); a paste that
// would pass the limit is refused whole with the limit named, and so is a
// key typed at the limit.
func TestNoteLimitRefusesWhole(t *testing.T) {
	d := noteDriver(t)
	long := strings.Repeat("evidence ", 222)[:1990]
	d.send(tea.PasteMsg{Content: long})
	if got := d.app.question.note.Value(); got != long {
		t.Fatalf("a 1,990-character paste was changed to %d characters", len(got))
	}
	d.send(tea.PasteMsg{Content: "twenty more letters!"})
	if got := d.app.question.note.Value(); got != long {
		t.Errorf("a paste past the limit was cut in: %d characters", len(got))
	}
	if !strings.Contains(d.app.status, "Not pasted") || !strings.Contains(d.app.status, "2,000") || !strings.Contains(d.screen(), "Not pasted") {
		t.Errorf("no message naming the limit: %q", d.app.status)
	}
	d.send(tea.PasteMsg{Content: "ten chars!"})
	if got := d.app.question.note.Value(); len(got) != 2000 {
		t.Fatalf("a paste that fits exactly: %d characters", len(got))
	}
	d.keys("x")
	if got := d.app.question.note.Value(); len(got) != 2000 || !strings.Contains(d.app.status, "at most 2,000") {
		t.Errorf("a key past the limit: %d characters, status %q", len(got), d.app.status)
	}
	if !strings.Contains(d.screen(), "2000/2000") {
		t.Errorf("no full count on screen:\n%s", d.screen())
	}
	d.keys("enter")
	if got := storedNote(t, d); len(got) != 2000 {
		t.Errorf("stored note has %d characters, want all 2,000", len(got))
	}
}

// ctrl+c while a changed note is typed asks first; a second one quits.
func TestCtrlCAsksBeforeDroppingANote(t *testing.T) {
	d := noteDriver(t)
	d.keys("ctrl+c") // nothing typed: nothing to lose
	if !d.quit {
		t.Fatal("ctrl+c with an unchanged note did not quit")
	}
	d = noteDriver(t)
	d.send(tea.PasteMsg{Content: "led the migration"})
	d.keys("ctrl+c")
	if d.quit || !d.app.question.noting || !strings.Contains(d.app.status, "not saved") {
		t.Fatalf("ctrl+c dropped the note: quit %v, status %q", d.quit, d.app.status)
	}
	d.keys("ctrl+c")
	if !d.quit {
		t.Fatal("a second ctrl+c did not quit")
	}
	d = noteDriver(t)
	d.send(tea.PasteMsg{Content: "led the migration"})
	d.keys("ctrl+c", "enter")
	if d.quit || storedNote(t, d) != "led the migration" {
		t.Errorf("enter after the question did not save the note (quit %v)", d.quit)
	}
}

// Paste works in the export file name and the reader's search; elsewhere
// it answers nothing.
func TestPasteInEveryTextField(t *testing.T) {
	d := showResults(t, 100, 30)
	d.keys("e")
	out := filepath.Join(t.TempDir(), "pasted.md")
	d.app.export.input.SetValue("")
	d.send(tea.PasteMsg{Content: out})
	d.keys("enter")
	if _, err := os.Stat(out); err != nil {
		t.Errorf("the pasted file name was not used: %v (status %q)", err, d.app.status)
	}
	d.keys("e")
	before := d.app.export.input.Value()
	d.send(tea.PasteMsg{Content: strings.Repeat("x", 5000)})
	if d.app.export.input.Value() != before || !strings.Contains(d.app.status, "Not pasted") {
		t.Errorf("a paste past the file name's limit was not refused whole: status %q", d.app.status)
	}

	d = newDriver(t, testStore(t), Start{}, 100, 30)
	d.keys("g", "enter", "/")
	d.send(tea.PasteMsg{Content: "budget"})
	d.keys("enter")
	if len(d.app.guides.hits) == 0 {
		t.Errorf("a pasted search found nothing:\n%s", d.screen())
	}

	d = newDriver(t, testStore(t), Start{Action: "new", Length: model.LengthQuick}, 100, 30)
	d.keys("enter")
	d.send(tea.PasteMsg{Content: "1"})
	if d.app.question.index != 0 || d.app.a.Answers[d.app.a.Order[0]].Given() {
		t.Error("a paste on a question answered it")
	}
}
