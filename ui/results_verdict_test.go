package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/cxo-dev/cxo/model"
	"github.com/cxo-dev/cxo/store"
)

// Flags come first; a held verdict says why and names the key that shows
// it anyway, and that key shows it.
func TestHeldVerdictShowsWithItsKey(t *testing.T) {
	// Agreeing with both statements of every true-opposite pair holds the
	// verdict back.
	d := newDriver(t, testStore(t), Start{Theme: "dark"}, 100, 40)
	a, _ := finishedAssessment(t, "20261102-093000-abc", 0)
	b := testBank(t)
	for _, it := range b.Items {
		if it.Pair != "" {
			a.Answers[it.ID] = model.Answer{Value: 5, Took: 8 * time.Second}
		}
	}
	d.send(resultLoadedMsg{a: a, res: model.Compute(b, a)})
	if !d.app.res.Held {
		t.Fatalf("the fixed assessment is not held back: %+v", d.app.res.Flags)
	}
	screen := d.screen()
	flag := strings.Index(screen, "! "+model.FlagTitle("contradiction"))
	held := strings.Index(screen, "Review these answers first")
	if flag < 0 || held < flag || !strings.Contains(screen, "Pressing a shows it anyway") || strings.Contains(screen, "Direction:") {
		t.Fatalf("held screen:\n%s", screen)
	}
	d.keys("a")
	screen = d.screen()
	if !strings.Contains(screen, "Direction:") || !strings.Contains(screen, "CTO affinity") || !strings.Contains(screen, "Setting aside the quality checks") {
		t.Errorf("after a:\n%s", screen)
	}
}

// A result stored under the first rules is labelled method 1, with the
// current method's reading beside it.
func TestMethod1ResultIsLabelled(t *testing.T) {
	d := newDriver(t, testStore(t), Start{Theme: "dark"}, 100, 40)
	a, res := finishedAssessment(t, "20261102-093000-abc", 0)
	res.Method, res.Held, res.Lean.Verdict = 0, false, "clear CTO lean"
	d.send(resultLoadedMsg{a: a, res: res})
	screen := d.screen()
	if !strings.Contains(screen, "Scored with method 1 when it was finished") || !strings.Contains(screen, "Method 2 today reads:") || !strings.Contains(screen, "Clear CTO lean") {
		t.Errorf("method 1 result:\n%s", screen)
	}
}

// Reviewing a finished assessment of the older bank shows its answers to
// replaced choices under the preferences that took them over, scored.
func TestReviewAdoptsReplacedItems(t *testing.T) {
	d := newDriver(t, testStore(t), Start{Theme: "dark"}, 100, 40)
	a, res := finishedAssessment(t, "20261102-093000-abc", 0)
	var newID, oldID string
	for i, id := range a.Order {
		if it, ok := d.app.bank.Item(id); ok && it.Replaces != "" {
			newID, oldID = id, it.Replaces
			a.Order[i] = oldID
			a.Answers[oldID] = model.Answer{Value: 2}
			delete(a.Answers, newID)
			break
		}
	}
	if newID == "" {
		t.Skip("the bank replaces no item")
	}
	d.send(resultLoadedMsg{a: a, res: res})
	d.keys("v")
	if !strings.Contains(strings.Join(d.app.a.Order, " "), newID) || d.app.a.Answers[newID].Value != 5 || d.app.a.Answers[oldID].Value != 2 {
		t.Errorf("review: order has %s? answers %+v / %+v", newID, d.app.a.Answers[newID], d.app.a.Answers[oldID])
	}
}

// w on the readiness panel shows why cxo expects each area's levels.
func TestReadinessWhyShowsTheReason(t *testing.T) {
	d := showResults(t, 120, 200)
	d.keys("2", "w")
	if screen := d.screen(); !strings.Contains(screen, "why these levels: The essay makes operational skill essential") {
		t.Errorf("no reason after w:\n%s", screen)
	}
}

// The history shows a result kept from the first rules as method 1, with
// the current method's verdict beside it.
func TestHistoryShowsMethod1WithTheCurrentReading(t *testing.T) {
	s := testStore(t)
	keptMethod1(t, s, nil)
	d := newDriver(t, s, Start{Theme: "dark"}, 160, 30)
	d.keys("h")
	if screen := d.screen(); !strings.Contains(screen, "clear CTO lean (") || !strings.Contains(screen, " · method 1; method 2: ") {
		t.Errorf("history:\n%s", screen)
	}
}

// cxo resume on a finished assessment shows its kept result, as the
// history does, not today's scoring of its answers.
func TestResumeFinishedShowsTheKeptResult(t *testing.T) {
	s := testStore(t)
	a := keptMethod1(t, s, nil)
	d := newDriver(t, s, Start{Theme: "dark", Action: ActionResume, ResumeID: a.ID}, 120, 40)
	if d.app.state != stateResults || d.app.res.MethodOf() != 1 || d.app.res.Lean.Verdict != "clear CTO lean" {
		t.Fatalf("%s screen, method %d, verdict %q: want the kept method 1 result", stateNames[d.app.state], d.app.res.MethodOf(), d.app.res.Lean.Verdict)
	}
	if !strings.Contains(d.screen(), "Scored with method 1") {
		t.Errorf("the screen does not say the result is method 1's:\n%s", d.screen())
	}
}

// keptMethod1 stores a finished assessment whose kept result is method
// 1's "clear CTO lean", with peers when given, as an earlier cxo left it.
func keptMethod1(t *testing.T, s *store.Store, peers *model.PeerPanel) *model.Assessment {
	t.Helper()
	a, res := finishedAssessment(t, "20261102-093000-abc", 0)
	res.Method, res.Lean.Verdict = 0, "clear CTO lean"
	res.Peers = peers
	answers := a.Answers
	a.Answers = map[string]model.Answer{}
	if err := s.Create(a); err != nil {
		t.Fatal(err)
	}
	for id, ans := range answers {
		if err := s.SaveAnswer(a.ID, id, ans, 0); err != nil {
			t.Fatal(err)
		}
	}
	a.Answers = answers
	if err := s.KeepResult(a, res); err != nil {
		t.Fatal(err)
	}
	return a
}
