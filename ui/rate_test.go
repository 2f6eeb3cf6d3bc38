package ui

import (
	"bytes"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/cxo-dev/cxo/model"
	"github.com/cxo-dev/cxo/store"
)

func testInvitation() model.Invitation {
	return model.Invitation{Format: model.InvitationFormat, Version: 1, ID: "0123456789abcdef0123456789abcdef", Name: "Sam Lee",
		Bank: "test-1", Scale: model.ObserverScale, Items: []model.InvitationItem{
			{ID: "ops-1", Area: "Operations", Text: "How often does Sam Lee write down how a job is done?"},
			{ID: "ops-2", Area: "Operations", Text: "How often does Sam Lee review an outage?"},
			{ID: "ld-1", Area: "Leadership", Text: "How often do people follow Sam Lee's lead?"},
		}}
}

func runRater(t *testing.T, s *store.Store, out string, script func(wait func(...string), send func(string))) *Rater {
	t.Helper()
	write := func(r model.Response) (string, error) {
		return out, store.WriteExport(out, model.EncodePeerFile(r), true)
	}
	tm := teatest.NewTestModel(t, NewRater(s, testInvitation(), write, true), teatest.WithInitialTermSize(80, 24))
	// wait reads the output until every text has shown in what it read
	// (what it read is used up: a frame's texts are waited for at once).
	wait := func(texts ...string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
			for _, text := range texts {
				if !bytes.Contains(b, []byte(text)) {
					return false
				}
			}
			return true
		},
			teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
	}
	script(wait, func(k string) { tm.Send(keyMsg(k)) })
	return tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(*Rater)
}

// cxo rate full-screen: the notice, the relationship, answers saved as
// they go, a stop and a resume where it stopped, "no opportunity to
// observe", and the response file at the end.
func TestTeatestRate(t *testing.T) {
	s := testStore(t)
	out := filepath.Join(t.TempDir(), "response.json")
	runRater(t, s, out, func(wait func(...string), send func(string)) {
		wait("Whoever", "I am Sam Lee's manager", "Sam Lee is my manager")
		send("3")
		wait("write down")
		send("4")
		wait("outage")
		send("q")
	})
	saved, err := s.Rating(testInvitation().ID)
	if err != nil || saved.Relationship != model.RelReport || saved.Answers["ops-1"] != 4 || len(saved.Answers) != 1 {
		t.Fatalf("saved after stopping: %+v %v", saved, err)
	}
	final := runRater(t, s, out, func(wait func(...string), send func(string)) {
		wait("outage") // resumed at the first open item
		send("o")
		wait("follow")
		send("5")
		wait("Thank")
		send("q")
	})
	if final.Wrote() != out || final.Err() != nil {
		t.Fatalf("wrote %q, err %v", final.Wrote(), final.Err())
	}
	r, err := model.DecodeResponse(mustReadFile(t, out))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"ops-1": 4, "ops-2": 0, "ld-1": 5}
	if r.Relationship != model.RelReport || r.Rater != saved.Token || len(r.Answers) != 3 {
		t.Fatalf("response %+v", r)
	}
	for k, v := range want {
		if r.Answers[k] != v {
			t.Errorf("answer %s = %d, want %d", k, r.Answers[k], v)
		}
	}
	if bytes.Contains(mustReadFile(t, out), []byte("Sam")) {
		t.Errorf("the response names the person or the rater")
	}
}

func mustReadFile(t *testing.T, p string) []byte {
	t.Helper()
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// The rater's help offers what the step takes (1-4 for the relationship),
// and a window below 60×20 asks to be made larger.
func TestRaterHelpAndSmallWindow(t *testing.T) {
	m := NewRater(testStore(t), testInvitation(), nil, true)
	m.loaded, m.index = true, -1
	if got := ansi.Strip(m.render()); !strings.Contains(got, "1-4 choose") || strings.Contains(got, "1-5 answer") {
		t.Errorf("relationship step help:\n%s", got)
	}
	m.Update(tea.WindowSizeMsg{Width: 50, Height: 15})
	if got := ansi.Strip(m.render()); !strings.Contains(got, "Make the window larger") {
		t.Errorf("50×15:\n%s", got)
	}
}
