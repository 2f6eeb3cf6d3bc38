package ui

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	bolt "go.etcd.io/bbolt"

	"github.com/cxo-dev/cxo/model"
	"github.com/cxo-dev/cxo/store"
)

// damageCursor flips a bit inside the stored resume position of id, every
// copy of it in the file, as a bad sector would.
func damageCursor(t *testing.T, path, id string) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	var v []byte
	_ = db.View(func(tx *bolt.Tx) error {
		v = bytes.Clone(tx.Bucket([]byte("assessments")).Bucket([]byte(id)).Get([]byte("cursor")))
		return nil
	})
	db.Close()
	data, err := os.ReadFile(path)
	if err != nil || len(v) < 4 {
		t.Fatalf("reading the cursor: %v (%d bytes)", err, len(v))
	}
	n := bytes.Count(data, v)
	data = bytes.ReplaceAll(data, v, append(append([]byte{}, v[:3]...), append([]byte{v[3] ^ 0x04}, v[4:]...)...))
	if n == 0 {
		t.Fatal("the cursor is not in the file")
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

// Going on with an assessment part of which could not be read says so, in
// the TUI and in line mode, instead of quietly resuming elsewhere.
func TestGoingOnSaysWhatCouldNotBeRead(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cxo.db")
	s := store.New(path, "test")
	d := newDriver(t, s, Start{Action: "new", Length: model.LengthQuick}, 80, 24)
	d.keys("enter", "1", "2", "q")
	id := d.app.a.ID
	damageCursor(t, path, id)

	s = store.New(path, "test")
	d = newDriver(t, s, Start{Action: ActionResume, ResumeID: id}, 80, 24)
	got := ansi.Strip(d.screen())
	if d.app.state != stateQuestion && d.app.state != stateIntro {
		t.Fatalf("state %v, want the assessment open:\n%s", d.app.state, got)
	}
	if !strings.Contains(got, "could not read") || !strings.Contains(got, "where to resume") {
		t.Errorf("the TUI does not say the resume position was unreadable:\n%s", got)
	}
	if d.app.question.index != 2 {
		t.Errorf("resumed at %d, want the first open item, 2", d.app.question.index)
	}

	var out bytes.Buffer
	l := &Line{Store: store.New(path, "test"), Bank: testBank(t), In: bufio.NewReader(strings.NewReader("q\n")), Out: &out}
	_ = l.resume(id)
	if !strings.Contains(out.String(), "Note: could not read") {
		t.Errorf("line mode does not say it:\n%s", out.String())
	}
}

// The words name answers by item and say where going on starts.
func TestUnreadWords(t *testing.T) {
	answer := func(item string) error {
		return &store.RecordError{Key: "a1/answers/" + item, Reason: "its checksum does not match"}
	}
	cursor := &store.RecordError{Key: "a1/cursor", Reason: "its checksum does not match"}
	for _, tc := range []struct {
		unread []error
		want   string
	}{
		{nil, ""},
		{[]error{answer("ops-1")}, "could not read the answer to item ops-1 (damaged: cxo check names it)"},
		{[]error{cursor, answer("ops-1")}, "could not read where to resume, the answer to item ops-1 (damaged: cxo check names it); going on at the first open item"},
		{[]error{answer("a"), answer("b"), answer("c"), answer("d")}, "could not read the answer to item a, the answer to item b, 2 more values (damaged: cxo check names it)"},
	} {
		if got := unreadWords(tc.unread); got != tc.want {
			t.Errorf("unreadWords(%v)\n got %q\nwant %q", tc.unread, got, tc.want)
		}
	}
}
