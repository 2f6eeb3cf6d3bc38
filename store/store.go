// Package store keeps assessments in a bbolt file. The file is opened for
// each transaction and closed straight after, so several cxo processes (a
// second terminal, cxo list, cxo export) can share it; each answer lives
// under its own key so two writers never overwrite each other.
//
// At start-up Backup runs the consistency check (Check) and keeps a
// last-good copy; a damaged file is reported, never changed, and can be
// moved aside with MoveAside. Older layouts are migrated (migrate.go) at
// the first write, after a copy is taken; a newer one is refused.
package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"time"

	"github.com/adrg/xdg"
	bolt "go.etcd.io/bbolt"
)

// SchemaVersion is the layout this build writes. Older files are brought
// up to it by the steps in migrations (migrate.go) at the first write;
// reading never changes a file.
const SchemaVersion = 2

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

// DamagedError says the file is not a cxo database we can read.
type DamagedError struct {
	Path   string
	Reason string
}

func (e *DamagedError) Error() string {
	return fmt.Sprintf("database %s cannot be read (%s); it was left untouched", e.Path, plainReason(e.Reason))
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
func (s *Store) open(readOnly bool) (db *bolt.DB, err error) {
	if readOnly {
		fi, err := os.Stat(s.Path)
		if err != nil {
			return nil, err
		}
		if fi.Size() == 0 {
			// Created but never written (bbolt would try to initialise it
			// through a read-only handle): nothing is stored yet.
			return nil, os.ErrNotExist
		}
	} else if err := os.MkdirAll(filepath.Dir(s.Path), 0o700); err != nil {
		if w := asWriteError(s.Path, err); w != nil {
			return nil, w
		}
		return nil, fmt.Errorf("cannot create the data folder for %s: %w", s.Path, err)
	}
	if err := precheck(s.Path); err != nil {
		return nil, err
	}
	opts := &bolt.Options{Timeout: s.LockWait, ReadOnly: readOnly, MaxSize: s.maxSize}
	for attempt := 0; attempt < max(1, s.Attempts); attempt++ {
		db, err = openRecovered(s.Path, opts)
		if !errors.Is(err, bolt.ErrTimeout) || s.Waiting != nil && !s.Waiting(time.Duration(attempt+1)*s.LockWait) {
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
	case !readOnly && asWriteError(s.Path, err) != nil:
		return nil, asWriteError(s.Path, err)
	case errors.Is(err, os.ErrPermission):
		return nil, fmt.Errorf("database %s cannot be opened: permission denied", s.Path)
	}
	var d *DamagedError
	if errors.As(err, &d) {
		return nil, err
	}
	return nil, fmt.Errorf("database %s: %w", s.Path, err)
}

// openRecovered turns a bbolt panic (or, with SetPanicOnFault, a memory
// fault) on a damaged file into an error. After a panic bolt.Open returns
// no handle, so the file it opened is unlocked and closed here: otherwise
// its lock would stay held and every later call would report the file busy.
func openRecovered(path string, opts *bolt.Options) (db *bolt.DB, err error) {
	var file *os.File
	o := *opts
	o.OpenFile = func(name string, flag int, perm os.FileMode) (*os.File, error) {
		f, err := os.OpenFile(name, flag, perm)
		file = f
		return f, err
	}
	defer func() {
		if r := recover(); r != nil {
			if file != nil {
				unlockFile(file)
				file.Close()
			}
			db, err = nil, &DamagedError{Path: path, Reason: fmt.Sprint(r)}
		}
	}()
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	return bolt.Open(path, 0o600, &o)
}

// bbolt's file format, as far as precheck reads it: two meta pages at the
// start, each a 16-byte page header then the meta fields in native byte
// order, checksummed with FNV-64a.
const (
	boltMagic        = 0xED0CDAED
	boltVersion      = 2
	boltPageHeader   = 16
	boltMetaSize     = 64 // up to and including the checksum
	boltChecksumAt   = 56
	boltNoFreelist   = ^uint64(0)
	boltFreelistPage = 0x10
	precheckAttempts = 3
)

type boltMeta struct {
	pageSize                   uint32
	root, freelist, pgid, txid uint64
}

// precheck refuses files bbolt would fault or panic on, or would quietly
// open from its older meta page: anything that is not empty and not a
// bbolt file whose two meta pages are both intact and which is as long as
// they say. bbolt maps the file into memory and reading past its end is a
// fault no recover can catch, so a short file must be stopped here.
// A writer in another process may be rewriting a meta page while this
// reads it, so a failure is only believed when it repeats.
func precheck(path string) error {
	var err error
	for attempt := 0; attempt < precheckAttempts; attempt++ {
		if attempt > 0 {
			time.Sleep(10 * time.Millisecond)
		}
		var d *DamagedError
		if err = precheckOnce(path); !errors.As(err, &d) {
			return err
		}
	}
	return err
}

func precheckOnce(path string) error {
	f, err := os.Open(path)
	if err != nil {
		if os.IsNotExist(err) {
			return nil
		}
		return err
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.IsDir() {
		return fmt.Errorf("%s is a folder, not a database file; point --db or CXO_DB at a file", path)
	}
	damaged := func(format string, args ...any) error {
		return &DamagedError{Path: path, Reason: fmt.Sprintf(format, args...)}
	}
	m0, err := readMeta(f, 0)
	if errors.Is(err, io.EOF) {
		if fi, statErr := f.Stat(); statErr == nil && fi.Size() == 0 {
			return nil // a new file bbolt is about to initialise
		}
		return damaged("too short to be a cxo database")
	}
	if err != nil {
		return damaged("first meta page: %v", err)
	}
	m1, err := readMeta(f, int64(m0.pageSize))
	if errors.Is(err, io.EOF) {
		return damaged("too short to be a cxo database")
	}
	if err != nil {
		return damaged("second meta page: %v", err)
	}
	if m1.pageSize != m0.pageSize {
		return damaged("meta pages disagree on the page size")
	}
	// Stat after reading the meta pages: the file only grows, and a writer
	// grows it before it writes a meta page that counts the new pages.
	fi, err := f.Stat()
	if err != nil {
		return err
	}
	ps := uint64(m0.pageSize)
	if uint64(fi.Size()) < 4*ps {
		return damaged("too short to be a cxo database")
	}
	for _, m := range []boltMeta{m0, m1} {
		switch {
		case m.pgid < 4 || m.pgid > uint64(fi.Size())/ps:
			return damaged("truncated: %d bytes where %d pages of %d bytes are expected", fi.Size(), m.pgid, ps)
		case m.root < 2 || m.root >= m.pgid, m.freelist != boltNoFreelist && (m.freelist < 2 || m.freelist >= m.pgid):
			return damaged("meta page points outside the file")
		}
	}
	// bbolt reads the freelist of the newer meta page as it opens the file
	// for writing, trusting its length; check the page is one.
	m := m0
	if m1.txid > m0.txid {
		m = m1
	}
	if m.freelist == boltNoFreelist {
		return nil
	}
	var hdr [boltPageHeader + 8]byte
	if _, err := f.ReadAt(hdr[:], int64(m.freelist*ps)); err != nil {
		return damaged("freelist page: %v", err)
	}
	ne := binary.NativeEndian
	flags, count, overflow := ne.Uint16(hdr[8:]), uint64(ne.Uint16(hdr[10:])), uint64(ne.Uint32(hdr[12:]))
	room := ((overflow+1)*ps - boltPageHeader) / 8 // page ids the page can hold
	if count == 0xFFFF {
		count, room = ne.Uint64(hdr[boltPageHeader:]), room-1 // the first one holds the count
	}
	if flags != boltFreelistPage || m.freelist+overflow >= m.pgid || count > room {
		return damaged("freelist page is not a freelist")
	}
	return nil
}

// readMeta reads and validates the bbolt meta page at off.
func readMeta(f *os.File, off int64) (boltMeta, error) {
	var buf [boltPageHeader + boltMetaSize]byte
	if _, err := f.ReadAt(buf[:], off); err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) {
			err = io.EOF
		}
		return boltMeta{}, err
	}
	p := buf[boltPageHeader:]
	ne := binary.NativeEndian
	h := fnv.New64a()
	h.Write(p[:boltChecksumAt])
	m := boltMeta{pageSize: ne.Uint32(p[8:]), root: ne.Uint64(p[16:]), freelist: ne.Uint64(p[32:]),
		pgid: ne.Uint64(p[40:]), txid: ne.Uint64(p[48:])}
	switch {
	case ne.Uint32(p[0:]) != boltMagic:
		return m, errors.New("not a bbolt file")
	case ne.Uint32(p[4:]) != boltVersion:
		return m, fmt.Errorf("bbolt format version %d", ne.Uint32(p[4:]))
	case ne.Uint64(p[boltChecksumAt:]) != h.Sum64():
		return m, errors.New("checksum mismatch")
	case m.pageSize < 1024 || m.pageSize > 1<<24 || m.pageSize&(m.pageSize-1) != 0:
		return m, fmt.Errorf("page size %d", m.pageSize)
	}
	return m, nil
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
// it returns. An older file is first brought up to SchemaVersion (see
// upgrade). A full disk or a read-only location is reported as a
// *WriteError; nothing committed before is lost and the call can be
// retried as it was.
func (s *Store) update(fn func(tx *bolt.Tx) error) error {
	db, err := s.open(false)
	if err != nil {
		if w := asWriteError(s.Path, err); w != nil {
			return w
		}
		return err
	}
	defer db.Close()
	err = guard(s.Path, func() error {
		if err := s.upgrade(db); err != nil {
			return err
		}
		return db.Update(func(tx *bolt.Tx) error {
			if err := s.prepare(tx); err != nil {
				return err
			}
			return fn(tx)
		})
	})
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
