package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"github.com/cxo-dev/cxo/model"
)

// Deleting an assessment in bbolt only unlinks its pages: their bytes stay
// in the file's free pages until reused, and in every last-good copy
// (which copies free pages too). Delete therefore rewrites the database
// and each copy (compacts them), so the deleted text is in none of them.
//
// The database is rewritten to a new file that is renamed over the old
// one, with the old one's lock held throughout. Another cxo may have
// opened the old file and be waiting for that lock; once it gets it, the
// file it holds has no name any more and what it wrote would be lost. So
// every open checks, after taking the lock, that the path still names the
// file it locked (sameFile), and opens again if not.

// errReplaced says the file was replaced while this process waited for its
// lock. It wraps berrors.ErrTimeout so that open's retry loop tries again at
// once, on the file that now has the name.
var errReplaced = fmt.Errorf("the file was replaced while waiting for its lock: %w", berrors.ErrTimeout)

// checkSameFile is the end of every open: db (opened from f, its lock
// taken) is kept only if path still names f.
func checkSameFile(path string, f *os.File, db *bolt.DB, err error) (*bolt.DB, error) {
	if err != nil || db == nil || f == nil {
		return db, err
	}
	held, herr := f.Stat()
	named, nerr := os.Stat(path)
	if herr == nil && nerr == nil && os.SameFile(held, named) {
		return db, nil
	}
	db.Close()
	if herr != nil {
		return nil, herr
	}
	return nil, errReplaced
}

// maxReplaced bounds how often one open follows a replaced file before it
// counts as one attempt of open's retry loop: a rewrite is rare, and its
// waiter gets the new file at the next try.
const maxReplaced = 100

// openCurrent opens path, again when the file was replaced while this
// process waited for its lock, so it ends up holding the file that has
// the name.
func openCurrent(path string, opts *bolt.Options) (db *bolt.DB, file *os.File, err error) {
	for range maxReplaced {
		if db, file, err = openWithFile(path, opts); !errors.Is(err, errReplaced) {
			break
		}
	}
	return db, file, err
}

// compactTxSize bounds the memory a rewrite takes: bbolt holds a write
// transaction's pages in memory until it commits.
const compactTxSize = 16 << 20

// Scrubbed reports what deleting did to the copies beside the database.
type Scrubbed struct {
	Rewritten []string // last-good copies rewritten without the deleted data
	Removed   []string // copies that could not be read to rewrite, so were removed
}

// Delete removes an assessment and its answers, and rewrites the database
// and every last-good copy so its bytes are gone from all of them.
func (s *Store) Delete(id string) error {
	_, err := s.DeleteScrubbed([]string{id})
	return err
}

// DeleteAll removes every assessment (settings are kept), scrubbed as
// Delete is.
func (s *Store) DeleteAll() (Scrubbed, error) { return s.DeleteScrubbed(nil) }

// DeleteScrubbed deletes the assessments ids (nil: all of them) in one
// write transaction, then rewrites the database and its copies (scrub).
// An id that does not exist is ErrNotFound and nothing is deleted.
func (s *Store) DeleteScrubbed(ids []string) (Scrubbed, error) {
	err := s.update(func(tx *bolt.Tx) error {
		if err := deleteIn(tx, ids, true); err != nil {
			return err
		}
		return markScrub(tx, ids)
	})
	if err != nil {
		return Scrubbed{}, err
	}
	done, err := s.scrub()
	if err != nil {
		return done, &ScrubError{Path: s.Path, Err: err}
	}
	return done, nil
}

// ScrubError says the assessments were deleted but the rewrite that takes
// their text out of the files has not finished; it is recorded, and the
// next start (or delete) finishes it.
type ScrubError struct {
	Path string
	Err  error
}

func (e *ScrubError) Error() string {
	return fmt.Sprintf("deleted, but the rewrite that removes the text from %s and its copies did not finish (%s); cxo finishes it at the next start", e.Path, model.OneLine(e.Err.Error()))
}

func (e *ScrubError) Unwrap() error { return e.Err }

// keyScrub, in the meta bucket, records deletes whose rewrite has not
// finished (a pendingScrub), in the same transaction as the delete: a
// delete interrupted before its rewrite is finished by the next start
// (resumeScrub), before a last-good copy could copy the free pages.
var keyScrub = []byte("scrub")

type pendingScrub struct {
	All bool     `json:"all,omitempty"`
	IDs []string `json:"ids,omitempty"`
}

func readScrub(tx *bolt.Tx) (p pendingScrub, ok bool) {
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		return p, false
	}
	v := meta.Get(keyScrub)
	if v == nil {
		return p, false
	}
	if json.Unmarshal(v, &p) != nil {
		p.All = true // unreadable: rewrite everything that can be
	}
	return p, true
}

