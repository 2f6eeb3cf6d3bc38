package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxo-dev/cxo/store"
)

// README's line-mode example works whatever items the assessment draws
// first (the order is seeded by the id, so it is run a few times).
func TestReadmeLineModeExampleWorks(t *testing.T) {
	data, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	var line string
	for _, l := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(l, "printf '") && strings.Contains(l, "| cxo --accessible") {
			line = l
		}
	}
	if line == "" {
		t.Fatal("README has no line-mode example")
	}
	quoted := line[len("printf '") : strings.Index(line[len("printf '"):], "'")+len("printf '")]
	input := strings.ReplaceAll(quoted, `\n`, "\n")
	args := strings.Fields(line[strings.Index(line, "| cxo ")+len("| cxo "):])
	answers := strings.Count(input, "\n")
	for i := range 6 {
		db := filepath.Join(t.TempDir(), "cxo.db")
		r := cxo(t, input, append([]string{"--db", db}, args...)...)
		if r.code != 0 || strings.Contains(r.stdout, "this item takes") {
			t.Fatalf("run %d: %q exits %d:\n%s%s", i, line, r.code, r.stdout, r.stderr)
		}
		if got := listAnswered(t, db); got != answers {
			t.Errorf("run %d: %d answers saved, want %d:\n%s", i, got, answers, r.stdout)
		}
	}
}

func listAnswered(t *testing.T, db string) int {
	t.Helper()
	list, _, err := store.New(db, "test").List()
	if err != nil || len(list) != 1 {
		t.Fatalf("list: %v, %v", list, err)
	}
	return list[0].Answered
}
