package ui

import (
	"bufio"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	bolt "go.etcd.io/bbolt"

	"github.com/cxo-dev/cxo/model"
)

// syncBuffer is an output two goroutines share.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// waitOutput polls out for text (a guard against a hang, not a timing).
func waitOutput(t *testing.T, out *syncBuffer, text string) {
	t.Helper()
	for deadline := time.Now().Add(time.Minute); !strings.Contains(out.String(), text); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("no %q in:\n%s", text, out.String())
		}
	}
}

// holdDB takes the database's lock as another cxo writing would.
func holdDB(t *testing.T, path string) (release func()) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	var once sync.Once
	release = func() { once.Do(func() { db.Close() }) }
	t.Cleanup(release)
	return release
}

// The line mode waits for a held file, says after a second that another
// cxo holds it, and when the wait runs out keeps the answer: enter saves
// it once the file is free.
func TestLineModeWaitsForABusyFileAndKeepsTheAnswer(t *testing.T) {
	s := testStore(t)
	a, err := createAssessment(s, testBank(t), model.LengthQuick, "")
	if err != nil {
		t.Fatal(err)
	}
	s.LockWait, s.Attempts = 300*time.Millisecond, 5 // gives up after 1.5 s
	inR, inW := io.Pipe()
	out := &syncBuffer{}
	l := &Line{Store: s, Bank: testBank(t), In: bufio.NewReader(inR), Out: out}
	done := make(chan error, 1)
	go func() { done <- l.Run(Start{Action: "resume", ResumeID: a.ID}) }()
	waitOutput(t, out, "Item 1 of")
	release := holdDB(t, s.Path)
	io.WriteString(inW, "2\n")
	waitOutput(t, out, "Another cxo is using "+s.Path+"; waiting up to 60 s")
	waitOutput(t, out, "Not saved yet: database "+s.Path+" is busy")
	release()
	io.WriteString(inW, "\n")
	waitOutput(t, out, "Item 2 of")
	io.WriteString(inW, "q\n")
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	stored, _, err := s.Load(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := stored.Answers[stored.Order[0]].Value; got != 2 {
		t.Errorf("the kept answer was not saved on retry: value %d", got)
	}
	if n := strings.Count(out.String(), "Another cxo is using"); n != 1 {
		t.Errorf("the wait was mentioned %d times, want once", n)
	}
}

// The TUI waits for a held file, says so after a second, and esc stops the
// wait: the answer is kept and enter saves it once the file is free.
func TestTUIWaitsForABusyFileAndEscStops(t *testing.T) {
	s := testStore(t)
	d := newDriver(t, s, Start{Action: "new", Length: model.LengthQuick}, 100, 30)
	d.keys("enter")
	heard := make(chan tea.Msg, 4)
	d.app.SetSend(func(msg tea.Msg) { heard <- msg })
	s.LockWait = 50 * time.Millisecond // Attempts stays at 240: 12 s, far longer than this test waits
	release := holdDB(t, s.Path)
	// Bubble Tea runs one Update at a time; so does this test: the save
	// gives up only once the Update that took esc has returned.
	escDone := make(chan struct{})
	hook := s.Waiting
	s.Waiting = func(waited time.Duration) bool {
		if !hook(waited) {
			<-escDone
			return false
		}
		return true
	}
	answered := make(chan struct{})
	go func() { d.keys("3"); close(answered) }()
	var msg tea.Msg
	select {
	case msg = <-heard: // after a second of waiting
	case <-answered:
		t.Fatalf("the save did not wait for the held file: status %q, index %d, saving %v", d.app.status, d.app.question.index, d.app.question.saving)
	}
	if _, ok := msg.(lockWaitMsg); !ok {
		t.Fatalf("heard %T, want lockWaitMsg", msg)
	}
	d.app.Update(msg)
	if !strings.Contains(d.app.status, "Another cxo is using "+s.Path) || !strings.Contains(d.app.status, "esc stops waiting") {
		t.Errorf("no notice of the wait: %q", d.app.status)
	}
	d.app.Update(keyMsg("esc"))
	close(escDone)
	<-answered
	if d.app.question.pending == nil || d.app.question.pending.err == nil || !strings.Contains(d.app.status, "busy") {
		t.Fatalf("esc did not end the wait with the answer kept: status %q", d.app.status)
	}
	if d.app.a.Answers[d.app.a.Order[0]].Value != 3 {
		t.Fatal("the answer was dropped")
	}
	release()
	d.keys("enter")
	if d.app.question.index != 1 {
		t.Fatalf("enter did not retry: index %d, status %q", d.app.question.index, d.app.status)
	}
	stored, _, _ := s.Load(d.app.a.ID)
	if stored.Answers[stored.Order[0]].Value != 3 {
		t.Error("the retried answer is not on disk")
	}
}
