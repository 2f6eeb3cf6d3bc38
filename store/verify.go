package store

import (
	"fmt"
	"os"

	bolt "go.etcd.io/bbolt"
)

// verifiedState is a state of the file the walk found sound: the file, and
// the txid and checksum of the meta page bbolt opens from. Every commit
// writes a new meta page, so a state another process changed is walked
// again; the writes this Store makes itself start from a sound state and
// keep it (wrote).
type verifiedState struct {
	file      os.FileInfo
	txid, sum uint64
	full      bool // the free-page list and tx.Check too, as writing needs
}

func (v verifiedState) same(o verifiedState) bool {
	return v.file != nil && o.file != nil && os.SameFile(v.file, o.file) && v.txid == o.txid && v.sum == o.sum
}

// verify is the guard every read and every write passes, under the file
// lock db holds. A read needs the tree to be sound: no page outside the
// file, none of the wrong kind, none reached twice (so a loop is reported,
// never followed). A write also needs the free-page list to name no page
// in use (else bbolt would hand a live page to the new data), bbolt's own
// check to pass and both header pages to be sound. All writes go through
// Store.update, which calls this first, so no command writes to a file
// the check calls damaged. A state found sound once is not walked again
// by this Store.
func (s *Store) verify(db *bolt.DB, f *os.File, write bool) error {
	fi, err := f.Stat()
	if err != nil {
		return fmt.Errorf("database %s: %w", s.Path, err)
	}
	metas, err := readMetas(f, fi.Size())
	if err != nil {
		return &DamagedError{Path: s.Path, Reason: "header pages: " + err.Error()}
	}
	if write && metas.bad != 0 {
		return &DamagedError{Path: s.Path, Reason: metas.note() + "; nothing is written to it until it is repaired", Repair: true}
	}
	now := verifiedState{file: fi, txid: metas.cur.txid, sum: metas.cur.sum}
	s.mu.Lock()
	last := s.verified
	s.mu.Unlock()
	if last.same(now) && (last.full || !write) {
		return nil
	}
	if _, err := walkFile(s.Path, f, write); err != nil {
		return err
	}
	if write {
		if err := db.View(func(tx *bolt.Tx) error { return boltCheck(s.Path, tx) }); err != nil {
			return err
		}
	}
	now.full = write
	s.remember(now)
	return nil
}

func (s *Store) remember(v verifiedState) {
	s.mu.Lock()
	s.verified = v
	s.mu.Unlock()
}

// wrote records the state a write of this Store left, while the lock is
// still held: it started from a state verify found sound. f is the file
// bbolt has open.
func (s *Store) wrote(f *os.File) {
	fi, err := f.Stat()
	if err != nil {
		return
	}
	if metas, err := readMetas(f, fi.Size()); err == nil && metas.bad == 0 {
		s.remember(verifiedState{file: fi, txid: metas.cur.txid, sum: metas.cur.sum, full: true})
	}
}
