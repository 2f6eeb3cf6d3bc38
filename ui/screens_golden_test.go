package ui

import (
	"fmt"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/cxo-dev/cxo/model"
)

// Goldens hold the frame as text (escape sequences stripped), so they
// catch layout and wording changes, not harmless changes of sequence.
// Regenerate with: go test ./ui -run TestScreensGolden -update

// goldenID fixes the assessment id: the item order is seeded by it.
const goldenID = "20260101-000000-abc"

// questionDriver shows the first item of a fixed quick assessment.
func questionDriver(t *testing.T, theme string, w, h int) *driver {
	t.Helper()
	s := testStore(t)
	d := newDriver(t, s, Start{Theme: theme}, w, h)
	a := model.NewAssessment(d.app.bank, goldenID, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), model.LengthQuick, "")
	if err := s.Create(a); err != nil {
		t.Fatal(err)
	}
	d.send(loadedMsg{a: a})
	if d.app.state != stateIntro {
		t.Fatalf("loading the assessment did not show the section intro (state %s):\n%s", stateNames[d.app.state], d.screen())
	}
	d.keys("enter") // past the section intro
	if d.app.state != stateQuestion || d.app.question.index != 0 {
		t.Fatalf("enter on the intro did not show item 1 (state %s, index %d):\n%s",
			stateNames[d.app.state], d.app.question.index, d.screen())
	}
	return d
}

func TestScreensGolden(t *testing.T) {
	for _, size := range [][2]int{{60, 20}, {80, 24}} {
		raw := map[string]string{}
		for _, theme := range []string{"dark", "light"} {
			t.Run(fmt.Sprintf("question_%dx%d_%s", size[0], size[1], theme), func(t *testing.T) {
				d := questionDriver(t, theme, size[0], size[1])
				raw[theme] = d.app.View().Content
				golden.RequireEqual(t, []byte(ansi.Strip(raw[theme])))
			})
		}
		if raw["dark"] != "" && raw["dark"] == raw["light"] {
			t.Errorf("question at %dx%d: the light theme draws exactly what the dark one does", size[0], size[1])
		}
	}
	t.Run("too_small_40x10", func(t *testing.T) {
		d := newDriver(t, testStore(t), Start{Theme: "dark"}, 40, 10)
		golden.RequireEqual(t, []byte(d.screen()))
	})
	t.Run("home_160x48", func(t *testing.T) {
		d := newDriver(t, testStore(t), Start{Theme: "dark"}, 160, 48)
		golden.RequireEqual(t, []byte(d.screen()))
	})
}

// The question goldens rely on the same id giving the same first item and
// header every time; a change there would make them flaky, not wrong.
func TestQuestionScreenIsDeterministic(t *testing.T) {
	first := questionDriver(t, "dark", 80, 24).app.View().Content
	for range 3 {
		if again := questionDriver(t, "dark", 80, 24).app.View().Content; again != first {
			t.Fatalf("the same assessment drew two different frames:\n%s\n---\n%s", ansi.Strip(first), ansi.Strip(again))
		}
	}
}
