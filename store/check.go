package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Check runs the consistency check the way start-up should: a read-only
// open (so the file's bytes never change), bbolt's own check of every page
// (tx.Check) and the schema check. A damaged, foreign or truncated file
// gives a *DamagedError naming it, one written by a newer cxo a
// *NewerError, a file another process holds too long a *BusyError. A
// missing or empty file is fine: there is nothing to check yet.
func (s *Store) Check() error {
	return s.view(func(tx *bolt.Tx) error {
		if tx == nil {
			return nil
		}
		return consistent(s.Path, tx)
	})
}

// Backup checks the file as Check does and, when it is clean, keeps a
// last-good copy at BackupPath (mode 0600). The copy is written from the
// same read transaction the check ran in, so it is consistent, to a
// temporary file that is then renamed over the old copy: a crash leaves
// the previous copy whole. It returns the copy's path, or "" when there is
// no database yet. On any problem the old copy is left as it was.
func (s *Store) Backup() (string, error) {
	_, _ = s.resumeScrub() // scrub.go: finish an interrupted delete before copying
	bak := BackupPath(s.Path)
	written := false
	err := s.view(func(tx *bolt.Tx) error {
		if tx == nil {
			return nil
		}
		if err := consistent(s.Path, tx); err != nil {
			return err
		}
		if copyIsCurrent(tx, bak) {
			written = true // nothing was written since the last copy
			return nil
		}
		err := writeAtomic(bak, func(w io.Writer) error { _, err := tx.WriteTo(w); return err })
		if err != nil {
			err = fmt.Errorf("keeping the last good copy of %s: %w", s.Path, err)
			if w := asWriteError(bak, err); w != nil {
				w.What = "the last good copy"
				return w
			}
			return fmt.Errorf("cannot keep a copy of %s at %s: %w", s.Path, bak, err)
		}
		written = true
		return nil
	})
	if err != nil || !written {
		return "", err
	}
	return bak, nil
}

// copyIsCurrent reports whether the copy at bak already holds exactly the
// bytes tx would write, so making it again would only repeat them (every
// start runs Backup). It compares contents, not modification times: file
// systems with coarse timestamps give a copy made in the same tick as the
// last write the same time, and a database moved aside and started afresh
// can be older than the copy.
func copyIsCurrent(tx *bolt.Tx, bak string) bool {
	f, err := os.Open(bak)
	if err != nil {
		return false
	}
	defer f.Close()
	if info, err := f.Stat(); err != nil || info.Size() != tx.Size() {
		return false
	}
	cmp := &compareWriter{r: f}
	if _, err := tx.WriteTo(cmp); err != nil {
		return false // errDiffers, or a read error: copy again
	}
	var one [1]byte
	n, _ := f.Read(one[:])
	return n == 0
}

var errDiffers = errors.New("differs")

// compareWriter checks that what is written equals what r holds next.
type compareWriter struct {
	r   io.Reader
	buf []byte
}

func (c *compareWriter) Write(p []byte) (int, error) {
	if cap(c.buf) < len(p) {
		c.buf = make([]byte, len(p))
	}
	got := c.buf[:len(p)]
	if _, err := io.ReadFull(c.r, got); err != nil {
		return 0, err
	}
	if !bytes.Equal(got, p) {
		return 0, errDiffers
	}
	return len(p), nil
}

// BackupPath is where Backup keeps the last good copy: <path>.bak.
func BackupPath(path string) string { return path + ".bak" }

// BackupGenerations names every last-good copy Backup may keep, newest
// first: <path>.bak, then the older <path>.bak.1 and <path>.bak.2. Anything
// that must reach every copy (deleting an assessment, say) walks this list.
func BackupGenerations(path string) []string {
	b := BackupPath(path)
	return []string{b, b + ".1", b + ".2"}
}

// RestoreHint is the one-line instruction for going back to the last good
// copy Backup kept.
func RestoreHint(path string) string {
	return "to restore the last good copy: cp " + ShellQuote(BackupPath(path)) + " " + ShellQuote(path)
}

