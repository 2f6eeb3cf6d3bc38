package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// cxo list marks an assessment holding a damaged answer (its counts are
// what was stored, not what reads) and says what to run; a sound file
// says nothing of damage.
func TestListMarksDamagedAssessments(t *testing.T) {
	dir := isolate(t)
	db := filepath.Join(dir, "me.db")
	if r := cxo(t, strings.Repeat("1\n2\n", 10)+"q\n", "--db", db, "--accessible", "new", "--quick"); r.code != 0 {
		t.Fatalf("new: %d %s", r.code, r.stderr)
	}
	if r := cxo(t, "", "--db", db, "list"); r.code != 0 || strings.Contains(r.stdout+r.stderr, "damaged") {
		t.Fatalf("a sound file: %d %q %q", r.code, r.stdout, r.stderr)
	}
	bdb, err := bolt.Open(db, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	var v []byte
	_ = bdb.View(func(tx *bolt.Tx) error {
		a := tx.Bucket([]byte("assessments"))
		k, _ := a.Cursor().First()
		_, v = a.Bucket(k).Bucket([]byte("answers")).Cursor().First()
		v = bytes.Clone(v)
		return nil
	})
	bdb.Close()
	data := mustRead(t, db)
	w := bytes.Clone(v)
	w[len(w)-2] ^= 4 // inside the answer, past its checksum
	if err := os.WriteFile(db, bytes.ReplaceAll(data, v, w), 0o600); err != nil {
		t.Fatal(err)
	}
	r := cxo(t, "", "--db", db, "list")
	if r.code != 0 || !strings.Contains(r.stdout, "in progress (damaged)") {
		t.Errorf("list does not mark the damaged assessment: %d\n%s", r.code, r.stdout)
	}
	if !strings.Contains(r.stderr, "1 assessment holds damaged values") || !strings.Contains(r.stderr, "check --repair") {
		t.Errorf("list does not say what to run: %q", r.stderr)
	}
}

// An assessment whose header cannot be read keeps a row in cxo list, marked
// damaged, instead of vanishing from the table.
func TestListKeepsARowForAnUnreadableHeader(t *testing.T) {
	dir := isolate(t)
	db := filepath.Join(dir, "me.db")
	for range 2 {
		if r := cxo(t, strings.Repeat("1\n2\n", 5)+"q\n", "--db", db, "--accessible", "new", "--quick"); r.code != 0 {
			t.Fatalf("new: %d %s", r.code, r.stderr)
		}
	}
	bdb, err := bolt.Open(db, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	var id string
	var v []byte
	_ = bdb.View(func(tx *bolt.Tx) error {
		a := tx.Bucket([]byte("assessments"))
		k, _ := a.Cursor().First()
		id = string(k)
		v = bytes.Clone(a.Bucket(k).Get([]byte("record")))
		return nil
	})
	bdb.Close()
	w := bytes.Clone(v)
	w[len(w)-3] ^= 4
	if err := os.WriteFile(db, bytes.ReplaceAll(mustRead(t, db), v, w), 0o600); err != nil {
		t.Fatal(err)
	}
	r := cxo(t, "", "--db", db, "list")
	var row string
	for _, l := range strings.Split(r.stdout, "\n") {
		if strings.HasPrefix(l, id) {
			row = l
		}
	}
	if r.code != 0 || !strings.Contains(row, "damaged") || !strings.Contains(row, "its header cannot be read") {
		t.Errorf("no damaged row for %s: %d\n%s\n%s", id, r.code, r.stdout, r.stderr)
	}
	if strings.Count(r.stdout, "\n") != 3 {
		t.Errorf("want a header line and two rows:\n%s", r.stdout)
	}
}
