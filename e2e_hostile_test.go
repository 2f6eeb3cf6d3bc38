//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/cxo-dev/cxo/store"
)

// On a real terminal, a hostile bank or id is refused in one line with its
// control characters written out: nothing reaches the terminal raw, in the
// line mode or the full-screen one.
func TestE2EHostileInputIsWrittenOut(t *testing.T) {
	e := newE2EEnv(t)
	path, _ := hostileBank(t)
	for _, args := range [][]string{
		{"--bank", path, "--accessible", "new"},
		{"--bank", path, "new"},
		{"--bank", path, "bank", "check", path},
		{"--accessible", "resume", "id\x1b]0;pwned\x07\u202e"},
		{"resume", "id\x1b]0;pwned\x07\u202e"},
	} {
		out, code := runInPty(t, e, "", args...)
		noControls(t, strings.Join(args, " "), strings.ReplaceAll(string(out), "\r\n", "\n"))
		if code != 1 || !strings.HasPrefix(string(out), "cxo: ") {
			t.Errorf("cxo %q: exit %d, wrote %q; want one error line and exit 1", args, code, out)
		}
	}
	out, _ := runInPty(t, e, "", "--accessible", "resume", "id\x1b]0;pwned\x07\u202e")
	if !strings.Contains(string(out), `id\x1b]0;pwned\x07\u202e`) {
		t.Errorf("the id is not shown written out: %q", out)
	}
}

// A named pipe given as the bank is refused at once; reading it would
// wait for a writer for ever.
func TestBankThatIsANamedPipe(t *testing.T) {
	dir := isolate(t)
	fifo := filepath.Join(dir, "bank.fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	for _, args := range [][]string{{"bank", "check", fifo}, {"--bank", fifo, "list"}} {
		r := cxo(t, "", args...)
		if r.code != 1 || !strings.Contains(r.stderr, "not a regular file") {
			t.Errorf("cxo %v: exit %d, stderr %q", args, r.code, r.stderr)
		}
	}
}

// A device at the database path is refused by every command in the same
// words: not "No assessments yet" from list, "no database yet" from check
// and a damaged file (to move aside!) from new.
func TestDeviceAtTheDatabasePath(t *testing.T) {
	isolate(t)
	for _, dev := range []string{"/dev/null", "/dev/zero"} {
		if _, err := os.Stat(dev); err != nil {
			continue
		}
		for _, args := range [][]string{{"list"}, {"check"}, {"--accessible", "new"}, {"--accessible", "resume"}, {"export"}, {"new"}} {
			r := cxo(t, "q\n", append([]string{"--db", dev}, args...)...)
			want := "cxo: " + dev + " is a device (character special file), not a database file; cxo keeps its database in a regular file; point --db or CXO_DB at one (or at a name not yet taken)\n"
			if r.code != 1 || r.stderr != want || r.stdout != "" {
				t.Errorf("--db %s %v: exit %d, stdout %q, stderr %q; want %q", dev, args, r.code, r.stdout, r.stderr, want)
			}
		}
	}
}

// Quitting the TUI from the damaged-database screen leaves the reason on
// the terminal, once, and exits 1 like the command line.
func TestE2EDamagedScreenExitsOne(t *testing.T) {
	e := newE2EEnv(t)
	if err := os.MkdirAll(filepath.Dir(e.dbPath()), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(e.dbPath(), []byte(strings.Repeat("not a database ", 400)), 0o600); err != nil {
		t.Fatal(err)
	}
	s := startCxo(t, e)
	s.waitFor(t, "The database cannot be used", e2eWait)
	s.send(t, "q")
	if code := s.waitExit(t, e2eWait); code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	scr := s.waitFor(t, "cxo: database", e2eWait)
	if n := strings.Count(scr, "cannot be read"); n != 1 {
		t.Errorf("the reason is on the terminal %d times:\n%s", n, scr)
	}
}

// A bracketed paste on a real terminal goes into the evidence note whole,
// as one line, and is saved with the item.
func TestE2EPasteIntoTheNote(t *testing.T) {
	e := newE2EEnv(t)
	s := startCxo(t, e)
	beginQuick(t, s)
	s.send(t, "e")
	s.waitFor(t, "0/2000", e2eWait)
	s.send(t, "\x1b[200~led the\nmigration\x1b[201~")
	s.waitFor(t, "17/2000", e2eWait)
	s.send(t, "\r")
	s.waitFor(t, "Evidence: led the migration", e2eWait)
	s.send(t, "q")
	s.waitExit(t, e2eWait)
	list, _, err := store.New(e.dbPath(), "test").List()
	if err != nil || len(list) != 1 {
		t.Fatalf("list: %v %v", list, err)
	}
	a, _, err := store.New(e.dbPath(), "test").Load(list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := a.Answers[a.Order[0]].Note; got != "led the migration" {
		t.Errorf("stored note %q", got)
	}
}
