package ui

import (
	"bufio"
	"strings"
	"testing"
	"time"

	"github.com/cxo-dev/cxo/model"
)

// The line mode's answer again keeps every earlier answer marked ▸, an
// empty line keeps it, a change is saved at once, stopping half way keeps
// all answers, and the response is written only at the end of the walk.
func TestLineRateAnswerAgainKeepsEarlierAnswers(t *testing.T) {
	s := testStore(t)
	finishedRating(t, s)
	var wrote []model.Response
	write := func(r model.Response) (string, error) { wrote = append(wrote, r); return "resp.json", nil }
	run := func(in string) string {
		var out strings.Builder
		l := &Line{Store: s, In: bufio.NewReader(strings.NewReader(in)), Out: &out}
		if err := l.Rate(testInvitation(), write); err != nil {
			t.Fatal(err)
		}
		return out.String()
	}
	// y, keep the relationship, keep item 1, a wrong answer, change item 2, stop.
	out := run("y\n\n\nx\n2\nq\n")
	for _, want := range []string{"▸ 3. Sam Lee is my manager", "▸ 4 ", "▸ o ", "enter to keep your answer"} {
		if !strings.Contains(out, want) {
			t.Errorf("answering again lacks %q:\n%s", want, out)
		}
	}
	saved, err := s.Rating(testInvitation().ID)
	if err != nil || len(saved.Answers) != 3 || saved.Answers["ops-1"] != 4 || saved.Answers["ops-2"] != 2 || saved.Answers["ld-1"] != 5 || len(wrote) != 0 {
		t.Fatalf("after stopping half way: %v %v, %d written", saved.Answers, err, len(wrote))
	}
	if !strings.Contains(out, "Your corrections are saved; run the same cxo rate again to write the corrected response.") || !saved.Done.IsZero() {
		t.Errorf("a change while answering again: done %v, said:\n%s", saved.Done, out)
	}
	// The next run writes the corrected response, dated then.
	run("")
	if len(wrote) != 1 || !wrote[0].At.After(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)) {
		t.Fatalf("%d responses written: %+v", len(wrote), wrote)
	}
	for k, v := range map[string]int{"ops-1": 4, "ops-2": 2, "ld-1": 5} {
		if wrote[0].Answers[k] != v {
			t.Errorf("response answer %s = %d, want %d", k, wrote[0].Answers[k], v)
		}
	}
	if wrote[0].Relationship != model.RelReport {
		t.Errorf("relationship %q", wrote[0].Relationship)
	}
}

// A rating stopped after its last answer was saved but before the
// response was written writes it on the next run, full screen as in the
// line mode, instead of waiting for ever.
func TestRaterWritesAResponseLeftUnwritten(t *testing.T) {
	s := testStore(t)
	r := finishedRating(t, s)
	r.Done = time.Time{}
	if err := s.SaveRating(testInvitation().ID, r); err != nil {
		t.Fatal(err)
	}
	var wrote []model.Response
	write := func(r model.Response) (string, error) { wrote = append(wrote, r); return "resp.json", nil }
	m := NewRater(s, testInvitation(), write, true)
	raterStep(m, m.Init())
	if len(wrote) != 1 || m.Wrote() != "resp.json" {
		t.Fatalf("full screen: %d written, err %v", len(wrote), m.Err())
	}
	if err := s.SaveRating(testInvitation().ID, r); err != nil { // unwritten again
		t.Fatal(err)
	}
	var out strings.Builder
	l := &Line{Store: s, In: bufio.NewReader(strings.NewReader("")), Out: &out}
	if err := l.Rate(testInvitation(), write); err != nil || len(wrote) != 2 {
		t.Fatalf("line mode: %v, %d written\n%s", err, len(wrote), out.String())
	}
	if !strings.Contains(out.String(), "about a minute") {
		t.Errorf("three behaviours take about a minute:\n%s", out.String())
	}
}
