package ui

import (
	"bufio"
	"strings"
	"testing"

	"github.com/cxo-dev/cxo/model"
)

// Past the last item, the line mode offers the items skipped on the way:
// r goes back to them.
func TestLineModeRevisitsSkippedItems(t *testing.T) {
	s := testStore(t)
	b := testBank(t)
	n := len(model.NewAssessment(b, "x", zeroTime, model.LengthQuick, "").Order)
	// Skip the first item, answer the rest with 1, then go back with r and
	// answer the skipped one with 2.
	in := "s\n" + strings.Repeat("1\n", n-1) + "r\n2\n"
	var out strings.Builder
	l := &Line{Store: s, Bank: b, In: bufio.NewReader(strings.NewReader(in)), Out: &out, Command: "cxo"}
	if err := l.Run(Start{Action: "new", Length: model.LengthQuick}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "1 item is skipped or left open") {
		t.Fatalf("no offer to go back:\n%s", out.String())
	}
	list, _, _ := s.List()
	a, _, err := s.Load(list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if a.Status != model.StatusFinished || a.Answers[a.Order[0]].Value != 2 {
		t.Errorf("status %s, first answer %+v; want finished with the skipped item answered 2", a.Status, a.Answers[a.Order[0]])
	}
}

// A typo at the last prompt is asked again, never taken as "finish", and
// the end of input there leaves the assessment open with the way back.
func TestLineModeRevisitTypoDoesNotFinish(t *testing.T) {
	s := testStore(t)
	b := testBank(t)
	n := len(model.NewAssessment(b, "x", zeroTime, model.LengthQuick, "").Order)
	in := "s\n" + strings.Repeat("1\n", n-1) + "y\n2\n"
	var out strings.Builder
	l := &Line{Store: s, Bank: b, In: bufio.NewReader(strings.NewReader(in)), Out: &out, Command: "cxo"}
	if err := l.Run(Start{Action: "new", Length: model.LengthQuick}); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	if c := strings.Count(got, "Please type r to answer it, press Enter (an empty line) to finish without it"); c != 2 {
		t.Errorf("y and 2 were asked again %d times, want 2:\n%s", c, got[max(len(got)-800, 0):])
	}
	list, _, _ := s.List()
	if list[0].Status == model.StatusFinished || strings.Contains(got, "Results for") {
		t.Fatalf("a typo finished the assessment:\n%s", got[max(len(got)-800, 0):])
	}
	if !strings.Contains(got, "Input ended before finishing; every answer so far is saved. Resume with: cxo --accessible resume "+list[0].ID) {
		t.Errorf("the end of input does not say the assessment is still open:\n%s", got[max(len(got)-800, 0):])
	}
	// Resumed, the same offer comes back and Enter finishes.
	out.Reset()
	l = &Line{Store: s, Bank: b, In: bufio.NewReader(strings.NewReader("\n")), Out: &out, Command: "cxo"}
	if err := l.Run(Start{Action: "resume", ResumeID: list[0].ID}); err != nil {
		t.Fatal(err)
	}
	list, _, _ = s.List()
	if list[0].Status != model.StatusFinished {
		t.Errorf("Enter after resuming did not finish:\n%s", out.String())
	}
}

// The held verdict's prompt asks again after a typo rather than taking it
// as "finish".
func TestLineModeHeldPromptAsksAgain(t *testing.T) {
	s := testStore(t)
	b := testBank(t)
	n := len(model.NewAssessment(b, "x", zeroTime, model.LengthQuick, "").Order)
	in := strings.Repeat("3\n", n) + "y\na\n"
	var out strings.Builder
	l := &Line{Store: s, Bank: b, In: bufio.NewReader(strings.NewReader(in)), Out: &out, Command: "cxo"}
	if err := l.Run(Start{Action: "new", Length: model.LengthQuick}); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	if !strings.Contains(got, "to see the verdict anyway") {
		t.Fatalf("the same answer to every item is not held:\n%s", got[max(len(got)-800, 0):])
	}
	if !strings.Contains(got, "Please type a to see the verdict anyway") || !strings.Contains(got, "Lean, set aside the quality checks:") {
		t.Errorf("y was not asked again, or a then did not show the verdict:\n%s", got[max(len(got)-800, 0):])
	}
}
