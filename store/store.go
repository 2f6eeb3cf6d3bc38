// Package store keeps assessments in a bbolt file. The file is opened for
// each transaction and closed straight after, so several cxo processes (a
// second terminal, cxo list, cxo export) can share it; each answer lives
// under its own key so two writers never overwrite each other.
//
// Every stored value carries a checksum (seal.go), checked on every read.
// Every read and write first passes verify (verify.go), which walks the
// file's pages itself (boltformat.go) so that damage bbolt would trust is
// refused instead; every write goes through update. At start-up Backup
// runs the whole check (Check) and keeps three generations of last-good
// copies; a damaged file is reported, never changed, and can be repaired
// into a fresh file (repair.go) or moved aside with MoveAside. Older
// layouts are migrated (migrate.go) at the first write, after a copy is
// taken; a newer one is refused.
package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"sync"
	"time"

	"github.com/adrg/xdg"
	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// SchemaVersion is the layout this build writes. Older files are brought
// up to it by the steps in migrations (migrate.go) at the first write;
// reading never changes a file.
const SchemaVersion = 3

var (
	bucketMeta        = []byte("meta")
	bucketAssessments = []byte("assessments")
	keySchema         = []byte("schema")
	keyWriter         = []byte("writer")
	keyRecord         = []byte("record")
	keyOrder          = []byte("order")
	keyCursor         = []byte("cursor")
	keyAnswered       = []byte("answered")
	keyResult         = []byte("result")
	bucketAnswers     = []byte("answers")
	bucketSettings    = []byte("settings") // schema 2
)

// ErrNotFound means no assessment has the id.
var ErrNotFound = errors.New("no such assessment")

// Store is a handle on the database file; it holds no open file.
type Store struct {
	Path string
	// Writer names the cxo version recorded in the meta bucket.
	Writer string
	// LockWait is how long one attempt waits for the file lock; Attempts
	// is how many are made before the file is reported busy.
	LockWait time.Duration
	Attempts int
	// Waiting, when set, hears after each attempt that found the file
	// locked how long this call has waited; returning false stops the
	// wait (a *BusyError), so a user can say "stop waiting".
	Waiting func(waited time.Duration) bool

	maxSize int // bbolt's MaxSize, for tests of a full disk

	mu       sync.Mutex
	verified verifiedState // the last state of the file found sound
}

// DefaultPath is where the database lives unless --db or CXO_DB say
// otherwise: $XDG_DATA_HOME/cxo/cxo.db.
func DefaultPath() string {
	return filepath.Join(xdg.DataHome, "cxo", "cxo.db")
}

// New returns a store for the file; nothing is opened yet.
func New(path, writer string) *Store {
	return &Store{Path: path, Writer: writer, LockWait: 250 * time.Millisecond, Attempts: 240} // up to 60 s
}

// BusyError says another process held the file for too long.
type BusyError struct{ Path string }

func (e *BusyError) Error() string {
	return fmt.Sprintf("database %s is busy: another cxo is holding it; try again when it is done", e.Path)
}

// DamagedError says the file is not a cxo database we can read, or not
// all of it.
type DamagedError struct {
	Path   string
	Reason string
	// Repair is set when what is sound can still be read and copied to a
	// fresh file (cxo check --repair): one bad header page, a bad free-page
	// list, or stored values that fail their checksum.
	Repair bool
	// Records lists the stored values that failed (Check fills it).
	Records []*RecordError
	Err     error
}

func (e *DamagedError) Error() string {
	if e.Repair {
		return fmt.Sprintf("database %s is damaged (%s); it was left untouched", e.Path, plainReason(e.Reason))
	}
	return fmt.Sprintf("database %s cannot be read (%s); it was left untouched", e.Path, plainReason(e.Reason))
}

func (e *DamagedError) Unwrap() error { return e.Err }

// asDamaged turns a stored value that could not be read into a
// *DamagedError naming the file, the assessment and the item.
func asDamaged(path string, err error) error {
	var rec *RecordError
	var d *DamagedError
	if err == nil || errors.As(err, &d) || !errors.As(err, &rec) {
		return err
	}
	return &DamagedError{Path: path, Reason: rec.What() + ": " + rec.Reason, Repair: true, Records: []*RecordError{rec}, Err: rec}
}

