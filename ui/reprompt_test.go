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
