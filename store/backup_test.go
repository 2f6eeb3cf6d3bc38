package store

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/adrg/xdg"
)

// Each start after a change keeps a new last-good copy and moves the older
// ones down: .bak (newest), .bak.1, .bak.2; the oldest beyond that goes.
func TestBackupKeepsThreeGenerations(t *testing.T) {
	path, as := finishedDB(t)
	s := New(path, "cxo test")
	var states []string // the database's contents after each change
	for i := range 4 {
		if err := s.SaveCursor(as[0].ID, i); err != nil {
			t.Fatal(err)
		}
		states = append(states, strings.Join(dumpAll(t, path), "\n"))
		if _, err := s.Backup(); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Backup(); err != nil { // nothing changed: no rotation
			t.Fatal(err)
		}
	}
	gens := BackupGenerations(path)
	for i, g := range gens {
		want := states[len(states)-1-i]
		if got := strings.Join(dumpAll(t, g), "\n"); got != want {
			t.Errorf("%s holds the wrong state (generation %d)", g, i)
		}
		if fi, err := os.Stat(g); err != nil || (runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600) {
			t.Errorf("%s: %v, %v", g, fi, err)
		}
		if err := New(g, "").Check(); err != nil {
			t.Errorf("%s fails the check: %v", g, err)
		}
	}
	if _, err := os.Stat(gens[2] + ".3"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a fourth generation was kept")
	}
	if leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".*tmp*")); len(leftovers) > 0 {
		t.Errorf("temporary files left behind: %v", leftovers)
	}

	// A damaged file rotates nothing: every good copy stays as it was.
	sums := map[string]string{}
	for _, g := range gens {
		sums[g] = fileSum(t, g)
	}
	flipInValue(t, path, 2, []byte(as[1].Order[0]), bucketAssessments, []byte(as[1].ID), bucketAnswers)
	if _, err := s.Backup(); err == nil {
		t.Fatalf("Backup of a damaged file succeeded")
	}
	for _, g := range gens {
		if fileSum(t, g) != sums[g] {
			t.Errorf("%s changed when the file was found damaged", g)
		}
	}
}

// A start removes the temporary copies an interrupted start left (each as
// large as the database), but not one another cxo is writing right now,
// nor files that are not cxo's.
func TestStaleTemporaryCopiesAreRemovedAtStart(t *testing.T) {
	path, _ := finishedDB(t)
	dir := filepath.Dir(path)
	old := time.Now().Add(-time.Hour)
	stale := []string{".cxo.db.bak.tmp-123", ".cxo.db.bak.1.tmp-9", ".cxo.db.pre-v3.tmp-77", ".cxo.db.repair.tmp-5"}
	kept := []string{".cxo.db.bak.tmp-fresh", ".other.db.bak.tmp-1", "cxo.db.bak.tmp-1", ".cxo.db.export.tmp-1", ".cxo.db.notes.tmp-1"}
	for _, name := range append(stale, kept...) {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("half a copy"), 0o600); err != nil {
			t.Fatal(err)
		}
		if name != ".cxo.db.bak.tmp-fresh" {
			os.Chtimes(p, old, old)
		}
	}
	if _, err := New(path, "").Backup(); err != nil {
		t.Fatal(err)
	}
	for _, name := range stale {
		if _, err := os.Stat(filepath.Join(dir, name)); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s was not removed", name)
		}
	}
	for _, name := range kept {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("%s was removed: %v", name, err)
		}
	}
}

// A database, copies and data folder left readable by others (an older
// cxo, a cp, a umask) are tightened at start; the copies never inherit a
// loose mode; a folder the user chose is left alone.
func TestLooseModesAreTightened(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("modes do not control access on Windows")
	}
	dir := t.TempDir()
	t.Cleanup(xdg.Reload)
	t.Setenv("XDG_DATA_HOME", dir)
	xdg.Reload()
	path := DefaultPath()
	if err := New(path, "").Create(newAssessment(t, testBank(t), "20261123-170811-a3f")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(BackupPath(path)+".1", mustRead(t, path), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Chmod(BackupPath(path)+".1", 0o644)
	os.Chmod(path, 0o644)
	os.Chmod(filepath.Dir(path), 0o755)
	s := New(path, "")
	if _, err := s.Backup(); err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]os.FileMode{filepath.Dir(path): 0o700, path: 0o600, BackupPath(path): 0o600, BackupPath(path) + ".1": 0o600} {
		if fi, err := os.Stat(p); err != nil || fi.Mode().Perm() != want {
			t.Errorf("%s: %v, %v; want %v", p, fi, err, want)
		}
	}

	// A folder of the user's own choosing keeps its mode; the file is
	// still cxo's.
	own := filepath.Join(t.TempDir(), "shared")
	os.Mkdir(own, 0o755)
	other := filepath.Join(own, "cxo.db")
	if err := New(other, "").SaveSetting("k", "v"); err != nil {
		t.Fatal(err)
	}
	os.Chmod(other, 0o640)
	if notes := New(other, "").Tighten(); len(notes) != 0 {
		t.Errorf("notes = %q", notes)
	}
	if fi, _ := os.Stat(own); fi.Mode().Perm() != 0o755 {
		t.Errorf("a folder the user chose was changed to %v", fi.Mode())
	}
	if fi, _ := os.Stat(other); fi.Mode().Perm() != 0o600 {
		t.Errorf("the database in it is %v, want 0600", fi.Mode())
	}

	// --db pointing at a folder by mistake: the folder is not tightened.
	folder := filepath.Join(own, "not-a-db")
	os.Mkdir(folder, 0o755)
	New(folder, "").Tighten()
	if fi, _ := os.Stat(folder); fi.Mode().Perm() != 0o755 {
		t.Errorf("a folder given as the database was changed to %v", fi.Mode())
	}
}

// What cannot be tightened is said, in one line naming the file and the
// command to run.
func TestTightenSaysWhyItCannot(t *testing.T) {
	if runtime.GOOS == "windows" || os.Geteuid() == 0 {
		t.Skip("needs a file this user does not own (root owns all)")
	}
	if _, err := os.Stat("/etc/hostname"); err != nil {
		t.Skip("no file owned by another user to try")
	}
	s := New("/etc/hostname", "")
	fi, _ := os.Stat(s.Path)
	if fi.Mode().Perm()&0o077 == 0 {
		t.Skip("/etc/hostname is tight already")
	}
	notes := s.Tighten()
	if len(notes) != 1 || !strings.Contains(notes[0], "/etc/hostname") || !strings.Contains(notes[0], "chmod 0600") || strings.Contains(notes[0], "\n") {
		t.Errorf("notes = %q", notes)
	}
}
