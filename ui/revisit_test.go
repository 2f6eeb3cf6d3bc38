package ui

import (
	"bufio"
	"strings"
	"testing"

	"github.com/cxo-dev/cxo/model"
)

// Past the last item, the line mode offers the items skipped on the way:
// r goes back to them, and the end of input finishes as it always has.
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
