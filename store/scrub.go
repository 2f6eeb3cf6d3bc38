package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
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
// lock. It wraps bolt.ErrTimeout so that open's retry loop tries again at
// once, on the file that now has the name.
var errReplaced = fmt.Errorf("the file was replaced while waiting for its lock: %w", bolt.ErrTimeout)

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
func openCurrent(path string, opts *bolt.Options) (db *bolt.DB, err error) {
	for range maxReplaced {
		if db, err = openRecovered(path, opts); !errors.Is(err, errReplaced) {
			break
		}
	}
	return db, err
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
	err := s.update(func(tx *bolt.Tx) error { return deleteIn(tx, ids, true) })
	if err != nil {
		return Scrubbed{}, err
	}
	return s.scrub(ids)
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
		if errors.Is(err, bolt.ErrBucketNotFound) {
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
// rotates meanwhile. The copies are rewritten (without ids; all
// assessments when ids is nil) before the database, so an interrupted
// scrub leaves the database's own free pages, which the next delete
// rewrites, rather than a copy nobody will touch again.
func (s *Store) scrub(ids []string) (Scrubbed, error) {
	var done Scrubbed
	db, err := s.open(false)
	if err != nil {
		return done, err
	}
	defer db.Close()
	err = guard(s.Path, func() error {
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
		return compactOver(db, s.Path)
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
	for _, e := range entries {
		n := e.Name()
		if strings.HasPrefix(n, "."+base+".") && (strings.Contains(n, ".tmp-") || strings.Contains(n, ".scrub-")) {
			fsys.Remove(filepath.Join(dir, n))
		}
	}
}

// rewriteCopy deletes ids from the bbolt file at c and compacts it over
// itself. A copy bbolt cannot open is an error (the caller removes it).
func rewriteCopy(c string, ids []string) error {
	if err := precheck(c); err != nil {
		return err
	}
	db, err := openRecovered(c, &bolt.Options{Timeout: time.Second})
	if err != nil {
		return err
	}
	defer db.Close()
	return guard(c, func() error {
		err := db.Update(func(tx *bolt.Tx) error { return deleteIn(tx, ids, false) })
		if err != nil {
			return err
		}
		return compactOver(db, c)
	})
}

// compactOver writes a compact copy of db (open, its lock held) beside
// the file path names and renames it over that file: the new file has no
// free pages, so nothing deleted survives in it. A symbolic link at path
// is followed and kept.
func compactOver(db *bolt.DB, path string) error {
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
	defer fsys.Remove(name) // fails harmlessly once renamed
	if err := os.Chmod(name, 0o600); err != nil {
		return err
	}
	dst, err := bolt.Open(name, 0o600, &bolt.Options{Timeout: time.Second, NoSync: true})
	if err != nil {
		return err
	}
	err = bolt.Compact(dst, db, compactTxSize)
	if err == nil {
		err = dst.Sync()
	}
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if err := fsys.Rename(name, target); err != nil {
		return err
	}
	return fsys.SyncDir(dir)
}
