package store

import (
	"encoding/json"
	"fmt"
	"os"
	"strconv"

	bolt "go.etcd.io/bbolt"

	"github.com/cxo-dev/cxo/model"
)

// Check runs the consistency check the way start-up should: a read-only
// open (so the file's bytes never change), a walk over every page, bbolt's
// own check (tx.Check), the schema check and a check of every stored value
// against its checksum. A damaged, foreign or truncated file gives a
// *DamagedError naming it (with Repair set, and the damaged values in
// Records, when what is sound can be copied to a fresh file), one written
// by a newer cxo a *NewerError, a file another process holds too long a
// *BusyError. A missing or empty file is fine: there is nothing to check.
func (s *Store) Check() error {
	return s.viewChecked(func(tx *bolt.Tx) error {
		if tx == nil {
			return nil
		}
		return s.consistent(tx)
	})
}

// consistent is the whole consistency check on an open transaction: the
// schema, the walk over the pages and the free-page list (walkFile), both
// header pages, bbolt's tx.Check, then every stored value. tx.Check reads
// the memory map in a goroutine of its own, where a fault on a damaged
// page could not be recovered, so the walk (reading the file, not the map)
// comes first and tx.Check only runs on pages it found sound. Call it
// inside guard.
func (s *Store) consistent(tx *bolt.Tx) error {
	if err := checkSchema(s.Path, tx); err != nil {
		return err
	}
	f, err := os.Open(s.Path)
	if err != nil {
		return fmt.Errorf("database %s: %w", s.Path, err)
	}
	defer f.Close()
	res, err := walkFile(s.Path, f, true)
	if err != nil {
		return err
	}
	// bbolt's check reads both header pages and stops at a bad one; the
	// walk has checked the tree and the free-page list of the sound one.
	if res.metas.bad == 0 {
		if err := boltCheck(s.Path, tx); err != nil {
			return err
		}
	}
	bad := checkValues(tx)
	var reason string
	switch {
	case res.metas.bad != 0 && len(bad) > 0:
		reason = res.metas.note() + "; " + describeRecords(bad)
	case res.metas.bad != 0:
		reason = res.metas.note()
	case len(bad) > 0:
		reason = describeRecords(bad)
	default:
		s.remember(verifiedState{file: res.file, txid: res.metas.cur.txid, sum: res.metas.cur.sum, full: true})
		return nil
	}
	return &DamagedError{Path: s.Path, Reason: reason, Repair: true, Records: bad}
}

// DamagedValues names the stored values that fail their checksum (or do
// not decode), without the rest of Check (bbolt's page check and the
// header pages): cxo list marks the assessments they belong to.
func (s *Store) DamagedValues() ([]*RecordError, error) {
	var bad []*RecordError
	err := s.view(func(tx *bolt.Tx) error {
		bad = checkValues(tx)
		return nil
	})
	return bad, err
}

func describeRecords(bad []*RecordError) string {
	s := bad[0].What() + ": " + bad[0].Reason
	if len(bad) > 1 {
		s += fmt.Sprintf(", and %d more damaged values", len(bad)-1)
	}
	return s
}

// boltCheck runs bbolt's own check of every page.
func boltCheck(path string, tx *bolt.Tx) error {
	var first error
	n := 0
	for err := range tx.Check() { // drained to the end: the goroutine holds the tx
		if first == nil {
			first = err
		}
		n++
	}
	switch {
	case n == 1:
		return &DamagedError{Path: path, Reason: "consistency check: " + model.OneLine(first.Error()), Repair: true}
	case n > 1:
		return &DamagedError{Path: path, Reason: fmt.Sprintf("consistency check: %s, and %d more problems", model.OneLine(first.Error()), n-1), Repair: true}
	}
	return nil
}

// checkValues reads every stored value of every assessment, and every
// setting, as the commands would, and returns those that fail their
// checksum or do not decode.
func checkValues(tx *bolt.Tx) []*RecordError {
	var bad []*RecordError
	c := codecOf(tx)
	if root := tx.Bucket(bucketAssessments); root != nil {
		_ = root.ForEachBucket(func(k []byte) error {
			bad = append(bad, checkAssessment(c, root.Bucket(k), string(k))...)
			return nil
		})
	}
	bad = append(bad, checkRatings(c, tx)...)
	if set := tx.Bucket(bucketSettings); set != nil {
		_ = set.ForEach(func(k, v []byte) error {
			if v == nil {
				return nil
			}
			name := valueName("settings", string(k))
			if err := checkValue(c, name, v, func(p []byte) error { _, err := decodeSetting(name, p); return err }); err != nil {
				bad = append(bad, err)
			}
			return nil
		})
	}
	return bad
}

// checkValue checks one stored value: its seal when the file is sealed
// (cxo seals only what it encoded itself, or what decoded and passed the
// range checks when the file was migrated, so a sound seal vouches for
// the value), else by decoding it.
func checkValue(c codec, name string, data []byte, decode func([]byte) error) *RecordError {
	var err error
	if c.sealed {
		_, err = unseal(name, data)
	} else {
		err = decode(data)
	}
	if err == nil {
		return nil
	}
	if rec, ok := err.(*RecordError); ok {
		return rec
	}
	return &RecordError{Key: name, Reason: err.Error()}
}

// checkAssessment checks the values of one assessment's bucket b.
func checkAssessment(c codec, b *bolt.Bucket, id string) []*RecordError {
	var bad []*RecordError
	add := func(e *RecordError) {
		if e != nil {
			bad = append(bad, e)
		}
	}
	var order []string
	for _, key := range [][]byte{keyRecord, keyOrder, keyCursor, keyAnswered, keyResult} {
		data := b.Get(key)
		name := valueName(id, string(key))
		if data == nil {
			if string(key) == string(keyRecord) || string(key) == string(keyOrder) {
				add(&RecordError{Key: name, Reason: "it is missing"})
			}
			continue
		}
		add(checkValue(c, name, data, func(p []byte) error {
			switch string(key) {
			case string(keyRecord):
				r, err := decodeRecord(name, p)
				if err == nil && r.ID != id {
					return &RecordError{Key: name, Reason: "it names another assessment, " + r.ID}
				}
				return err
			case string(keyOrder):
				return json.Unmarshal(p, &order)
			case string(keyResult):
				_, err := decodeResult(name, p)
				return err
			}
			if n, err := strconv.Atoi(string(p)); err != nil || n < 0 {
				return &RecordError{Key: name, Reason: "not a count"}
			}
			return nil
		}))
	}
	if answers := b.Bucket(bucketAnswers); answers != nil {
		_ = answers.ForEach(func(k, v []byte) error {
			name := valueName(id, "answers", string(k))
			add(checkValue(c, name, v, func(p []byte) error { _, err := DecodeAnswer(name, p); return err }))
			return nil
		})
	}
	return append(bad, checkPeers(c, b, id)...)
}