// NewerError says the file was written by a newer cxo.
type NewerError struct {
	Path   string
	Schema int
}

func (e *NewerError) Error() string {
	return fmt.Sprintf("database %s was written by a newer cxo (schema %d, this one knows %d); upgrade cxo to open it", e.Path, e.Schema, SchemaVersion)
}

// open opens the file for one transaction, retrying while another process
// holds the lock. Read-only opens of a missing or empty file report
// os.ErrNotExist.
func (s *Store) open(readOnly bool) (db *bolt.DB, file *os.File, err error) {
	if err := checkDBPath(s.Path); err != nil {
		return nil, nil, err
	}
	if readOnly {
		fi, err := os.Stat(s.Path)
		if err != nil {
			return nil, nil, err
		}
		if fi.Size() == 0 {
			// Created but never written (bbolt would try to initialise it
			// through a read-only handle): nothing is stored yet.
			return nil, nil, os.ErrNotExist
		}
	} else if err := makeDirs(filepath.Dir(s.Path)); err != nil { // fsys.go: synced
		if w := asWriteError(s.Path, err); w != nil {
			return nil, nil, w
		}
		return nil, nil, fmt.Errorf("cannot create the data folder for %s: %w", s.Path, err)
	}
	if err := precheck(s.Path); err != nil {
		return nil, nil, err
	}
	opts := &bolt.Options{Timeout: s.LockWait, ReadOnly: readOnly, MaxSize: s.maxSize}
	for attempt := 0; attempt < max(1, s.Attempts); attempt++ {
		db, file, err = openCurrent(s.Path, opts) // scrub.go: follows a file replaced while waiting
		if !errors.Is(err, berrors.ErrTimeout) || s.Waiting != nil && !s.Waiting(time.Duration(attempt+1)*s.LockWait) {
			break
		}
	}
	switch {
	case err == nil:
		return db, file, nil
	case errors.Is(err, berrors.ErrTimeout):
		return nil, nil, &BusyError{Path: s.Path}
	case errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrVersionMismatch), errors.Is(err, berrors.ErrChecksum):
		return nil, nil, &DamagedError{Path: s.Path, Reason: err.Error()}
	case !readOnly && asWriteError(s.Path, err) != nil:
		return nil, nil, asWriteError(s.Path, err)
	case errors.Is(err, os.ErrPermission):
		return nil, nil, fmt.Errorf("database %s cannot be opened: permission denied", s.Path)
	}
	var d *DamagedError
	if errors.As(err, &d) {
		return nil, nil, err
	}
	return nil, nil, fmt.Errorf("database %s: %w", s.Path, err)
}

// openRecovered turns a bbolt panic (or, with SetPanicOnFault, a memory
// fault) on a damaged file into an error. After a panic bolt.Open returns
// no handle, so the file it opened is unlocked and closed here: otherwise
// its lock would stay held and every later call would report the file busy.
func openRecovered(path string, opts *bolt.Options) (db *bolt.DB, err error) {
	db, _, err = openWithFile(path, opts)
	return db, err
}

// openWithFile is openRecovered, also returning the file bbolt opened (it
// stays bbolt's: closed with db). verify reads the header pages through it
// while db holds the lock, with no open of its own.
func openWithFile(path string, opts *bolt.Options) (db *bolt.DB, file *os.File, err error) {
	o := *opts
	o.OpenFile = func(name string, flag int, perm os.FileMode) (*os.File, error) {
		f, err := createdFile(name, flag, perm) // fsys.go: syncs the folder of a new file
		file = f
		return f, err
	}
	defer func() {
		if r := recover(); r != nil {
			if file != nil {
				unlockFile(file)
				file.Close()
			}
			db, file, err = nil, nil, &DamagedError{Path: path, Reason: fmt.Sprint(r)}
		}
	}()
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	db, err = bolt.Open(path, 0o600, &o)
	db, err = checkSameFile(path, file, db, err) // scrub.go: replaced while we waited for the lock?
	if err != nil {
		file = nil
	}
	return db, file, err
}

// view runs fn in a read transaction, once the tree has passed verify. A
// missing file reads as empty.
func (s *Store) view(fn func(tx *bolt.Tx) error) error { return s.viewWith(true, fn) }

