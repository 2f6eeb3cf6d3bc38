package store

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"

	bolt "go.etcd.io/bbolt"
)

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
