package store

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/cxo-dev/cxo/model"
)

// testdata/schema2.db is a file as cxo wrote it at schema 2, before values
// carried checksums: the schema 1 fixture migrated by the schema 2 code
// (commit 853dcc8), with the setting length=quick and one more answer
// (ops-likert-2 of the in-progress assessment) saved through it. It is
// frozen: the current code cannot write schema 2 any more.
const schema2Fixture = "testdata/schema2.db"

func copySchema2(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(schema2Fixture)
	if err != nil {
		t.Fatalf("the schema 2 fixture: %v", err)
	}
	path := filepath.Join(t.TempDir(), "cxo.db")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// exports is the Markdown export of each fixture assessment.
func exports(t *testing.T, s *Store) map[string]string {
	t.Helper()
	bank := testBank(t)
	out := map[string]string{}
	for _, id := range []string{fixtureFinished, fixtureInProgress} {
		a, res, err := s.LoadWithResult(bank, id)
		if err != nil {
			t.Fatalf("LoadWithResult %s: %v", id, err)
		}
		out[id] = model.Markdown(bank, model.BuildReport(bank, a, res))
	}
	return out
}

func TestSchema2FixtureOpensAndMigrates(t *testing.T) {
	path := copySchema2(t)
	sum := fileSum(t, path)
	s := New(path, "cxo test")
	if v := metaValue(t, path, keySchema); v != "2" {
		t.Fatalf("the fixture is at schema %s, want 2", v)
	}
	if err := s.Check(); err != nil {
		t.Fatalf("Check on schema 2: %v", err)
	}
	before := exports(t, s)
	a, skipped, err := s.Load(fixtureInProgress)
	if err != nil || len(skipped) > 0 || a.Answers["ops-likert-2"].Note != "saved at schema 2" || len(a.Answers) != 5 {
		t.Fatalf("Load on schema 2 = %+v, %v, %v", a, skipped, err)
	}
	if v, err := s.Setting("length"); v != "quick" || err != nil {
		t.Errorf("Setting on schema 2 = %q, %v", v, err)
	}
	if fileSum(t, path) != sum {
		t.Fatalf("reading the schema 2 file changed it")
	}

	// The first write seals every value; everything reads and exports as
	// before, and the check (which verifies every checksum) passes.
	if err := s.SaveCursor(fixtureInProgress, 2); err != nil {
		t.Fatalf("the first write on schema 2: %v", err)
	}
	if v := metaValue(t, path, keySchema); v != strconv.Itoa(SchemaVersion) {
		t.Fatalf("schema after the first write = %s, want %d", v, SchemaVersion)
	}
	if err := New(path, "").Check(); err != nil {
		t.Fatalf("Check after sealing: %v", err)
	}
	after := exports(t, New(path, ""))
	for id, md := range before {
		if after[id] != md {
			t.Errorf("%s exports differently after the migration:\n%s\n----\n%s", id, md, after[id])
		}
	}
	if v, err := s.Setting("length"); v != "quick" || err != nil {
		t.Errorf("Setting after sealing = %q, %v", v, err)
	}
	for _, line := range dumpAll(t, path) {
		_, v, isValue := strings.Cut(line, "=")
		if isValue && !strings.HasPrefix(line, "meta/") && (len(v) < sealLen || v[len(v)-sealLen] != 0) {
			t.Errorf("a value was left unsealed: %q", line)
		}
	}
	if err := New(PreMigrationPath(path, 3), "").Check(); err != nil {
		t.Errorf("the copy kept before sealing fails the check: %v", err)
	}
}