// markScrub adds ids (nil: all) to the pending rewrite.
func markScrub(tx *bolt.Tx, ids []string) error {
	p, _ := readScrub(tx)
	if ids == nil {
		p = pendingScrub{All: true}
	} else if !p.All {
		p.IDs = append(p.IDs, ids...)
	}
	meta, err := tx.CreateBucketIfNotExists(bucketMeta)
	if err != nil {
		return err
	}
	return meta.Put(keyScrub, must(json.Marshal(p)))
}

// resumeScrub finishes a delete whose rewrite was interrupted (a crash, a
// full disk), if the file records one. Backup calls it first, so the
// last-good copy never copies what was deleted.
func (s *Store) resumeScrub() (Scrubbed, error) {
	pending := false
	err := s.view(func(tx *bolt.Tx) error {
		if tx != nil {
			_, pending = readScrub(tx)
		}
		return nil
	})
	if err != nil || !pending {
		return Scrubbed{}, err
	}
	return s.scrub()
}

// deleteIn deletes the assessments ids (nil: all) in tx; with strict, an
// id that is not there is ErrNotFound.
func deleteIn(tx *bolt.Tx, ids []string, strict bool) error {
	root := tx.Bucket(bucketAssessments)
	if root == nil {
		return nil
	}
	if ids == nil {
		if err := tx.DeleteBucket(bucketAssessments); err != nil {
			return err
		}
		_, err := tx.CreateBucket(bucketAssessments)
		return err
	}
	for _, id := range ids {
		err := root.DeleteBucket([]byte(id))
		if errors.Is(err, berrors.ErrBucketNotFound) {
			if strict {
				return fmt.Errorf("%w: %s", ErrNotFound, id)
			}
			continue
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// scrub rewrites the database and its copies without free pages, holding
// the database's lock throughout so no other cxo writes, copies or
// rotates meanwhile. The copies lose the assessments the pending record
// names (all, for delete --all) and are rewritten before the database; the
// record is cleared in the rewritten database, so an interrupted scrub is
// done again in full.
func (s *Store) scrub() (Scrubbed, error) {
	var done Scrubbed
	db, file, err := s.open(false)
	if err != nil {
		return done, err
	}
	defer db.Close()
	err = guard(s.Path, func() error {
		// Only a sound file is rewritten: a copy of a damaged one could
		// lose what a repair would still find.
		if err := s.verify(db, file, true); err != nil {
			return err
		}
		var p pendingScrub
		if err := db.View(func(tx *bolt.Tx) error { p, _ = readScrub(tx); return nil }); err != nil {
			return err
		}
		ids := p.IDs
		if p.All {
			ids = nil
		} else if ids == nil {
			ids = []string{} // nothing to delete from the copies; rewrite them all the same
		}
		removeStaleTemps(s.Path)
		for _, c := range copiesOf(s.Path) {
			if _, err := os.Lstat(c); err != nil {
				continue
			}
			if err := rewriteCopy(c, ids); err != nil {
				if rerr := fsys.Remove(c); rerr != nil && !errors.Is(rerr, fs.ErrNotExist) {
					return fmt.Errorf("cannot rewrite or remove the copy %s, which may still hold deleted answers: %v", c, rerr)
				}
				syncDir(filepath.Dir(c))
				done.Removed = append(done.Removed, c)
				continue
			}
			done.Rewritten = append(done.Rewritten, c)
		}
		return compactOver(db, s.Path, ids)
	})
	if w := asWriteError(s.Path, err); w != nil {
		return done, w
	}
	return done, err
}

// copiesOf names every copy of the database cxo keeps beside it: the
// last-good copies and the copies taken before a schema upgrade.
func copiesOf(path string) []string {
	out := BackupGenerations(path)
	for v := 2; v <= SchemaVersion; v++ {
		out = append(out, PreMigrationPath(path, v))
	}
	return out
}

// removeStaleTemps removes half-written copies left by an interrupted
// start-up copy or rewrite: they hold the database's bytes too. None is in
// use: writing one takes the lock scrub holds.
func removeStaleTemps(path string) {
	dir, base := filepath.Dir(path), filepath.Base(path)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	patterns := []string{".bak*.tmp-*", ".pre-v*.tmp-*", ".scrub-*", ".bak*.scrub-*", ".pre-v*.scrub-*"}
	for _, e := range entries {
		for _, p := range patterns {
			if ok, _ := filepath.Match("."+base+p, e.Name()); ok && e.Type().IsRegular() {
				fsys.Remove(filepath.Join(dir, e.Name()))
				break
			}
		}
	}
}

// rewriteCopy rewrites the bbolt file at c without the assessments ids
// (nil: all). A copy bbolt cannot open is an error (the caller removes
// it). The copy is only read, then replaced whole.
func rewriteCopy(c string, ids []string) error {
	if err := precheck(c); err != nil {
		return err
	}
	db, err := openRecovered(c, &bolt.Options{Timeout: time.Second, ReadOnly: true})
	if err != nil {
		return err
	}
	defer db.Close()
	return guard(c, func() error {
		// A copy that fails the check is not copied on (it would carry
		// its damage, or lose data silently): the caller removes it.
		if err := db.View(New(c, "").consistent); err != nil {
			return err
		}
		return compactOver(db, c, ids)
	})
}

// compactOver writes a compact copy of db (open, its lock held) beside
// the file path names, leaving out the assessments ids (nil: all of them)
// and the pending-rewrite record, and renames it over that file: the new
// file has no free pages, so nothing deleted survives in it. A symbolic
// link at path is followed and kept.
func compactOver(db *bolt.DB, path string, ids []string) error {
	target := path
	if real, err := filepath.EvalSymlinks(path); err == nil {
		target = real
	}
	dir := filepath.Dir(target)
	tmp, err := fsys.CreateTemp(dir, "."+filepath.Base(target)+".scrub-*")
	if err != nil {
		return err
	}
	name := tmp.Name()
	tmp.Close()
	renamed := false
	defer func() {
		if !renamed {
			fsys.Remove(name)
		}
	}()
	if err := os.Chmod(name, 0o600); err != nil {
		return err
	}
	// A large copy is mapped as large as the source from the start:
	// growing the map as the copy grows would re-read every page in memory
	// each time. bbolt grows the file to its map, so a small one keeps
	// bbolt's own sizes (a 64 KiB file stays that small, not 4 MiB).
	var mapSize int
	if fi, err := os.Stat(target); err == nil && fi.Size() > 8<<20 {
		mapSize = int(min(fi.Size(), 1<<30)) + 1<<20 // beyond 1 GiB it grows as it must
	}
	dst, err := bolt.Open(name, 0o600, &bolt.Options{Timeout: time.Second, NoSync: true, InitialMmapSize: mapSize})
	if err != nil {
		return err
	}
	drop := map[string]bool{}
	for _, id := range ids {
		drop[id] = true
	}
	err = copyDB(dst, db, func(keys [][]byte, k []byte) bool {
		switch {
		case len(keys) == 1 && bytes.Equal(keys[0], bucketAssessments):
			return ids == nil || drop[string(k)]
		case len(keys) == 1 && bytes.Equal(keys[0], bucketMeta):
			return bytes.Equal(k, keyScrub)
		}
		return false
	})
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = fsys.SyncFile(name) // NoSync skipped it at each commit
	}
	if err != nil {
		return err
	}
	if err := fsys.Rename(name, target); err != nil {
		return err
	}
	renamed = true
	return fsys.SyncDir(dir)
}

// errSkip stops copyDB descending into a bucket it leaves out.
var errSkip = errors.New("skip")

// copyDB copies every bucket, key and sequence of src into dst, except
// what skip names (by the path of buckets above it and its key), the way
// bolt.Compact does: committing every compactTxSize bytes, so a large
// file does not sit in memory whole.
func copyDB(dst, src *bolt.DB, skip func(keys [][]byte, k []byte) bool) error {
	tx, err := dst.Begin(true)
	if err != nil {
		return err
	}
	defer func() { tx.Rollback() }() // after Commit, a harmless ErrTxClosed
	var size int64
	put := func(keys [][]byte, k, v []byte, seq uint64) error {
		if skip(keys, k) {
			return errSkip
		}
		if size += int64(len(k) + len(v)); size > compactTxSize {
			if err := tx.Commit(); err != nil {
				return err
			}
			if tx, err = dst.Begin(true); err != nil {
				return err
			}
			size = 0
		}
		if len(keys) == 0 { // a top-level bucket
			b, err := tx.CreateBucket(k)
			if err != nil {
				return err
			}
			return b.SetSequence(seq)
		}
		b := tx.Bucket(keys[0])
		for _, name := range keys[1:] {
			b = b.Bucket(name)
		}
		b.FillPercent = 1.0 // written in key order: pack the pages
		if v == nil {
			nb, err := b.CreateBucket(k)
			if err != nil {
				return err
			}
			return nb.SetSequence(seq)
		}
		return b.Put(k, v)
	}
	err = src.View(func(stx *bolt.Tx) error {
		return stx.ForEach(func(name []byte, b *bolt.Bucket) error {
			return walkBucket(b, nil, name, nil, b.Sequence(), put)
		})
	})
	if err != nil {
		return err
	}
	return tx.Commit()
}

// walkBucket calls fn for k (a bucket when v is nil) and, for a bucket,
// for everything in it, depth first, unless fn says errSkip.
func walkBucket(b *bolt.Bucket, keys [][]byte, k, v []byte, seq uint64, fn func(keys [][]byte, k, v []byte, seq uint64) error) error {
	if err := fn(keys, k, v, seq); err != nil {
		if errors.Is(err, errSkip) {
			return nil
		}
		return err
	}
	if v != nil {
		return nil
	}
	path := append(append([][]byte(nil), keys...), k)
	return b.ForEach(func(k, v []byte) error {
		if v == nil {
			nb := b.Bucket(k)
			return walkBucket(nb, path, k, nil, nb.Sequence(), fn)
		}
		return walkBucket(b, path, k, v, 0, fn)
	})
}
