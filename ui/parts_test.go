package ui

import (
	"bufio"
	"strings"
	"testing"

	"github.com/cxo-dev/cxo/model"
)

// The parts are counted from the assessment's own order: a quick one asks
// two (no shared foundations), a full one three, and no heading names a
// part the assessment does not have.
func TestPartTitlesCountTheOrder(t *testing.T) {
	b := testBank(t)
	for _, c := range []struct {
		length model.Length
		want   []string
	}{
		{model.LengthQuick, []string{"Part 1 of 2 · Which way do you lean?", "Part 2 of 2 · How ready are you?"}},
		{model.LengthFull, []string{"Part 1 of 3 · Which way do you lean?", "Part 2 of 3 · How ready are you?", "Part 3 of 3 · Shared foundations"}},
	} {
		a := model.NewAssessment(b, "x", zeroTime, c.length, "")
		var got []string
		for i := range a.Order {
			if p := partTitle(b, a, a.SectionOf(b, i)); len(got) == 0 || got[len(got)-1] != p {
				got = append(got, p)
			}
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s: parts %q, want %q", c.length, got, c.want)
		}
	}
	// The line mode prints the same headings.
	var out strings.Builder
	l := &Line{Store: testStore(t), Bank: b, In: bufio.NewReader(strings.NewReader(strings.Repeat("1\n", 40))), Out: &out}
	if err := l.Run(Start{Action: "new", Length: model.LengthQuick}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "Part 2 of 2 · How ready are you?") || strings.Contains(out.String(), " of 3 ·") {
		t.Errorf("line mode part headings:\n%s", out.String())
	}
}