// ShellQuote quotes s for a POSIX shell when it needs quoting, so a path
// in a hint can be pasted as it is.
func ShellQuote(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("_-./+,:@%=~", r))
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// MoveAside renames a damaged database to <path>.corrupt-<YYYYMMDD-HHMMSS>
// (now's clock), so a fresh one can be started; its bytes are not changed.
// An existing file is never overwritten: if the name is taken, -2, -3 ...
// is added. It returns the new name.
func MoveAside(path string, now time.Time) (string, error) {
	if _, err := os.Lstat(path); err != nil {
		return "", err
	}
	base := path + ".corrupt-" + now.Format("20060102-150405")
	for i := 1; i <= 100; i++ {
		dst := base
		if i > 1 {
			dst += "-" + strconv.Itoa(i)
		}
		// A hard link never replaces an existing name, so it claims dst
		// atomically; removing the old name completes the move.
		err := fsys.Link(path, dst)
		if err == nil {
			if err := fsys.Remove(path); err != nil {
				fsys.Remove(dst)
				return "", fmt.Errorf("cannot move %s aside: %w", path, err)
			}
			syncDir(filepath.Dir(path))
			return dst, nil
		}
		if errors.Is(err, os.ErrExist) {
			continue
		}
		// No hard links here (some file systems): rename, once the name
		// is seen to be free.
		if _, statErr := os.Lstat(dst); statErr == nil {
			continue
		} else if !errors.Is(statErr, os.ErrNotExist) {
			return "", fmt.Errorf("cannot move %s aside: %w", path, statErr)
		}
		if err := fsys.Rename(path, dst); err != nil {
			return "", fmt.Errorf("cannot move %s aside: %w", path, err)
		}
		syncDir(filepath.Dir(path))
		return dst, nil
	}
	return "", fmt.Errorf("cannot move %s aside: %s-2 to -100 are all taken", path, base)
}

// writeAtomic writes dst (mode 0600) by filling a temporary file beside it,
// syncing it and renaming it over dst.
func writeAtomic(dst string, fill func(w io.Writer) error) error {
	return writeFileAtomic(dst, fill, false) // fsys.go
}

// syncDir makes a rename in dir durable where the system allows it.
func syncDir(dir string) {
	_ = fsys.SyncDir(dir) // fsys.go
}

// consistent is the consistency check on an open transaction: the schema,
// a walk over the pages that checks each one is what it should be and
// lies in the file, then bbolt's tx.Check. tx.Check reads the memory map
// in a goroutine of its own, where a fault on a damaged page could not be
// recovered, so the walk (reading the file, not the map) comes first and
// tx.Check only runs on pages it found sound. Call it inside guard.
func consistent(path string, tx *bolt.Tx) error {
	if err := checkSchema(path, tx); err != nil {
		return err
	}
	if err := walkPages(path); err != nil {
		return err
	}
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
		return &DamagedError{Path: path, Reason: "consistency check: " + oneLine(first.Error())}
	case n > 1:
		return &DamagedError{Path: path, Reason: fmt.Sprintf("consistency check: %s, and %d more problems", oneLine(first.Error()), n-1)}
	}
	return nil
}

// Page layout, as bbolt writes it (native byte order): a 16-byte header
// (id, flags, count, overflow), then count 16-byte elements. A branch
// element is pos, ksize, child page id; a leaf element is flags, pos,
// ksize, vsize, with pos counted from the element itself. A bucket's value
// is its root page id and sequence, followed, when the root is 0, by the
// bucket's own (inline) leaf page.
const (
	pageBranch   = 0x01
	pageLeaf     = 0x02
	leafIsBucket = 0x01
	elementSize  = 16
	bucketHeader = 16
	maxTreeDepth = 64
)

type pageWalker struct {
	path string
	f    *os.File
	ps   uint64
	hwm  uint64 // pages below this are in use or free
	seen map[uint64]bool
}

