package ui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/cxo-dev/cxo/model"
	"github.com/cxo-dev/cxo/store"
)

// At 80×24 and 60×20 nothing meaningful is cut: readiness names keep their
// words (the bars shrink first), the band shows at 80 columns, strengths
// keep their point, the history keeps its verdicts, the new-assessment
// screen keeps both lengths, and the help line offers scrolling when rows
// lie below.
func TestLayoutsKeepMeaning(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {60, 20}} {
		name := fmt.Sprintf("%dx%d", size[0], size[1])
		t.Run(name, func(t *testing.T) {
			d := showResults(t, size[0], size[1])
			var all strings.Builder
			for _, panel := range []string{"2", "3"} {
				d.keys(panel)
				scr := d.screen()
				all.WriteString(scr + "\n----\n")
				for _, l := range strings.Split(scr, "\n") {
					if strings.Contains(l, "…") {
						t.Errorf("panel %s: a line is cut: %q", panel, l)
					}
				}
				if d.app.results.overflows(&d.app.session) && !strings.Contains(lastLine(scr), "scroll") {
					t.Errorf("panel %s: rows lie below but the help line drops scroll:\n%s", panel, scr)
				}
				if d.app.results.overflows(&d.app.session) && !positionRe.MatchString(scr) {
					t.Errorf("panel %s: rows lie below but the position is not shown:\n%s", panel, scr)
				}
			}
			if size[0] == 80 && !strings.Contains(all.String(), "band ") {
				t.Errorf("the readiness band vanished at 80 columns")
			}
			golden.RequireEqual(t, []byte(all.String()))

			d = newDriver(t, testStore(t), Start{Theme: "dark"}, size[0], size[1])
			var list []store.Summary
			for i := range 3 {
				list = append(list, store.Summary{ID: fmt.Sprintf("20261102-0930%02d-abc", i), Started: time.Date(2026, 11, 2, 9, 30, i, 0, time.UTC),
					Length: model.LengthFull, Status: model.StatusFinished, Answered: 59, Total: 59, Lean: "clear CTO lean (+42)"})
			}
			d.send(listLoadedMsg{list: list})
			d.keys("h")
			if !strings.Contains(d.screen(), "clear CTO lean (+42)") {
				t.Errorf("the history cuts the verdict:\n%s", d.screen())
			}
			d.keys("esc", "n")
			if scr := d.screen(); !strings.Contains(scr, "Full · ") || !strings.Contains(scr, "min]") && !strings.Contains(scr, "min ") {
				t.Errorf("the new-assessment screen cuts a length:\n%s", scr)
			}
		})
	}
}

var positionRe = regexp.MustCompile(`\d+-\d+ of \d+ ▼`)

func lastLine(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n "), "\n")
	return lines[len(lines)-1]
}

// At 200 columns the result's prose stops at the reading width.
func TestResultsCapReadingWidth(t *testing.T) {
	d := showResults(t, 200, 60)
	for _, panel := range []string{"1", "2", "3", "4"} {
		d.keys(panel)
		lines := strings.Split(d.screen(), "\n")
		for _, l := range lines[:len(lines)-1] { // the help line aside
			if l = strings.TrimRight(l, " "); len([]rune(l)) > maxReading+1 && !strings.Contains(l, "•") {
				t.Errorf("panel %s: a line runs %d wide: %q", panel, len([]rune(l)), l)
			}
		}
	}
}

// A wrapped bullet continues under its text, not under the bullet.
func TestWrappedBulletsContinueUnderTheText(t *testing.T) {
	th := NewTheme(true)
	text := "Write a one-page runbook for each of the three jobs your team repeats most, then watch a colleague follow it."
	got := strings.Split(ansiStrip(bullet(th.Text, text, 40, 6)), "\n")
	if len(got) < 2 || !strings.HasPrefix(got[0], "      • Write") {
		t.Fatalf("bullet = %q", got)
	}
	for _, l := range got[1:] {
		if !strings.HasPrefix(l, "        ") || strings.HasPrefix(l, "         ") {
			t.Errorf("a wrapped line does not start under the text: %q", l)
		}
		if len([]rune(l)) > 40 {
			t.Errorf("a wrapped line runs past 40: %q", l)
		}
	}
}

// The answers that moved a score most are wrapped, not cut.
func TestMoversWrapNotCut(t *testing.T) {
	th := NewTheme(true)
	s := model.Score{Layer: model.LayerLean, Movers: []model.Mover{{Effect: -100, Answer: "Much more: Merging overlapping internal systems so that running the business costs noticeably less", Text: "Your budget can fund only one of two projects this year. Which do you push for?"}}}
	got := ansiStrip(movers(th, s, 58))
	if strings.Contains(got, "…") || !strings.Contains(got, "push for?") {
		t.Errorf("a mover is cut:\n%s", got)
	}
	// The answer's lines, after the legend that says what its number is.
	_, answer, ok := strings.Cut(got, "     0  Much more")
	if !ok {
		t.Fatalf("no line for the answer at position 0:\n%s", got)
	}
	for _, l := range strings.Split(strings.TrimRight(answer, "\n"), "\n")[1:] {
		if !strings.HasPrefix(l, "        ") || len([]rune(l)) > 58 {
			t.Errorf("a wrapped mover line is not under the answer or too wide: %q", l)
		}
	}
}
