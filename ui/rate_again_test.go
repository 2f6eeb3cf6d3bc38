package ui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/cxo-dev/cxo/model"
	"github.com/cxo-dev/cxo/store"
)

// finishedRating stores a finished rating of testInvitation.
func finishedRating(t *testing.T, s *store.Store) store.Rating {
	t.Helper()
	r, err := s.Rating(testInvitation().ID)
	if err != nil {
		t.Fatal(err)
	}
	r.Relationship = model.RelReport
	r.Answers = map[string]int{"ops-1": 4, "ops-2": 0, "ld-1": 5}
	r.Done = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	if err := s.SaveRating(testInvitation().ID, r); err != nil {
		t.Fatal(err)
	}
	return r
}

// raterStep runs a command of the rater and feeds its message back.
func raterStep(m *Rater, cmd tea.Cmd) {
	for cmd != nil {
		msg := cmd()
		if _, ok := msg.(tea.QuitMsg); ok || msg == nil {
			return
		}
		_, cmd = m.Update(msg)
	}
}

// Answering a finished rating again keeps every earlier answer as the
// current choice, walks the items from the first (enter keeps an answer),
// saves each change as it is made, keeps all answers when stopped half
// way, and writes the response only at the end of the walk.
func TestRaterAnswerAgainKeepsEarlierAnswers(t *testing.T) {
	s := testStore(t)
	finishedRating(t, s)
	var wrote []model.Response
	write := func(r model.Response) (string, error) { wrote = append(wrote, r); return "resp.json", nil }
	start := func() *Rater {
		m := NewRater(s, testInvitation(), write, true)
		m.Update(tea.WindowSizeMsg{Width: 80, Height: 30})
		raterStep(m, m.Init())
		if !m.again {
			t.Fatal("a finished rating does not ask whether to answer again")
		}
		_, cmd := m.Update(keyMsg("y"))
		raterStep(m, cmd)
		return m
	}
	m := start()
	got := ansi.Strip(m.render())
	if m.index != 0 || !strings.Contains(got, "3 of 3 answered") || !strings.Contains(got, "▸ 4") || !strings.Contains(got, "enter keep answer") {
		t.Fatalf("answering again, item 1 (index %d):\n%s", m.index, got)
	}
	_, cmd := m.Update(keyMsg("enter"))
	raterStep(m, cmd)
	if m.index != 1 || !strings.Contains(ansi.Strip(m.render()), "▸ o") {
		t.Fatalf("enter did not keep item 1 and move to item 2 with its answer shown: index %d\n%s", m.index, ansi.Strip(m.render()))
	}
	_, cmd = m.Update(keyMsg("2"))
	raterStep(m, cmd)
	if m.index != 2 || len(wrote) != 0 {
		t.Fatalf("after changing item 2: index %d, %d responses written", m.index, len(wrote))
	}
	m.Update(keyMsg("q")) // stop half way
	saved, err := s.Rating(testInvitation().ID)
	if err != nil || len(saved.Answers) != 3 || saved.Answers["ops-1"] != 4 || saved.Answers["ops-2"] != 2 || saved.Answers["ld-1"] != 5 {
		t.Fatalf("stored after stopping half way: %v %v", saved.Answers, err)
	}

	if saved.Done.IsZero() == false {
		t.Errorf("a changed answer kept the old response's date %v: the next response would import as older", saved.Done)
	}
	if got := RateStopped(s, testInvitation()); !strings.Contains(got, "write the corrected response") {
		t.Errorf("stopped after a change: %q", got)
	}
	// The next run writes the corrected response, dated then, without
	// asking again.
	m = NewRater(s, testInvitation(), write, true)
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 30})
	raterStep(m, m.Init())
	if len(wrote) != 1 || m.Wrote() != "resp.json" || !wrote[0].At.After(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)) {
		t.Fatalf("%d responses written (at %v), wrote %q, err %v", len(wrote), wrote, m.Wrote(), m.Err())
	}
	want := map[string]int{"ops-1": 4, "ops-2": 2, "ld-1": 5}
	for k, v := range want {
		if wrote[0].Answers[k] != v {
			t.Errorf("response answer %s = %d, want %d", k, wrote[0].Answers[k], v)
		}
	}
	// Answering again without changing anything keeps the date, and
	// stopping half way says so.
	m = start()
	_, cmd = m.Update(keyMsg("enter"))
	raterStep(m, cmd)
	m.Update(keyMsg("q"))
	if got := RateStopped(s, testInvitation()); !strings.Contains(got, "nothing was changed") {
		t.Errorf("stopped without a change: %q", got)
	}
	if wrote[0].Relationship != model.RelReport {
		t.Errorf("relationship %q", wrote[0].Relationship)
	}
}

// The teatest flow of answering again: y shows the earlier answer and
// enter walks on to the end, where the response is written.
func TestTeatestRateAnswerAgain(t *testing.T) {
	s := testStore(t)
	finishedRating(t, s)
	out := filepath.Join(t.TempDir(), "response.json")
	final := runRater(t, s, out, func(wait func(...string), send func(string)) {
		wait("Answer again")
		send("y")
		wait("write down", "▸ 4")
		send("enter")
		wait("outage")
		send("enter")
		wait("follow")
		send("3")
		wait("Thank")
		send("q")
	})
	if final.Wrote() != out || final.Err() != nil {
		t.Fatalf("wrote %q, err %v", final.Wrote(), final.Err())
	}
	r, err := model.DecodeResponse(mustReadFile(t, out))
	if err != nil || r.Answers["ops-1"] != 4 || r.Answers["ops-2"] != 0 || r.Answers["ld-1"] != 3 || len(r.Answers) != 3 {
		t.Fatalf("response %+v %v", r, err)
	}
}