// walkPages reads the tree of the current meta page from the file and
// reports a *DamagedError if a page is out of range, referenced twice, of
// the wrong kind, or has elements that point outside it.
func walkPages(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	m0, err0 := readMeta(f, 0)
	if err0 != nil {
		return &DamagedError{Path: path, Reason: "first meta page: " + err0.Error()}
	}
	m1, err1 := readMeta(f, int64(m0.pageSize))
	if err1 != nil {
		return &DamagedError{Path: path, Reason: "second meta page: " + err1.Error()}
	}
	m := m0
	if m1.txid > m0.txid {
		m = m1
	}
	w := &pageWalker{path: path, f: f, ps: uint64(m.pageSize), hwm: m.pgid, seen: map[uint64]bool{}}
	return w.page(m.root, 0)
}

func (w *pageWalker) damaged(format string, args ...any) error {
	return &DamagedError{Path: w.path, Reason: "consistency check: " + fmt.Sprintf(format, args...)}
}

func (w *pageWalker) page(id uint64, depth int) error {
	if depth > maxTreeDepth {
		return w.damaged("the tree is deeper than %d pages", maxTreeDepth)
	}
	if id < 2 || id >= w.hwm {
		return w.damaged("page %d is outside the file's %d pages", id, w.hwm)
	}
	if w.seen[id] {
		return w.damaged("page %d is referenced twice", id)
	}
	w.seen[id] = true
	buf := make([]byte, w.ps)
	if _, err := w.f.ReadAt(buf, int64(id*w.ps)); err != nil {
		return w.damaged("page %d: %v", id, err)
	}
	ne := binary.NativeEndian
	overflow := uint64(ne.Uint32(buf[12:]))
	if ne.Uint64(buf[0:]) != id {
		return w.damaged("page %d says it is page %d", id, ne.Uint64(buf[0:]))
	}
	if id+overflow >= w.hwm {
		return w.damaged("page %d runs past the file's %d pages", id, w.hwm)
	}
	if overflow > 0 {
		buf = append(buf, make([]byte, overflow*w.ps)...)
		if _, err := w.f.ReadAt(buf[w.ps:], int64((id+1)*w.ps)); err != nil {
			return w.damaged("page %d: %v", id, err)
		}
	}
	return w.node(id, buf, depth)
}

// node checks one page (from the file, or inline in a bucket's value).
func (w *pageWalker) node(id uint64, p []byte, depth int) error {
	if len(p) < boltPageHeader {
		return w.damaged("page %d is too short", id)
	}
	ne := binary.NativeEndian
	flags, count := ne.Uint16(p[8:]), int(ne.Uint16(p[10:]))
	if boltPageHeader+count*elementSize > len(p) {
		return w.damaged("page %d has more elements than fit", id)
	}
	for i := range count {
		at := boltPageHeader + i*elementSize
		e := p[at : at+elementSize]
		switch flags {
		case pageBranch:
			pos, ksize, child := uint64(ne.Uint32(e[0:])), uint64(ne.Uint32(e[4:])), ne.Uint64(e[8:])
			if uint64(at)+pos+ksize > uint64(len(p)) {
				return w.damaged("page %d: key %d points outside the page", id, i)
			}
			if err := w.page(child, depth+1); err != nil {
				return err
			}
		case pageLeaf:
			eflags, pos, ksize, vsize := ne.Uint32(e[0:]), uint64(ne.Uint32(e[4:])), uint64(ne.Uint32(e[8:])), uint64(ne.Uint32(e[12:]))
			end := uint64(at) + pos + ksize + vsize
			if end > uint64(len(p)) {
				return w.damaged("page %d: element %d points outside the page", id, i)
			}
			if eflags&leafIsBucket == 0 {
				continue
			}
			v := p[uint64(at)+pos+ksize : end]
			if len(v) < bucketHeader {
				return w.damaged("page %d: bucket %d is too short", id, i)
			}
			if root := ne.Uint64(v); root != 0 {
				if err := w.page(root, depth+1); err != nil {
					return err
				}
			} else if err := w.node(id, v[bucketHeader:], depth+1); err != nil {
				return err
			}
		default:
			return w.damaged("page %d is neither a branch nor a leaf (flags %#x)", id, flags)
		}
	}
	if flags != pageBranch && flags != pageLeaf {
		return w.damaged("page %d is neither a branch nor a leaf (flags %#x)", id, flags)
	}
	return nil
}
