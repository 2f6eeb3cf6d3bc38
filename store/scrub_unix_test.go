//go:build unix

package store

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cxo-dev/cxo/model"
)

// The hazard of rewriting the file: another cxo process that opened the
// old file and waits for its lock must not, once it gets the lock, write
// to the file that no longer has the name. A child answers in a loop
// while this process deletes (and so rewrites the file) again and again;
// every answer the child acknowledged must be in the file at the end.
func TestDeleteWhileAnotherProcessAnswers(t *testing.T) {
	if isChild() {
		answerChild()
		return
	}
	path := dbPath(t)
	const id = "20261123-170811-a3f"
	s := New(path, "parent")
	s.Attempts = 1000
	bank := testBank(t)
	if err := s.Create(newAssessment(t, bank, id)); err != nil {
		t.Fatal(err)
	}
	const answers = 120
	c := startChild(t, "TestDeleteWhileAnotherProcessAnswers", envDB+"="+path, envID+"="+id, envPrefix+"=i",
		envFrom+"=1", envCount+"="+strconv.Itoa(answers), envRetry+"=0", envPause+"=2")
	c.waitReady(t)
	deletes := 0
	acked := map[string]bool{}
	var errs []string
	for open := true; open; {
		// Take what the child said so far, without waiting.
		for drained := false; !drained && open; {
			select {
			case line, ok := <-c.lines:
				switch {
				case !ok:
					open = false
				case strings.HasPrefix(line, "ack "):
					acked[strings.TrimPrefix(line, "ack ")] = true
				case strings.HasPrefix(line, "err "):
					errs = append(errs, line)
				}
			default:
				drained = true
			}
		}
		if !open {
			break
		}
		other := fmt.Sprintf("20261123-1709%02d-%03x", deletes%60, deletes)
		if err := s.Create(newAssessment(t, bank, other)); err != nil {
			t.Fatal(err)
		}
		if err := s.Delete(other); err != nil {
			t.Fatal(err)
		}
		deletes++
		time.Sleep(time.Millisecond) // let the child in; not a timed assertion
	}
	if err := c.cmd.Wait(); err != nil {
		t.Fatalf("child: %v %s", err, c.stderr.String())
	}
	for _, e := range errs {
		// This loop rewrites the file far more often than anyone would,
		// so on a loaded machine the child may give up waiting: that is
		// reported, never a lost answer. Anything else is a failure.
		if !strings.Contains(e, "is busy") {
			t.Errorf("child: %s", e)
		}
	}
	t.Logf("%d deletes while the child gave %d answers", deletes, len(acked))
	if len(acked) < 10 || deletes < 3 {
		t.Fatalf("%d answers acknowledged, %d deletes: the two did not overlap", len(acked), deletes)
	}
	checkStored(t, path, id, acked, 0)
}

// A database reached through a symbolic link is rewritten where the link
// points; the link stays a link.
func TestDeleteThroughASymbolicLink(t *testing.T) {
	bank := testBank(t)
	dir := t.TempDir()
	real, link := filepath.Join(dir, "real.db"), filepath.Join(dir, "link.db")
	if err := os.WriteFile(real, nil, 0o600); err != nil { // a new, empty database
		t.Fatal(err)
	}
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	s := New(link, "test")
	a := newAssessment(t, bank, "20261123-170811-aaa")
	if err := s.Create(a); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveAnswer(a.ID, a.Order[0], model.Answer{Value: 1, Note: secretNote}, 1); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(a.ID); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v", err)
	}
	if fileHolds(t, real, secretNote) {
		t.Error("the file the link points to still holds the note")
	}
	if err := s.Create(newAssessment(t, bank, "20261123-170812-bbb")); err != nil {
		t.Fatal(err)
	}
	if list, _, err := New(real, "").List(); err != nil || len(list) != 1 {
		t.Errorf("through the real path: %v %v", list, err)
	}
}
