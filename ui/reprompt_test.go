package ui

import (
	"bufio"
	"strings"
	"testing"

	"github.com/cxo-dev/cxo/model"
)

// The line mode's re-prompt after a line it cannot take names every line
// it does take, the evidence note e included (which then works there).
func TestLineRepromptNamesTheNote(t *testing.T) {
	var out strings.Builder
	l := &Line{Store: testStore(t), Bank: testBank(t), In: bufio.NewReader(strings.NewReader("hello\ne saw it\nq\n")), Out: &out}
	if err := l.Run(Start{Action: ActionNew, Length: model.LengthQuick}); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	i := strings.Index(got, "Please type a number from 1 to")
	if i < 0 {
		t.Fatalf("no re-prompt:\n%s", got)
	}
	line := got[i : i+strings.Index(got[i:], "\n")]
	for _, want := range []string{" s,", " b,", " g,", "e NOTE", " q."} {
		if !strings.Contains(line, want) {
			t.Errorf("the re-prompt %q lacks %q", line, want)
		}
	}
	if !strings.Contains(got, "Note kept with item 1") {
		t.Errorf("e after the re-prompt was not taken:\n%s", got)
	}
}

// A letter is no answer in the line mode (b is back there): c on the
// first item is asked again, not taken as 3.
func TestLineTakesNoLetterAnswers(t *testing.T) {
	var out strings.Builder
	s := testStore(t)
	l := &Line{Store: s, Bank: testBank(t), In: bufio.NewReader(strings.NewReader("c\nq\n")), Out: &out}
	if err := l.Run(Start{Action: ActionNew, Length: model.LengthQuick}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "Please type a number from 1 to") || strings.Contains(out.String(), "Item 2 of") {
		t.Errorf("c was taken as an answer:\n%s", out.String())
	}
}
