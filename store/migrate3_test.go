package store

import (
	"errors"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// The step to schema 3 seals only values that decode and pass the checks
// a read makes. One that does not stays unsealed: from then on it is
// reported by assessment and item, not vouched for by a fresh checksum.
func TestMigrationDoesNotBlessBadValues(t *testing.T) {
	path := copySchema2(t)
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		fin := tx.Bucket(bucketAssessments).Bucket([]byte(fixtureFinished))
		if err := fin.Bucket(bucketAnswers).Put([]byte("ops-likert-2"), []byte(`{"v":1,"value":42}`)); err != nil {
			return err
		}
		return fin.Put(keyResult, []byte(`{"Lean":`))
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	s := New(path, "cxo test")
	if err := s.SaveSetting("length", "full"); err != nil { // migrates
		t.Fatal(err)
	}
	err = s.Check()
	var d *DamagedError
	if !errors.As(err, &d) || len(d.Records) != 2 {
		t.Fatalf("Check after migrating = %v; want the two bad values reported", err)
	}
	got := d.Records[0].What() + " | " + d.Records[1].What()
	for _, want := range []string{"assessment " + fixtureFinished + ", its answer to item ops-likert-2", "assessment " + fixtureFinished + ", its stored result"} {
		if !strings.Contains(got, want) {
			t.Errorf("Check reports %q; want %q among them", got, want)
		}
	}
	for _, r := range d.Records {
		if r.Reason != "it has no checksum" {
			t.Errorf("%s: %s; want it left unsealed", r.What(), r.Reason)
		}
	}
	// Everything else was sealed and reads as before.
	if _, _, err := s.Load(fixtureInProgress); err != nil {
		t.Errorf("the intact assessment: %v", err)
	}
	if v, err := s.Setting("length"); v != "full" || err != nil {
		t.Errorf("Setting = %q, %v", v, err)
	}
}
