package store

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cxo-dev/cxo/model"
	bolt "go.etcd.io/bbolt"
)

var writeFixture = flag.Bool("write-fixture", false, "rewrite testdata/schema1.db, the schema 1 fixture")

const schema1Fixture = "testdata/schema1.db"

// The two assessments in the schema 1 fixture.
const (
	fixtureFinished   = "20261101-090000-a1b"
	fixtureInProgress = "20261120-181500-c3d"
)

// TestWriteSchema1Fixture writes testdata/schema1.db, a file as cxo wrote
// it at schema 1, key by key and in the JSON of the time, not through the
// current code (which writes the current schema). It only runs with
// -write-fixture:
//
//	go test ./store -run TestWriteSchema1Fixture -write-fixture
func TestWriteSchema1Fixture(t *testing.T) {
	if !*writeFixture {
		t.Skip("run with -write-fixture to rewrite " + schema1Fixture)
	}
	tmp := schema1Fixture + ".tmp"
	os.Remove(tmp)
	db, err := bolt.Open(tmp, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	order := `["val-likert-1","val-choice-1","ops-rating-1","ops-likert-1","ops-likert-2","found-likert-1"]`
	err = db.Update(func(tx *bolt.Tx) error {
		meta, err := tx.CreateBucket([]byte("meta"))
		if err != nil {
			return err
		}
		for k, v := range map[string]string{"schema": "1", "writer": "cxo 0.1.0"} {
			if err := meta.Put([]byte(k), []byte(v)); err != nil {
				return err
			}
		}
		root, err := tx.CreateBucket([]byte("assessments"))
		if err != nil {
			return err
		}
		put := func(id string, keys map[string]string, answers map[string]string) error {
			b, err := root.CreateBucket([]byte(id))
			if err != nil {
				return err
			}
			for k, v := range keys {
				if err := b.Put([]byte(k), []byte(v)); err != nil {
					return err
				}
			}
			ab, err := b.CreateBucket([]byte("answers"))
			if err != nil {
				return err
			}
			for k, v := range answers {
				if err := ab.Put([]byte(k), []byte(v)); err != nil {
					return err
				}
			}
			return nil
		}
		// Finished, every item answered (one not applicable), with its
		// result snapshot.
		err = put(fixtureFinished, map[string]string{
			"record": `{"v":1,"id":"20261101-090000-a1b","started":"2026-11-01T09:00:00.5Z","length":"full","target":"cto",` +
				`"bank_version":"test-1","total":6,"status":"finished","finished":"2026-11-01T09:20:00Z","lean":"CTO (+42)"}`,
			"order":    order,
			"cursor":   "6",
			"answered": "6",
			"result":   `{"Lean":{"Verdict":"CTO","Score":42}}`,
		}, map[string]string{
			"val-likert-1":   `{"v":1,"value":5,"at":1793523660000,"took_ms":4200}`,
			"val-choice-1":   `{"v":1,"value":1,"note":"a new market, always","at":1793523720000,"took_ms":9100}`,
			"ops-rating-1":   `{"v":1,"na":true,"at":1793523780000,"took_ms":2000}`,
			"ops-likert-1":   `{"v":1,"value":3,"at":1793523840000}`,
			"ops-likert-2":   `{"v":1,"value":4,"note":"ünïcode ✓ \"quoted\"\nline","at":1793523900000,"took_ms":15000}`,
			"found-likert-1": `{"v":1,"value":2,"at":1793523960000,"took_ms":3000}`,
		})
		if err != nil {
			return err
		}
		// In progress: three answered and one skipped. Its running count
		// says 1, as drift would have left it: schema 2 recounts.
		return put(fixtureInProgress, map[string]string{
			"record": `{"v":1,"id":"20261120-181500-c3d","started":"2026-11-20T18:15:00Z","length":"full","target":"cio",` +
				`"bank_version":"test-1","total":6,"status":"in_progress"}`,
			"order":    order,
			"cursor":   "4",
			"answered": "1",
		}, map[string]string{
			"val-likert-1": `{"v":1,"value":2,"at":1795198560000,"took_ms":5000}`,
			"val-choice-1": `{"v":1,"skipped":true,"at":1795198620000}`,
			"ops-rating-1": `{"v":1,"value":4,"at":1795198680000,"took_ms":6000}`,
			"ops-likert-1": `{"v":1,"value":5,"note":"yes","at":1795198740000,"took_ms":7000}`,
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, schema1Fixture); err != nil {
		t.Fatal(err)
	}
}

// copyFixture copies the schema 1 fixture into a fresh folder.
func copyFixture(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(schema1Fixture)
	if err != nil {
		t.Fatalf("the schema 1 fixture: %v (rewrite it with -write-fixture)", err)
	}
	path := filepath.Join(t.TempDir(), "cxo.db")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func metaValue(t *testing.T, path string, key []byte) string {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v string
	db.View(func(tx *bolt.Tx) error {
		if m := tx.Bucket(bucketMeta); m != nil {
			v = string(m.Get(key))
		}
		return nil
	})
	return v
}

func hasBucket(t *testing.T, path string, name []byte) bool {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	found := false
	db.View(func(tx *bolt.Tx) error { found = tx.Bucket(name) != nil; return nil })
	return found
}

func TestMigrateSchema1(t *testing.T) {
	path := copyFixture(t)
	original := dumpAll(t, path)
	sum := fileSum(t, path)
	s := New(path, "cxo test")

	// Reading a schema 1 file works and changes nothing.
	if err := s.Check(); err != nil {
		t.Fatalf("Check on the schema 1 fixture: %v", err)
	}
	list, skipped, err := s.List()
	if err != nil || len(skipped) > 0 || len(list) != 2 {
		t.Fatalf("List on schema 1 = %+v, %v, %v", list, skipped, err)
	}
	before := map[string]*model.Assessment{}
	for _, id := range []string{fixtureFinished, fixtureInProgress} {
		a, skipped, err := s.Load(id)
		if err != nil || len(skipped) > 0 {
			t.Fatalf("Load %s on schema 1: %v (skipped %v)", id, err, skipped)
		}
		before[id] = a
	}
	res, ok, err := s.Result(fixtureFinished)
	if err != nil || !ok || res.Lean.Verdict != "CTO" || res.Lean.Score != 42 {
		t.Fatalf("Result on schema 1 = %+v, %v, %v", res.Lean, ok, err)
	}
	if v, err := s.Setting("length"); v != "" || err != nil {
		t.Errorf("Setting on schema 1 = %q, %v; want unset", v, err)
	}
	if fileSum(t, path) != sum {
		t.Fatalf("reading the schema 1 file changed it")
	}
	if a := before[fixtureFinished]; a.Status != model.StatusFinished || len(a.Answers) != 6 ||
		!a.Answers["ops-rating-1"].NA || a.Answers["ops-likert-2"].Note != "ünïcode ✓ \"quoted\"\nline" {
		t.Errorf("fixture's finished assessment read as %+v", a)
	}

	// The first write migrates: a copy first, then schema 2.
	if err := s.SaveSetting("length", "quick"); err != nil {
		t.Fatalf("SaveSetting on schema 1: %v", err)
	}
	if v := metaValue(t, path, keySchema); v != strconv.Itoa(SchemaVersion) {
		t.Errorf("schema after the first write = %q, want %d", v, SchemaVersion)
	}
	if v := metaValue(t, path, keyWriter); v != "cxo test" {
		t.Errorf("writer = %q, want the one that migrated", v)
	}
	if !hasBucket(t, path, bucketSettings) {
		t.Errorf("no settings bucket after migrating")
	}
	if v, err := s.Setting("length"); v != "quick" || err != nil {
		t.Errorf("Setting after migrating = %q, %v", v, err)
	}
	copyPath := PreMigrationPath(path, 2)
	if copyPath != path+".pre-v2" {
		t.Errorf("PreMigrationPath = %s", copyPath)
	}
	if fi, err := os.Stat(copyPath); err != nil || fi.Mode() != 0o600 {
		t.Fatalf("the pre-migration copy: %v, %v", fi, err)
	}
	if got := dumpAll(t, copyPath); !slices.Equal(got, original) {
		t.Errorf("the pre-migration copy differs from the schema 1 file:\n got %q\nwant %q", got, original)
	}
	if err := New(copyPath, "").Check(); err != nil {
		t.Errorf("the pre-migration copy fails the check: %v", err)
	}
	if err := s.Check(); err != nil {
		t.Errorf("Check after migrating: %v", err)
	}

	// Data intact; the answered counts recounted (the in-progress one said 1).
	for id, want := range before {
		got, skipped, err := s.Load(id)
		if err != nil || len(skipped) > 0 {
			t.Fatalf("Load %s after migrating: %v (skipped %v)", id, err, skipped)
		}
		checkAnswers(t, got.Answers, want.Answers)
		if !slices.Equal(got.Order, want.Order) || got.Cursor != want.Cursor || got.Status != want.Status ||
			!got.Started.Equal(want.Started) || !got.Finished.Equal(want.Finished) || got.BankVersion != want.BankVersion {
			t.Errorf("%s after migrating = %+v, want %+v", id, got, want)
		}
	}
	if r, _, _ := s.Result(fixtureFinished); r.Lean != res.Lean {
		t.Errorf("result after migrating = %+v", r.Lean)
	}
	for id, want := range map[string]int{fixtureFinished: 6, fixtureInProgress: 3} {
		if sum := summaryOf(t, s, id); sum.Answered != want || sum.Total != 6 {
			t.Errorf("%s lists %d/%d answered, want %d/6", id, sum.Answered, sum.Total, want)
		}
	}

	// Later writes neither migrate again nor touch the copy.
	copySum := fileSum(t, copyPath)
	if err := s.SaveAnswer(fixtureInProgress, "ops-likert-2", model.Answer{Value: 3}, 5); err != nil {
		t.Fatal(err)
	}
	if fileSum(t, copyPath) != copySum {
		t.Errorf("a later write rewrote the pre-migration copy")
	}
	if sum := summaryOf(t, s, fixtureInProgress); sum.Answered != 4 {
		t.Errorf("after one more answer %d answered, want 4", sum.Answered)
	}
}

// A step that fails leaves the file at its old schema with nothing of the
// step applied (one transaction), says why, and keeps the copy.
func TestFailedMigrationChangesNothing(t *testing.T) {
	path := copyFixture(t)
	original := dumpAll(t, path)
	saved := migrations
	t.Cleanup(func() { migrations = saved })
	migrations = []migration{{to: 2, what: "a step that breaks half way", run: func(tx *bolt.Tx) error {
		if err := migrateTo2(tx); err != nil {
			return err
		}
		return errors.New("injected failure")
	}}}
	s := New(path, "cxo test")
	err := s.SaveSetting("length", "quick")
	if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "injected failure") ||
		!strings.Contains(err.Error(), "stays at schema 1") {
		t.Fatalf("SaveSetting with a failing migration = %v", err)
	}
	if got := dumpAll(t, path); !slices.Equal(got, original) {
		t.Errorf("a failed migration changed the file:\n got %q\nwant %q", got, original)
	}
	if _, err := os.Stat(PreMigrationPath(path, 2)); err != nil {
		t.Errorf("no copy was taken before the step: %v", err)
	}
	if list, _, err := s.List(); err != nil || len(list) != 2 {
		t.Errorf("List after a failed migration = %v, %v", list, err)
	}

	// Once the step works the file migrates.
	migrations = saved
	if err := s.SaveSetting("length", "quick"); err != nil {
		t.Fatalf("SaveSetting once the step works: %v", err)
	}
	if v := metaValue(t, path, keySchema); v != strconv.Itoa(SchemaVersion) {
		t.Errorf("schema = %s, want %d", v, SchemaVersion)
	}
}

// A damaged schema 1 file is refused before any copy or step.
func TestDamagedOldFileIsNotMigrated(t *testing.T) {
	path := copyFixture(t)
	data := mustRead(t, path)
	data = withBytes(data, func(b []byte) { fillPage(b, "root", randomBytes(9, 4096)) })
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	sum := fileSum(t, path)
	var d *DamagedError
	if err := New(path, "").SaveSetting("k", "v"); !errors.As(err, &d) {
		t.Errorf("SaveSetting on a damaged schema 1 file = %v, want *DamagedError", err)
	}
	if fileSum(t, path) != sum {
		t.Errorf("the damaged file changed")
	}
	if _, err := os.Stat(PreMigrationPath(path, 2)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a copy was made of a damaged file: %v", err)
	}
}

func TestSettings(t *testing.T) {
	path := dbPath(t)
	s := New(path, "")
	if v, err := s.Setting("target"); v != "" || err != nil {
		t.Errorf("Setting with no file = %q, %v", v, err)
	}
	for _, kv := range [][2]string{{"target", "cio"}, {"length", "quick"}, {"target", "cto"}, {"empty", ""}} {
		if err := s.SaveSetting(kv[0], kv[1]); err != nil {
			t.Fatal(err)
		}
	}
	for k, want := range map[string]string{"target": "cto", "length": "quick", "empty": "", "never": ""} {
		if v, err := New(path, "").Setting(k); v != want || err != nil {
			t.Errorf("Setting(%q) = %q, %v; want %q", k, v, err, want)
		}
	}
	if err := s.SaveSetting("", "x"); err == nil {
		t.Errorf("SaveSetting with no name succeeded")
	}
	// A new file is created at the current schema with every bucket.
	if v := metaValue(t, path, keySchema); v != strconv.Itoa(SchemaVersion) {
		t.Errorf("new file schema %q", v)
	}
	if _, err := os.Stat(PreMigrationPath(path, 2)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a new file was 'migrated': %v", err)
	}
	// A value that cannot be decoded is an error, not a crash.
	err := s.update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketSettings).Put([]byte("bad"), []byte(`{"v":7,"value":"x"}`))
	})
	if err != nil {
		t.Fatal(err)
	}
	var r *RecordError
	if v, err := s.Setting("bad"); v != "" || !errors.As(err, &r) {
		t.Errorf("Setting of a bad value = %q, %v; want a *RecordError", v, err)
	}
}
