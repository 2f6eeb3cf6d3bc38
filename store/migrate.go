package store

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	bolt "go.etcd.io/bbolt"
)

// A migration brings a file from schema to-1 up to schema to, inside one
// write transaction: it is applied whole or not at all.
type migration struct {
	to   int
	what string
	run  func(tx *bolt.Tx) error
}

// migrations lists every step, oldest first; the last one's to is
// SchemaVersion. A test replaces it to check a failing step.
var migrations = []migration{
	{to: 2, what: "add the settings bucket and recount each assessment's answers", run: migrateTo2},
	{to: 3, what: "add a checksum to every stored value", run: migrateTo3},
}

// PreMigrationPath is where the copy of the file is kept before the step
// up to schema to runs: <path>.pre-v<to>.
func PreMigrationPath(path string, to int) string {
	return fmt.Sprintf("%s.pre-v%d", path, to)
}

// upgrade brings an older file up to SchemaVersion, one step per write
// transaction, on the writable handle db (whose lock keeps every other
// process out meanwhile). The file has passed verify (update runs it
// first); before each step a consistent copy goes to PreMigrationPath. A
// file already current, or new, is left alone.
func (s *Store) upgrade(db *bolt.DB) error {
	var v int
	err := db.View(func(tx *bolt.Tx) error {
		var err error
		v, err = schemaOf(s.Path, tx)
		return err
	})
	if err != nil || v == 0 || v == SchemaVersion {
		return err
	}
	for _, m := range migrations {
		if m.to <= v {
			continue
		}
		if m.to != v+1 {
			return fmt.Errorf("database %s: no way from schema %d to %d", s.Path, v, m.to)
		}
		backup := PreMigrationPath(s.Path, m.to)
		err := db.View(func(tx *bolt.Tx) error {
			return writeAtomic(backup, func(w io.Writer) error { _, err := tx.WriteTo(w); return err })
		})
		if err != nil {
			err = fmt.Errorf("copying %s before upgrading it to schema %d: %w", s.Path, m.to, err)
			if w := asWriteError(backup, err); w != nil {
				return w
			}
			return fmt.Errorf("database %s needs upgrading, but the copy %s could not be made first: %w", s.Path, backup, err)
		}
		err = db.Update(func(tx *bolt.Tx) error {
			if err := m.run(tx); err != nil {
				return err
			}
			return tx.Bucket(bucketMeta).Put(keySchema, []byte(strconv.Itoa(m.to)))
		})
		if err != nil {
			if w := asWriteError(s.Path, err); w != nil {
				return w
			}
			return fmt.Errorf("database %s: upgrading to schema %d (%s) failed, so it stays at schema %d (a copy is at %s): %w",
				s.Path, m.to, m.what, v, backup, err)
		}
		v = m.to
	}
	if v != SchemaVersion {
		return fmt.Errorf("database %s: no way from schema %d to %d", s.Path, v, SchemaVersion)
	}
	return nil
}

// migrateTo2 adds the settings bucket, and recounts the answered counter
// List shows from the stored answers: schema 1 kept it only as a running
// count, which could drift (an unreadable old answer replaced by a given
// one was counted twice) and was missing until the first answer.
func migrateTo2(tx *bolt.Tx) error {
	if _, err := tx.CreateBucketIfNotExists(bucketSettings); err != nil {
		return err
	}
	root := tx.Bucket(bucketAssessments)
	if root == nil {
		_, err := tx.CreateBucket(bucketAssessments)
		return err
	}
	var ids [][]byte
	if err := root.ForEachBucket(func(k []byte) error { ids = append(ids, k); return nil }); err != nil {
		return err
	}
	for _, id := range ids {
		b := root.Bucket(id)
		n := 0
		if answers := b.Bucket(bucketAnswers); answers != nil {
			err := answers.ForEach(func(k, v []byte) error {
				if a, err := DecodeAnswer(string(k), v); err == nil && a.Given() {
					n++
				}
				return nil
			})
			if err != nil {
				return err
			}
		}
		if err := b.Put(keyAnswered, []byte(strconv.Itoa(n))); err != nil {
			return err
		}
	}
	return nil
}

// migrateTo3 seals every stored value (seal.go) that decodes and passes
// the checks a read makes. A value that does not is left as it was,
// unsealed: from now on it reads as damaged, and cxo check and the
// commands report it by assessment and item instead of a checksum
// vouching for bytes that were already wrong.
func migrateTo3(tx *bolt.Tx) error {
	sealIf := func(b *bolt.Bucket, key []byte, name string, ok func(p []byte) bool) error {
		data := b.Get(key)
		if data == nil || !ok(data) {
			return nil
		}
		return b.Put(key, seal(name, data))
	}
	if root := tx.Bucket(bucketAssessments); root != nil {
		var ids [][]byte
		if err := root.ForEachBucket(func(k []byte) error { ids = append(ids, k); return nil }); err != nil {
			return err
		}
		for _, k := range ids {
			if err := sealAssessment(root.Bucket(k), string(k), sealIf); err != nil {
				return err
			}
		}
	}
	if set := tx.Bucket(bucketSettings); set != nil {
		var keys [][]byte
		_ = set.ForEach(func(k, v []byte) error {
			if v != nil {
				keys = append(keys, k)
			}
			return nil
		})
		for _, k := range keys {
			name := valueName("settings", string(k))
			if err := sealIf(set, k, name, func(p []byte) bool { _, err := decodeSetting(name, p); return err == nil }); err != nil {
				return err
			}
		}
	}
	return nil
}

type sealer func(b *bolt.Bucket, key []byte, name string, ok func(p []byte) bool) error

func sealAssessment(b *bolt.Bucket, id string, sealIf sealer) error {
	var order []string
	orderOK := json.Unmarshal(b.Get(keyOrder), &order) == nil
	count := func(max int) func(p []byte) bool {
		return func(p []byte) bool { n, err := strconv.Atoi(string(p)); return err == nil && n >= 0 && n <= max }
	}
	checks := []struct {
		key []byte
		ok  func(p []byte) bool
	}{
		{keyRecord, func(p []byte) bool { r, err := decodeRecord(id, p); return err == nil && r.ID == id }},
		{keyOrder, func([]byte) bool { return orderOK }},
		{keyCursor, count(1 << 30)}, // out of range only resumes at the first open item
		{keyAnswered, count(1 << 30)},
		{keyResult, func(p []byte) bool { _, err := decodeResult(id, p); return err == nil }},
	}
	for _, c := range checks {
		if err := sealIf(b, c.key, valueName(id, string(c.key)), c.ok); err != nil {
			return err
		}
	}
	answers := b.Bucket(bucketAnswers)
	if answers == nil {
		return nil
	}
	var items [][]byte
	_ = answers.ForEach(func(k, v []byte) error {
		if v != nil {
			items = append(items, k)
		}
		return nil
	})
	for _, k := range items {
		name := valueName(id, "answers", string(k))
		if err := sealIf(answers, k, name, func(p []byte) bool { _, err := DecodeAnswer(name, p); return err == nil }); err != nil {
			return err
		}
	}
	return nil
}
