package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/cxo-dev/cxo/model"
)

// A returning user reads their state on the home screen: the last result
// with its date, the unfinished assessment with its progress, and the
// plan's priorities; in both themes at 80×24.
func TestHomeReturningGolden80x24(t *testing.T) {
	raw := map[string]string{}
	for _, theme := range []string{"dark", "light"} {
		t.Run(theme, func(t *testing.T) {
			s := testStore(t)
			a, _ := finishedAssessment(t, "20261102-093000-abc", 0)
			res := storeFinished(t, s, a)
			b := testBank(t)
			open := model.NewAssessment(b, "20261120-180000-def", time.Date(2026, 11, 20, 18, 0, 0, 0, time.UTC), model.LengthQuick, "")
			if err := s.Create(open); err != nil {
				t.Fatal(err)
			}
			for i := range 7 {
				it, _ := b.Item(open.Order[i])
				if err := s.SaveAnswer(open.ID, it.ID, model.Answer{Value: 1 + i%it.Levels()}, i+1); err != nil {
					t.Fatal(err)
				}
			}
			d := newDriver(t, s, Start{Theme: theme}, 80, 24)
			scr := d.screen()
			for _, want := range []string{"Last result", a.Finished.Local().Format("2 Jan 2006"), "In progress", "7 of " + itoa(len(open.Order)) + " done", "Priorities"} {
				if !strings.Contains(scr, want) {
					t.Errorf("home lacks %q:\n%s", want, scr)
				}
			}
			if len(res.Plan) > 0 && !strings.Contains(scr, res.Plan[0].Name) {
				t.Errorf("home lacks the first priority %q:\n%s", res.Plan[0].Name, scr)
			}
			raw[theme] = d.app.View().Content
			golden.RequireEqual(t, []byte(ansi.Strip(raw[theme])))
		})
	}
	if raw["dark"] == raw["light"] {
		t.Error("the light theme draws exactly what the dark one does")
	}
}
