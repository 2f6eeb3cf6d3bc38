package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxo-dev/cxo/store"
)

// cxo delete and delete --all remove the answers' text from the database
// file and its last-good copy, and say so; --all asks like delete does.
func TestDeleteCommandsLeaveNoTrace(t *testing.T) {
	dir := isolate(t)
	db := filepath.Join(dir, "cxo.db")
	if r := cxo(t, "", "--db", db, "delete", "--all", "--yes"); r.code != 0 || !strings.Contains(r.stderr, "no assessments") {
		t.Errorf("delete --all with no database: %d %q", r.code, r.stderr)
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("delete --all created a database: %v", err)
	}
	notes := []string{"FIRST-SECRET-NOTE-91c", "SECOND-SECRET-NOTE-5e0"}
	for _, n := range notes {
		// An evidence note, then an answer, then stop.
		if r := cxo(t, "e "+n+"\n1\n", "--db", db, "--accessible", "new", "--quick"); r.code != 0 {
			t.Fatalf("new: %d %q", r.code, r.stderr)
		}
	}
	if r := cxo(t, "", "--db", db, "check"); r.code != 0 {
		t.Fatalf("check: %d %q", r.code, r.stderr)
	}
	holds := func(path, text string) bool {
		data, _ := os.ReadFile(path)
		return bytes.Contains(data, []byte(text))
	}
	files := []string{db, store.BackupPath(db)}
	for _, f := range files {
		for _, n := range notes {
			if !holds(f, n) {
				t.Fatalf("%s does not hold %s before deleting: the test proves nothing", f, n)
			}
		}
	}
	list, _, _ := store.New(db, "t").List()
	var first string
	for _, x := range list {
		if a, _, _ := store.New(db, "t").Load(x.ID); a != nil {
			for _, ans := range a.Answers {
				if ans.Note == notes[0] {
					first = x.ID
				}
			}
		}
	}
	if first == "" {
		t.Fatal("the first note was not stored")
	}
	r := cxo(t, "", "--db", db, "delete", first, "--yes")
	if r.code != 0 || !strings.Contains(r.stderr, "deleted "+first) || !strings.Contains(r.stderr, "last-good cop") {
		t.Fatalf("delete: %d %q", r.code, r.stderr)
	}
	for _, f := range files {
		if holds(f, notes[0]) || !holds(f, notes[1]) {
			t.Errorf("after delete, %s: first note there %v, second %v", f, holds(f, notes[0]), holds(f, notes[1]))
		}
	}
	if r := cxo(t, "", "--db", db, "delete", "--all"); r.code != 2 || !strings.Contains(r.stderr, "--yes") {
		t.Errorf("delete --all without --yes: %d %q", r.code, r.stderr)
	}
	if r := cxo(t, "", "--db", db, "delete", "--all", first); r.code != 2 {
		t.Errorf("delete --all with an id: %d %q", r.code, r.stderr)
	}
	if r := cxo(t, "", "--db", db, "delete", "--all", "--yes"); r.code != 0 || !strings.Contains(r.stderr, "deleted every assessment") {
		t.Fatalf("delete --all --yes: %d %q", r.code, r.stderr)
	}
	for _, f := range files {
		if holds(f, notes[1]) {
			t.Errorf("after delete --all, %s still holds the second note", f)
		}
	}
	if r := cxo(t, "", "--db", db, "list"); r.code != 0 || !strings.Contains(r.stdout, "No assessments yet") {
		t.Errorf("list after delete --all: %d %q", r.code, r.stdout)
	}
}
