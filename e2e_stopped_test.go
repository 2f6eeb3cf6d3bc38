//go:build unix

package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cxo-dev/cxo/store"
)

// q in the middle of an assessment leaves one line once the screen is
// gone: where it stopped, that the answers are saved, and the exact resume
// command with the --db given. ctrl+c on the home screen leaves none.
func TestE2EQuitSaysHowToResume(t *testing.T) {
	e := newE2EEnv(t)
	db := filepath.Join(e.work, "my data.db")
	s := startCxo(t, e, "--db", db)
	total := beginQuick(t, s)
	answerOne(t, s, 1, total)
	s.send(t, "q")
	if code := s.waitExit(t, e2eWait); code != 0 {
		t.Fatalf("q exits %d", code)
	}
	id := onlyID(t, db)
	want := fmt.Sprintf("Stopped at item 2 of %d; every answer so far is saved. Resume with: cxo --db %s resume %s", total, store.ShellQuote(db), id)
	// The line follows the screen's restore; the pty may still hold it.
	deadline := time.Now().Add(e2eWait)
	for !strings.Contains(strings.ReplaceAll(s.screen(), "\n", ""), want) && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if got := strings.ReplaceAll(s.screen(), "\n", ""); !strings.Contains(got, want) {
		t.Errorf("after q, want %q on the terminal:\n%s", want, s.screen())
	}

	s = startCxo(t, e, "--db", db)
	s.waitFor(t, "New assessment", e2eWait)
	s.send(t, "\x03")
	if code := s.waitExit(t, e2eWait); code != 0 {
		t.Fatalf("ctrl+c exits %d", code)
	}
	if strings.Contains(s.screen(), "Stopped") {
		t.Errorf("ctrl+c on the home screen said it stopped an assessment:\n%s", s.screen())
	}
}

func onlyID(t *testing.T, db string) string {
	t.Helper()
	list, _, err := store.New(db, "test").List()
	if err != nil || len(list) == 0 {
		t.Fatalf("list %v: %v", list, err)
	}
	return list[0].ID
}
