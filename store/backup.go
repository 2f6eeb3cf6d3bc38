package store

import (
	"bytes"
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

// Backup checks the file as Check does and, when it is clean, keeps a
// last-good copy at BackupPath (mode 0600), the two before it at
// BackupGenerations. A file that fails the check never becomes a copy, so
// bit rot found today leaves yesterday's good copies as they were. The
// copy is written from the same read transaction the check ran in, so it
// is consistent, to a temporary file that is then renamed over the old
// copy: a crash leaves the previous copy whole. It returns the copy's
// path, or "" when there is no database yet. On any problem the old
// copies are left as they were (at worst the oldest has given way to the
// next, which is then kept twice).
//
// Backup is what every start runs, so it also tidies what an earlier run
// left: temporary copies an interrupted start never renamed (removeStale)
// and modes looser than 0600 and 0700 (Tighten).
func (s *Store) Backup() (string, error) {
	_, _ = s.resumeScrub() // scrub.go: finish an interrupted delete before copying
	bak := BackupPath(s.Path)
	removeStale(s.Path, time.Now())
	s.Tighten()
	written := false
	err := s.viewChecked(func(tx *bolt.Tx) error {
		if tx == nil {
			return nil
		}
		if err := s.consistent(tx); err != nil {
			return err
		}
		if copyIsCurrent(tx, bak) {
			written = true // nothing was written since the last copy
			return nil
		}
		err := rotateBackups(s.Path)
		if err == nil {
			err = writeAtomic(bak, func(w io.Writer) error { _, err := tx.WriteTo(w); return err })
		}
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

// rotateBackups makes room for a new last-good copy: each generation moves
// one older (the oldest is dropped) and the newest stays in place until
// the new copy is renamed over it, so there is a last-good copy at every
// moment. The newest is linked to its older name, or copied where the file
// system has no hard links.
func rotateBackups(path string) error {
	gens := BackupGenerations(path)
	if _, err := os.Lstat(gens[0]); errors.Is(err, os.ErrNotExist) {
		return nil
	}
	for i := len(gens) - 1; i > 1; i-- {
		if err := os.Rename(gens[i-1], gens[i]); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	if err := os.Remove(gens[1]); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	if err := os.Link(gens[0], gens[1]); err == nil {
		return nil
	}
	src, err := os.Open(gens[0])
	if err != nil {
		return err
	}
	defer src.Close()
	return writeAtomic(gens[1], func(w io.Writer) error { _, err := io.Copy(w, src); return err })
}

// staleAge is how long a temporary copy must have been left alone before
// a start removes it: a copy being written is written to all the time,
// and even a copy of a very large file takes seconds.
const staleAge = 10 * time.Minute

// removeStale removes the temporary files a copy of path left behind when
// the process making it was killed (.<name>.bak.tmp-*, and those of the
// older generations, the pre-migration copies and the repair), once no one
// has written to them for staleAge.
func removeStale(path string, now time.Time) {
	dir, base := filepath.Dir(path), filepath.Base(path)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), "."+base+".")
		kind, _, isTemp := strings.Cut(rest, ".tmp-")
		if !ok || !isTemp || !staleKind(kind) || !e.Type().IsRegular() {
			continue
		}
		if fi, err := e.Info(); err == nil && now.Sub(fi.ModTime()) > staleAge {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// staleKind reports whether kind names a copy cxo makes: bak, bak.1,
// bak.2, pre-v<N> or repair.
func staleKind(kind string) bool {
	for _, g := range BackupGenerations("") {
		if kind == strings.TrimPrefix(g, ".") {
			return true
		}
	}
	if n, ok := strings.CutPrefix(kind, "pre-v"); ok {
		_, err := strconv.Atoi(n)
		return err == nil
	}
	return kind == "repair"
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
