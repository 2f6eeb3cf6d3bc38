package ui

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxo-dev/cxo/model"
	"github.com/cxo-dev/cxo/store"
)

// The damaged-database screen says what is wrong once (not again on the
// status line) and the program reports it when it ends there.
func TestDamagedScreenSaysItOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cxo.db")
	if err := os.WriteFile(path, bytes.Repeat([]byte("not a database "), 400), 0o600); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, store.New(path, "test"), Start{}, 100, 30)
	if d.app.state != stateDamaged {
		t.Fatalf("not on the damaged screen:\n%s", d.screen())
	}
	if n := strings.Count(d.screen(), "cannot be read"); n != 1 {
		t.Errorf("the damage is told %d times:\n%s", n, d.screen())
	}
	d.keys("q")
	if !d.quit || d.app.Failure() == nil || !strings.Contains(d.app.Failure().Error(), path) {
		t.Errorf("quitting from the damaged screen: quit %v, failure %v", d.quit, d.app.Failure())
	}
}

// A folder at the database path gets the screen the CLI's words, not an
// empty home screen ("History 0 saved").
func TestFolderAtTheDatabasePathInTheTUI(t *testing.T) {
	dir := t.TempDir()
	d := newDriver(t, store.New(dir, "test"), Start{}, 100, 30)
	scr := d.screen()
	if d.app.state != stateDamaged || !strings.Contains(scr, "is a folder") || strings.Contains(scr, "History") || strings.Contains(scr, "move it aside") {
		t.Fatalf("a folder at the database path:\n%s", scr)
	}
	if d.app.Failure() == nil {
		t.Error("no failure to report on quitting")
	}
}

// resume on an empty database says there is none yet and how to start.
func TestResumeOnAnEmptyDatabase(t *testing.T) {
	s := testStore(t)
	d := newDriver(t, s, Start{Action: "resume"}, 100, 30)
	if st := d.app.status; !strings.Contains(st, "no assessment is saved in "+s.Path+" yet; press n to start one") {
		t.Errorf("TUI resume on an empty database: %q", st)
	}
	var out strings.Builder
	l := &Line{Store: s, Bank: testBank(t), In: bufio.NewReader(strings.NewReader("")), Out: &out, Command: "cxo --db x"}
	err := l.Run(Start{Action: "resume"})
	if err == nil || err.Error() != "nothing to resume: no assessment is saved in "+s.Path+" yet; run cxo --db x --accessible new to start one" {
		t.Errorf("line-mode resume on an empty database: %v", err)
	}
	// Once one is finished, the message says so.
	d = newDriver(t, s, Start{Action: "new", Length: model.LengthQuick}, 100, 30)
	a := d.app.a
	for _, id := range a.Order {
		a.Answers[id] = model.Answer{Skipped: true}
	}
	if _, err := s.Finish(d.app.bank, a); err != nil {
		t.Fatal(err)
	}
	d = newDriver(t, s, Start{Action: "resume"}, 100, 30)
	if st := d.app.status; !strings.Contains(st, "is finished") {
		t.Errorf("TUI resume with everything finished: %q", st)
	}
}
