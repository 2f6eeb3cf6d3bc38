package ui

import (
	"strings"
	"testing"

	"github.com/cxo-dev/cxo/model"
)

// w shows every answer a score rests on (three ratings 5, 3 and 4 for a
// score of 75, not the two largest), each with its value on the score's
// scale, under a line that says what those values are.
func TestWhyShowsEveryAnswer(t *testing.T) {
	s := model.Score{Score: 75, Layer: model.LayerReadiness, Movers: []model.Mover{
		{Effect: 50, Answer: "5 - Owned.", Text: "Jobs?"},
		{Effect: 25, Answer: "4 - Mostly.", Text: "Outages?"},
		{Effect: 0, Answer: "3 - Notes.", Text: "Newcomers?"},
	}}
	got := ansiStrip(movers(NewTheme(true), s, 100))
	for _, want := range []string{"Score 75 is the mean of these 3 answers, each valued 0-100", "100  5 - Owned. ← Jobs?", "75  4 - Mostly. ← Outages?", "50  3 - Notes. ← Newcomers?"} {
		if !strings.Contains(got, want) {
			t.Errorf("why lacks %q:\n%s", want, got)
		}
	}
}
