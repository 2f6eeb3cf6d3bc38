package store

import (
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
}

// PreMigrationPath is where the copy of the file is kept before the step
// up to schema to runs: <path>.pre-v<to>.
func PreMigrationPath(path string, to int) string {
	return fmt.Sprintf("%s.pre-v%d", path, to)
}

// upgrade brings an older file up to SchemaVersion, one step per write
// transaction, on the writable handle db (whose lock keeps every other
// process out meanwhile). Before the first step the file must pass the
// consistency check; before each step a consistent copy goes to
// PreMigrationPath. A file already current, or new, is left alone.
func (s *Store) upgrade(db *bolt.DB) error {
	var v int
	err := db.View(func(tx *bolt.Tx) error {
		var err error
		if v, err = schemaOf(s.Path, tx); err != nil || v == 0 || v == SchemaVersion {
			return err
		}
		return consistent(s.Path, tx)
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
