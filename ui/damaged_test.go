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

func TestDamagedDatabaseIsExplainedAndMovedAsideOnRequest(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cxo.db")
	junk := bytes.Repeat([]byte("not a database "), 400)
	if err := os.WriteFile(path, junk, 0o600); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, store.New(path, "test"), Start{}, 80, 24)
	if d.app.state != stateDamaged || !strings.Contains(d.screen(), path) {
		t.Fatalf("no damaged-database screen naming the file:\n%s", d.screen())
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, junk) {
		t.Fatal("the damaged file was changed before the user agreed")
	}
	d.keys("n", "esc", "enter") // nothing but m acts here
	if d.app.state != stateDamaged {
		t.Fatal("left the damaged screen without a decision")
	}
	d.keys("m")
	if d.app.state != stateHome || !strings.Contains(d.app.status, ".corrupt-") {
		t.Fatalf("m did not move it aside: state %v status %q", d.app.state, d.app.status)
	}
	matches, _ := filepath.Glob(path + ".corrupt-*")
	if len(matches) != 1 {
		t.Fatalf("moved-aside files: %v", matches)
	}
	if got, _ := os.ReadFile(matches[0]); !bytes.Equal(got, junk) {
		t.Fatal("the moved-aside file's bytes changed")
	}
	d.keys("n", "enter")
	if d.app.a == nil {
		t.Fatalf("could not start fresh after moving it aside: %q", d.app.status)
	}
}

func TestCleanStartKeepsALastGoodCopy(t *testing.T) {
	s := testStore(t)
	d := newDriver(t, s, Start{Action: "new", Length: "quick"}, 80, 24)
	d.keys("enter", "1")
	newDriver(t, s, Start{}, 80, 24)
	if _, err := os.Stat(store.BackupPath(s.Path)); err != nil {
		t.Fatalf("no last-good copy after a clean start: %v", err)
	}
}

// A damaged file with a last good copy beside it: the screen says how to
// restore the copy.
func TestDamagedScreenPointsToTheLastGoodCopy(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cxo.db")
	if err := os.WriteFile(path, bytes.Repeat([]byte("junk "), 2000), 0o600); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, store.New(path, "test"), Start{}, 100, 30)
	if strings.Contains(d.screen(), "last good copy") {
		t.Errorf("a restore hint with no copy to restore:\n%s", d.screen())
	}
	if err := os.WriteFile(store.BackupPath(path), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	d = newDriver(t, store.New(path, "test"), Start{}, 100, 30)
	if d.app.state != stateDamaged || !strings.Contains(d.screen(), "A last good copy exists") {
		t.Errorf("no restore hint beside a last good copy:\n%s", d.screen())
	}
}

// With single stored values damaged, the problem screen offers to go on
// with what is sound: the assessments the damage does not touch open and
// take answers; the damaged one says so when opened.
func TestGoOnWithWhatIsSound(t *testing.T) {
	path, damagedID, soundID := oneSoundOneDamaged(t)
	d := newDriver(t, store.New(path, "test"), Start{Theme: "dark"}, 80, 24)
	if d.app.state != stateDamaged || !strings.Contains(d.screen(), "The database is damaged") || !strings.Contains(d.screen(), "c go on") {
		t.Fatalf("state %v:\n%s", d.app.state, d.screen())
	}
	d.keys("c")
	if d.app.state != stateHome || !strings.Contains(d.app.status, "what is sound opens") {
		t.Fatalf("c: state %v, status %q", d.app.state, d.app.status)
	}
	if d.app.Failure() != nil {
		t.Errorf("going on still ends in failure: %v", d.app.Failure())
	}
	d.keys("h")
	if !d.app.damagedIDs[damagedID] || d.app.damagedIDs[soundID] || strings.Count(d.screen(), "damaged (cxo check names it)") != 1 {
		t.Errorf("the history does not mark the damaged assessment:\n%s", d.screen())
	}
	d = newDriver(t, store.New(path, "test"), Start{Action: ActionResume, ResumeID: soundID}, 80, 24)
	if d.app.a == nil || d.app.a.ID != soundID || (d.app.state != stateQuestion && d.app.state != stateIntro) {
		t.Fatalf("the sound assessment does not open: state %v, status %q", d.app.state, d.app.status)
	}
	d.keys("enter", "2")
	if a, _, err := store.New(path, "test").Load(soundID); err != nil || len(a.Answers) < 2 {
		t.Errorf("the sound assessment does not take answers: %v %v", a, err)
	}
}

// The repair hint names the database it is about: a --db file gets --db in
// the command to paste, the default one none.
func TestRepairHintNamesTheDatabase(t *testing.T) {
	err := &store.DamagedError{Path: "/tmp/x/dmg.db", Repair: true}
	if got := repairHint(err, "/tmp/x/dmg.db"); !strings.Contains(got, "run cxo --db '/tmp/x/dmg.db' check --repair") && !strings.Contains(got, "run cxo --db /tmp/x/dmg.db check --repair") {
		t.Errorf("a --db file: %q", got)
	}
	if got := repairHint(err, store.DefaultPath()); !strings.Contains(got, "run cxo check --repair") {
		t.Errorf("the default file: %q", got)
	}
}

// The line mode goes on with what is sound as the full screen's c does:
// it says the file is damaged and resumes an assessment the damage does
// not touch.
func TestLineModeGoesOnWithWhatIsSound(t *testing.T) {
	path, _, soundID := oneSoundOneDamaged(t)
	var out strings.Builder
	l := &Line{Store: store.New(path, "test"), Bank: testBank(t), In: bufio.NewReader(strings.NewReader("2\nq\n")), Out: &out, Command: "cxo --db x.db"}
	if err := l.Run(Start{Action: ActionResume, ResumeID: soundID}); err != nil {
		t.Fatalf("line mode on a file with one damaged value: %v\n%s", err, out.String())
	}
	if !strings.Contains(out.String(), "Note: database") || !strings.Contains(out.String(), "cxo --db x.db check --repair") || !strings.Contains(out.String(), "Resuming "+soundID) {
		t.Errorf("line mode:\n%s", out.String())
	}
	if a, _, err := store.New(path, "test").Load(soundID); err != nil || len(a.Answers) != 2 {
		t.Errorf("the sound assessment did not take the answer: %v", err)
	}
}

// oneSoundOneDamaged stores two assessments with one answer each and
// damages the first one's resume position.
func oneSoundOneDamaged(t *testing.T) (path, damagedID, soundID string) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "cxo.db")
	var ids []string
	for range 2 {
		d := newDriver(t, store.New(path, "test"), Start{Action: "new", Length: model.LengthQuick}, 80, 24)
		d.keys("enter", "1", "q")
		ids = append(ids, d.app.a.ID)
	}
	damageCursor(t, path, ids[0])
	return path, ids[0], ids[1]
}
