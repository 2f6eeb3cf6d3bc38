//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxo-dev/cxo/model"
	"github.com/cxo-dev/cxo/store"
)

// Ten presses of 1 that reach cxo in one burst, the way fast typing or a
// key held down arrives, answer the item on screen and nothing else: the
// next item was not drawn when the other nine were read, so they are
// dropped even when cxo meets them after the save has put it up, and the
// status line says how many. The same holds at the first part's intro:
// a burst begins the part but answers none of its items.
func TestE2EABurstAnswersOnlyTheItemOnScreen(t *testing.T) {
	e := newE2EEnv(t)
	s := startCxo(t, e)
	s.waitFor(t, "New assessment", e2eWait)
	s.send(t, "n")
	s.waitFor(t, "press enter", e2eWait)
	s.send(t, "\r")
	s.waitFor(t, "Press any key to begin", e2eWait)
	s.send(t, strings.Repeat("1", 10))
	s.waitFor(t, "item 1 of", e2eWait)
	s.waitFor(t, "ignored 9 keys typed before this screen was shown", e2eWait)

	s.send(t, strings.Repeat("1", 10))
	s.waitFor(t, "item 2 of", e2eWait)
	s.waitFor(t, "ignored 9 keys typed before this screen was shown", e2eWait)
	s.send(t, "q")
	if code := s.waitExit(t, e2eWait); code != 0 {
		t.Fatalf("q: exit status %d; screen:\n%s", code, s.screen())
	}
	st := store.New(e.dbPath(), "e2e")
	list, _, err := st.List()
	if err != nil || len(list) != 1 {
		t.Fatalf("stored assessments: %v %v", list, err)
	}
	a, _, err := st.Load(list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if answered, _ := a.Progress(); answered != 1 || a.Answers[a.Order[0]].Value != 1 {
		t.Fatalf("two bursts of ten stored %d answers (%v), want item 1's alone", answered, a.Answers)
	}
}

// cxo rate full-screen: a burst of ten presses of 3 chooses the
// relationship and answers none of the questions; the next burst answers
// the question on screen alone.
func TestE2ERaterBurstAnswersOnlyTheQuestionOnScreen(t *testing.T) {
	e := newE2EEnv(t)
	inv := model.Invitation{Format: model.InvitationFormat, Version: 1, ID: "0123456789abcdef0123456789abcdef", Name: "Sam Lee",
		Bank: "test-1", Scale: model.ObserverScale, Items: []model.InvitationItem{
			{ID: "ops-1", Area: "Operations", Text: "How often does Sam Lee write down how a job is done?"},
			{ID: "ops-2", Area: "Operations", Text: "How often does Sam Lee review an outage?"},
			{ID: "ld-1", Area: "Leadership", Text: "How often do people follow Sam Lee's lead?"},
		}}
	path := filepath.Join(e.work, "invitation.json")
	if err := os.WriteFile(path, model.EncodePeerFile(inv), 0o600); err != nil {
		t.Fatal(err)
	}
	s := startCxo(t, e, "rate", path, "-o", filepath.Join(e.work, "response.json"))
	s.waitFor(t, "How do you know", e2eWait)
	s.send(t, strings.Repeat("3", 10))
	s.waitFor(t, "write down", e2eWait)
	s.waitFor(t, "ignored 9 keys typed before this question was shown", e2eWait)
	s.send(t, strings.Repeat("3", 10))
	s.waitFor(t, "outage", e2eWait)
	s.waitFor(t, "ignored 9 keys typed before this question was shown", e2eWait)
	s.send(t, "q")
	if code := s.waitExit(t, e2eWait); code != 0 {
		t.Fatalf("q: exit status %d; screen:\n%s", code, s.screen())
	}
	r, err := store.New(e.dbPath(), "e2e").Rating(inv.ID)
	if err != nil || len(r.Answers) != 1 || r.Answers["ops-1"] != 3 {
		t.Fatalf("two bursts saved %v (%v), want ops-1 = 3 alone", r.Answers, err)
	}
}