// viewChecked is view for a caller that runs the whole check itself.
func (s *Store) viewChecked(fn func(tx *bolt.Tx) error) error { return s.viewWith(false, fn) }

func (s *Store) viewWith(walk bool, fn func(tx *bolt.Tx) error) error {
	db, file, err := s.open(true)
	if errors.Is(err, os.ErrNotExist) {
		return fn(nil)
	}
	if err != nil {
		return err
	}
	defer db.Close()
	return asDamaged(s.Path, guard(s.Path, func() error {
		if walk {
			if err := s.verify(db, file, false); err != nil {
				return err
			}
		}
		return db.View(func(tx *bolt.Tx) error {
			if err := checkSchema(s.Path, tx); err != nil {
				return err
			}
			return fn(tx)
		})
	}))
}

// update runs fn in one write transaction, committed (and fsynced) before
// it returns. It is the one way anything is written to the database: the
// file must first pass verify (a sound tree and free-page list, both
// header pages sound), so no command, now or later, writes to a file the
// check calls damaged. An older file is first brought up to SchemaVersion (see
// upgrade). A full disk or a read-only location is reported as a
// *WriteError; nothing committed before is lost and the call can be
// retried as it was.
func (s *Store) update(fn func(tx *bolt.Tx) error) error {
	db, file, err := s.open(false)
	if err != nil {
		if w := asWriteError(s.Path, err); w != nil {
			return w
		}
		return err
	}
	defer db.Close()
	err = guard(s.Path, func() error {
		if err := s.verify(db, file, true); err != nil {
			return err
		}
		if err := s.upgrade(db); err != nil {
			return err
		}
		err := db.Update(func(tx *bolt.Tx) error {
			if err := s.prepare(tx); err != nil {
				return err
			}
			return fn(tx)
		})
		if err == nil {
			s.wrote(file) // a write on a sound file leaves it sound
		}
		return err
	})
	err = asDamaged(s.Path, err)
	if w := asWriteError(s.Path, err); w != nil {
		return w
	}
	return err
}

// guard turns a panic inside bbolt (a damaged page), or a memory fault on
// the mapped file, into an error.
func guard(path string, fn func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &DamagedError{Path: path, Reason: fmt.Sprint(r)}
		}
	}()
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	return fn()
}

func checkSchema(path string, tx *bolt.Tx) error {
	_, err := schemaOf(path, tx)
	return err
}

// schemaOf reads the file's schema version: 0 for a new, empty file.
func schemaOf(path string, tx *bolt.Tx) (int, error) {
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		if tx.Bucket(bucketAssessments) == nil && isEmpty(tx) {
			return 0, nil
		}
		return 0, &DamagedError{Path: path, Reason: "not a cxo database: no meta bucket"}
	}
	v, err := strconv.Atoi(string(meta.Get(keySchema)))
	if err != nil || v < 1 {
		return 0, &DamagedError{Path: path, Reason: "unreadable schema version"}
	}
	if v > SchemaVersion {
		return v, &NewerError{Path: path, Schema: v}
	}
	return v, nil
}

func isEmpty(tx *bolt.Tx) bool {
	empty := true
	_ = tx.ForEach(func([]byte, *bolt.Bucket) error { empty = false; return nil })
	return empty
}

// prepare runs at the start of every write transaction, after upgrade: a
// new file gets the current layout, and the meta bucket records which cxo
// wrote last.
func (s *Store) prepare(tx *bolt.Tx) error {
	v, err := schemaOf(s.Path, tx)
	if err != nil {
		return err
	}
	if v != 0 && v != SchemaVersion {
		return fmt.Errorf("database %s is at schema %d after upgrading to %d", s.Path, v, SchemaVersion)
	}
	meta, err := tx.CreateBucketIfNotExists(bucketMeta)
	if err != nil {
		return err
	}
	if v == 0 {
		if err := meta.Put(keySchema, []byte(strconv.Itoa(SchemaVersion))); err != nil {
			return err
		}
	}
	if s.Writer != "" && string(meta.Get(keyWriter)) != s.Writer {
		if err := meta.Put(keyWriter, []byte(s.Writer)); err != nil {
			return err
		}
	}
	for _, name := range [][]byte{bucketAssessments, bucketSettings} {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return err
		}
	}
	return nil
}
