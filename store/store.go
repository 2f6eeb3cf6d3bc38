// Package store keeps assessments in a bbolt file. The file is opened for
// each transaction and closed straight after, so several cxo processes (a
// second terminal, cxo list, cxo export) can share it; each answer lives
// under its own key so two writers never overwrite each other.
package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/adrg/xdg"
	bolt "go.etcd.io/bbolt"
)

// SchemaVersion is the layout this build writes.
const SchemaVersion = 1

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
}

// DefaultPath is where the database lives unless --db or CXO_DB say
// otherwise: $XDG_DATA_HOME/cxo/cxo.db.
func DefaultPath() string {
	return filepath.Join(xdg.DataHome, "cxo", "cxo.db")
}

// New returns a store for the file; nothing is opened yet.
func New(path, writer string) *Store {
	return &Store{Path: path, Writer: writer, LockWait: 250 * time.Millisecond, Attempts: 12}
}

// BusyError says another process held the file for too long.
type BusyError struct{ Path string }

func (e *BusyError) Error() string {
	return fmt.Sprintf("database %s is busy: another cxo has held it for several seconds; try again", e.Path)
}

// DamagedError says the file is not a cxo database we can read.
type DamagedError struct {
	Path   string
	Reason string
}

func (e *DamagedError) Error() string {
	return fmt.Sprintf("database %s cannot be read (%s); it was left untouched", e.Path, e.Reason)
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
// holds the lock. Read-only opens of a missing file report os.ErrNotExist.
func (s *Store) open(readOnly bool) (db *bolt.DB, err error) {
	if readOnly {
		if _, err := os.Stat(s.Path); err != nil {
			return nil, err
		}
	} else if err := os.MkdirAll(filepath.Dir(s.Path), 0o700); err != nil {
		return nil, fmt.Errorf("cannot create the data folder: %w", err)
	}
	if err := precheck(s.Path); err != nil {
		return nil, err
	}
	opts := &bolt.Options{Timeout: s.LockWait, ReadOnly: readOnly}
	for attempt := 0; attempt < max(1, s.Attempts); attempt++ {
		db, err = openRecovered(s.Path, opts)
		if !errors.Is(err, bolt.ErrTimeout) {
			break
		}
	}
	switch {
	case err == nil:
		return db, nil
	case errors.Is(err, bolt.ErrTimeout):
		return nil, &BusyError{Path: s.Path}
	case errors.Is(err, bolt.ErrInvalid), errors.Is(err, bolt.ErrVersionMismatch), errors.Is(err, bolt.ErrChecksum):
		return nil, &DamagedError{Path: s.Path, Reason: err.Error()}
	case errors.Is(err, os.ErrPermission):
		return nil, fmt.Errorf("database %s cannot be opened: permission denied", s.Path)
	}
	var d *DamagedError
	if errors.As(err, &d) {
		return nil, err
	}
	return nil, fmt.Errorf("database %s: %w", s.Path, err)
}

// openRecovered turns a bbolt panic on a damaged file into an error.
func openRecovered(path string, opts *bolt.Options) (db *bolt.DB, err error) {
	defer func() {
		if r := recover(); r != nil {
			db, err = nil, &DamagedError{Path: path, Reason: fmt.Sprint(r)}
		}
	}()
	return bolt.Open(path, 0o600, opts)
}

// precheck refuses files bbolt would fault on: shorter than two meta
// pages, or not starting with a bbolt page header.
func precheck(path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		if os.IsNotExist(err) {
			return nil
		}
		return err
	}
	if fi.Size() == 0 {
		return nil // a new file bbolt is about to initialise
	}
	if fi.Size() < 2*1024 {
		return &DamagedError{Path: path, Reason: "too short to be a cxo database"}
	}
	return nil
}

// view runs fn in a read transaction. A missing file reads as empty.
func (s *Store) view(fn func(tx *bolt.Tx) error) error {
	db, err := s.open(true)
	if errors.Is(err, os.ErrNotExist) {
		return fn(nil)
	}
	if err != nil {
		return err
	}
	defer db.Close()
	return guard(s.Path, func() error {
		return db.View(func(tx *bolt.Tx) error {
			if err := checkSchema(s.Path, tx); err != nil {
				return err
			}
			return fn(tx)
		})
	})
}

// update runs fn in one write transaction, committed (and fsynced) before
// it returns.
func (s *Store) update(fn func(tx *bolt.Tx) error) error {
	db, err := s.open(false)
	if err != nil {
		return err
	}
	defer db.Close()
	return guard(s.Path, func() error {
		return db.Update(func(tx *bolt.Tx) error {
			if err := s.migrate(tx); err != nil {
				return err
			}
			return fn(tx)
		})
	})
}

// guard turns a panic inside bbolt (a damaged page) into an error.
func guard(path string, fn func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &DamagedError{Path: path, Reason: fmt.Sprint(r)}
		}
	}()
	return fn()
}

func checkSchema(path string, tx *bolt.Tx) error {
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		if tx.Bucket(bucketAssessments) == nil && isEmpty(tx) {
			return nil
		}
		return &DamagedError{Path: path, Reason: "not a cxo database: no meta bucket"}
	}
	v, err := strconv.Atoi(string(meta.Get(keySchema)))
	if err != nil {
		return &DamagedError{Path: path, Reason: "unreadable schema version"}
	}
	if v > SchemaVersion {
		return &NewerError{Path: path, Schema: v}
	}
	return nil
}

func isEmpty(tx *bolt.Tx) bool {
	empty := true
	_ = tx.ForEach(func([]byte, *bolt.Bucket) error { empty = false; return nil })
	return empty
}

// migrate brings the file up to SchemaVersion inside the caller's
// transaction; a new file gets the current layout.
func (s *Store) migrate(tx *bolt.Tx) error {
	if err := checkSchema(s.Path, tx); err != nil {
		return err
	}
	meta, err := tx.CreateBucketIfNotExists(bucketMeta)
	if err != nil {
		return err
	}
	if meta.Get(keySchema) == nil {
		if err := meta.Put(keySchema, []byte(strconv.Itoa(SchemaVersion))); err != nil {
			return err
		}
	}
	if s.Writer != "" && string(meta.Get(keyWriter)) != s.Writer {
		if err := meta.Put(keyWriter, []byte(s.Writer)); err != nil {
			return err
		}
	}
	_, err = tx.CreateBucketIfNotExists(bucketAssessments)
	return err
}
