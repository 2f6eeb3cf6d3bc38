package ui

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/cxo-dev/cxo/model"
	"github.com/cxo-dev/cxo/store"
)

// sizes are the small windows every screen must fit without cutting text.
var smallSizes = [][2]int{{60, 20}, {80, 24}}

// noCut fails when a frame holds a line cut short with "…".
func noCut(t *testing.T, what, scr string) {
	t.Helper()
	for _, l := range strings.Split(scr, "\n") {
		if strings.Contains(l, "…") {
			t.Errorf("%s: a line is cut: %q\n%s", what, l, scr)
			return
		}
	}
}

// longestItem opens a full assessment on the item whose text and options
// take the most lines, past its section's introduction.
func longestItem(t *testing.T, w, h int) (*driver, model.Item) {
	t.Helper()
	s := testStore(t)
	d := newDriver(t, s, Start{Theme: "dark"}, w, h)
	a := model.NewAssessment(d.app.bank, goldenID, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), model.LengthFull, "")
	best, size := 0, 0
	for i, id := range a.Order {
		it, _ := d.app.bank.Item(id)
		n := strings.Count(wrap(it.Text, w-2), "\n")
		for _, l := range optionLabels(it) {
			n += strings.Count(wrap(l, w-11), "\n") + 1
		}
		if n > size {
			best, size = i, n
		}
	}
	if err := s.Create(a); err != nil {
		t.Fatal(err)
	}
	d.send(loadedMsg{a: a})
	d.keys("enter")
	for d.app.question.index < best {
		d.keys("right")
		if d.app.state == stateIntro {
			d.keys("enter")
		}
	}
	it, _ := d.app.bank.Item(a.Order[best])
	return d, it
}

// An item taller than the window scrolls: whichever option is selected is
// on screen whole, and a marker says when more lies below or above.
func TestQuestionScrollsToTheSelectedOption(t *testing.T) {
	for _, size := range smallSizes {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			d, it := longestItem(t, size[0], size[1])
			labels := optionLabels(it)
			for i := range labels {
				scr := d.screen()
				noCut(t, "option "+itoa(i+1), scr)
				flat := strings.Join(strings.Fields(scr), " ")
				if !strings.Contains(flat, strings.Join(strings.Fields(labels[i]), " ")) {
					t.Errorf("option %d is not on screen whole when selected:\n%s", i+1, scr)
				}
				if !strings.Contains(flat, strings.Join(strings.Fields(labels[len(labels)-1]), " ")) && !strings.Contains(scr, "▼") {
					t.Errorf("option %d: the last option is off screen and no marker says so:\n%s", i+1, scr)
				}
				d.keys("down")
			}
		})
	}
}

// At 200 columns the question's header and bar stop at the reading width.
func TestQuestionCapsReadingWidth(t *testing.T) {
	d := questionDriver(t, "dark", 200, 60)
	for _, l := range strings.Split(d.screen(), "\n")[:3] {
		if n := len([]rune(strings.TrimRight(l, " "))); n > maxReading+1 {
			t.Errorf("a header line runs %d wide: %q", n, l)
		}
	}
}

// Home wraps its state at the separators: a date stays on one line, a
// priority's number stays with its name, nothing is cut, and every menu
// entry shows (hints give way first).
func TestHomeWrapsAtSeparators(t *testing.T) {
	for _, size := range smallSizes {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			d := newDriver(t, testStore(t), Start{Theme: "dark"}, size[0], size[1])
			d.send(listLoadedMsg{list: []store.Summary{{ID: "20261201-090000-abc", Started: time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC),
				Length: model.LengthFull, Status: model.StatusInProgress, Answered: 28, Total: 90}}})
			d.app.home.last = homeLast{id: "x", finished: time.Date(2026, 12, 1, 12, 0, 0, 0, time.Local), length: model.LengthFull,
				verdict:    "unclear - your trade-off answers pull too many ways to tell",
				priorities: []string{"Repeatable processes", "Technology strategy and vision", "A technologist with a grasp of business"}}
			scr := d.screen()
			noCut(t, "home", scr)
			if !strings.Contains(scr, "1 Dec 2026") {
				t.Errorf("the date is split:\n%s", scr)
			}
			for _, entry := range []string{"New assessment", "Resume", "History", "Guides", "Quit"} {
				if !strings.Contains(scr, entry) {
					t.Errorf("the menu lost %q:\n%s", entry, scr)
				}
			}
			for i, p := range d.app.home.last.priorities {
				if !strings.Contains(scr, itoa(i+1)+" "+p) {
					t.Errorf("priority %d is split from its number:\n%s", i+1, scr)
				}
			}
		})
	}
}

// reviewWithEveryKind shows the review of a finished assessment whose
// answers include not applicable and no opportunity yet, for the longest
// tally.
func reviewWithEveryKind(t *testing.T, w, h int) *driver {
	t.Helper()
	d := newDriver(t, testStore(t), Start{Theme: "dark"}, w, h)
	a, _ := finishedAssessment(t, "20261102-093000-abc", 0)
	na, noopp := 0, 0
	for _, id := range a.Order {
		it, _ := d.app.bank.Item(id)
		switch {
		case it.NA && na < 1:
			a.Answers[id] = model.Answer{NA: true}
			na++
		case it.OffersNoOpportunity() && noopp < 4:
			a.Answers[id] = model.Answer{NoOpportunity: true}
			noopp++
		}
	}
	d.send(resultLoadedMsg{a: a, res: model.Compute(d.app.bank, a)})
	d.keys("v")
	if d.app.state != stateReview {
		t.Fatalf("v did not open the review (state %v)", d.app.state)
	}
	return d
}

// The review's header wraps its counts, never cuts them, and the selected
// item's text and answer are shown whole under the list.
func TestReviewHeaderAndSelectionWhole(t *testing.T) {
	for _, size := range smallSizes {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			d := reviewWithEveryKind(t, size[0], size[1])
			for range 3 {
				scr := d.screen()
				lines := strings.Split(scr, "\n")
				noCut(t, "review header", strings.Join(lines[:2], "\n"))
				flat := strings.Join(strings.Fields(scr), " ")
				if !strings.Contains(flat, "0 skipped · 0 open") {
					t.Errorf("the header's counts are cut:\n%s", scr)
				}
				a := d.app.session.a
				it, _ := d.app.bank.Item(a.Order[d.app.review.cursor])
				for _, want := range []string{it.Text, reviewAnswer(d.app.bank, a, d.app.review.cursor)} {
					if !strings.Contains(flat, strings.Join(strings.Fields(want), " ")) {
						t.Errorf("the selection is not shown whole: %q\n%s", want, scr)
					}
				}
				var tail []string
				for _, l := range lines {
					if !strings.Contains(l, "✓") && !strings.Contains(l, "open ") {
						tail = append(tail, l)
					}
				}
				noCut(t, "review", strings.Join(tail, "\n"))
				d.keys("down")
			}
		})
	}
}

// weakResult is a finished assessment rated low everywhere, with some
// ratings "no opportunity yet" and one answer kept for an item gone from
// the bank: no strengths, a plan, chances to seek and flags.
func weakResult(t *testing.T) (*model.Assessment, model.Result) {
	t.Helper()
	b := testBank(t)
	start := time.Date(2026, 11, 2, 9, 30, 0, 0, time.UTC)
	a := model.NewAssessment(b, "20261102-093000-low", start, model.LengthFull, "")
	noopp := 0
	for _, id := range a.Order {
		it, _ := b.Item(id)
		a.Answers[id] = model.Answer{Value: 1, Took: 8 * time.Second}
		if it.OffersNoOpportunity() && noopp < 3 {
			a.Answers[id] = model.Answer{NoOpportunity: true, Took: 8 * time.Second}
			noopp++
		}
	}
	a.Status, a.Finished = model.StatusFinished, start.Add(20*time.Minute)
	return a, model.Compute(b, a)
}

// Every results panel, scrolled from top to bottom with w on and off, at
// 60×20 and 80×24, for a strong and a weak result: nothing is cut.
func TestResultsPanelsNeverCut(t *testing.T) {
	for _, size := range smallSizes {
		for _, kind := range []string{"strong", "weak"} {
			t.Run(fmt.Sprintf("%dx%d_%s", size[0], size[1], kind), func(t *testing.T) {
				d := newDriver(t, testStore(t), Start{Theme: "dark"}, size[0], size[1])
				a, res := finishedAssessment(t, "20261102-093000-abc", 0)
				if kind == "weak" {
					a, res = weakResult(t)
				}
				d.send(resultLoadedMsg{a: a, res: res})
				for _, why := range []bool{false, true} {
					if why {
						d.keys("w")
					}
					for _, p := range []string{"1", "2", "3", "4", "5"} {
						d.keys(p)
						for range 40 {
							noCut(t, "panel "+p, d.screen())
							d.keys("pgdown")
						}
					}
				}
			})
		}
	}
}

// Compare at every size: ids and verdicts whole, the arrows of every row
// (rated on both sides or not) in one column, and at 120 columns no name
// wraps that the room could hold.
func TestCompareColumnsWholeAndAligned(t *testing.T) {
	a1, r1 := finishedAssessment(t, "20261001-090000-aaa", 0)
	a1.Length = model.LengthQuick // the longer note above the rows
	a2, _ := weakResult(t)
	b := testBank(t)
	for _, id := range a2.Order {
		if it, _ := b.Item(id); it.Facet == r1.Readiness[1].ID {
			a2.Answers[id] = model.Answer{NoOpportunity: true} // rated before, not now
		}
	}
	r2 := model.Compute(b, a2)
	for _, size := range append(smallSizes, [2]int{120, 40}, [2]int{200, 60}) {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			d := newDriver(t, testStore(t), Start{Theme: "dark"}, size[0], size[1])
			d.send(compareLoadedMsg{before: a1, after: a2, a: r1, b: r2})
			scr := d.screen()
			flat := strings.Join(strings.Fields(scr), " ")
			if !strings.Contains(flat, a1.ID+" (") || !strings.Contains(flat, "→ "+a2.ID+" (") {
				t.Errorf("an id is cut:\n%s", scr)
			}
			arrow, last := -1, 0
			for range 10 {
				scr := d.screen()
				// A page moves by the rows seen: no line is skipped.
				if m := pageRe.FindStringSubmatch(scr); m != nil {
					if from := atoi(m[1]); last > 0 && from > last+1 {
						t.Errorf("a page skipped lines %d-%d:\n%s", last+1, from-1, scr)
					}
					last = atoi(m[2])
				}
				noCut(t, "compare", scr)
				for _, l := range strings.Split(scr, "\n")[1:] {
					i := strings.Index(l, " → ")
					if i < 0 || strings.Contains(l, a2.ID) {
						continue
					}
					col := len([]rune(l[:i]))
					if arrow >= 0 && col != arrow {
						t.Errorf("the arrow sits at column %d, elsewhere at %d: %q", col, arrow, l)
					}
					arrow = col
				}
				d.keys("pgdown")
			}
			all := strings.Join(d.app.compare.lines, "\n")
			if !strings.Contains(all, "not rated now") {
				t.Errorf("the row not rated now is missing:\n%s", all)
			}
			if size[0] >= 120 && !strings.Contains(all, "Aligning infrastructure with priorities") {
				t.Errorf("a name wraps with room to spare:\n%s", all)
			}
		})
	}
}

// The rate screen at 60×20 and 80×24, for every behaviour of a real
// invitation: choices wrapped, never cut, the help line whole (quit
// included) and the whole screen within the window; at 200 columns it
// stops at the reading width.
func TestRateScreenFits(t *testing.T) {
	b := testBank(t)
	a, _ := finishedAssessment(t, "20261102-093000-abc", 0)
	inv, err := model.NewInvitation(b, a, "0123456789abcdef0123456789abcdef", "Alexandra Montgomery-Whitfield", time.Date(2026, 11, 3, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	for _, size := range append(smallSizes, [2]int{200, 60}) {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			m := NewRater(testStore(t), inv, nil, true)
			m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			m.loaded = true
			for i := -1; i < len(inv.Items); i++ {
				m.index = i
				scr := ansi.Strip(m.render())
				noCut(t, "item "+itoa(i), scr)
				lines := strings.Split(scr, "\n")
				if len(lines) > size[1] {
					t.Errorf("item %d: %d lines in a window %d high:\n%s", i, len(lines), size[1], scr)
				}
				for _, l := range lines {
					if lipglossWidth(l) > min(size[0], maxReading) {
						t.Errorf("item %d: a line runs past %d: %q", i, size[0], l)
					}
				}
				if !strings.Contains(strings.Join(strings.Fields(scr), " "), "q/esc stop (answers are saved)") {
					t.Errorf("item %d: the help line lost quit:\n%s", i, scr)
				}
				if i >= 0 {
					flat := strings.Join(strings.Fields(scr), " ")
					for _, c := range inv.Items[i].Choices(inv.Scale) {
						if !strings.Contains(flat, strings.Join(strings.Fields(c), " ")) {
							t.Errorf("item %d: the choice %q is not whole:\n%s", i, c, scr)
						}
					}
				}
			}
		})
	}
}

// screensOf visits the screens other tests do not, from a shown result,
// and calls see with each: the export, invite and import forms, the
// compare picker, the history, the new-assessment screen and the guides.
func screensOf(t *testing.T, w, h int, see func(name, scr string)) {
	t.Helper()
	d := showResults(t, w, h)
	var list []store.Summary
	for i := range 3 {
		list = append(list, store.Summary{ID: fmt.Sprintf("20261102-0930%02d-abc", i), Started: time.Date(2026, 11, 2, 9, 30, i, 0, time.UTC),
			Length: model.LengthFull, Status: model.StatusFinished, Answered: 59, Total: 59, Lean: "unclear - your trade-off answers pull too many ways to tell · method 2"})
	}
	d.send(listLoadedMsg{list: list})
	for _, k := range []string{"e", "i", "I", "c"} {
		d.keys(k)
		if d.app.state == stateResults {
			t.Fatalf("%s did not leave the results:\n%s", k, d.screen())
		}
		see(k, d.screen())
		d.keys("esc")
	}
	d.keys("v")
	see("review", d.screen())
	d.keys("esc", "esc")
	for _, k := range []string{"h", "n", "g"} {
		d.keys(k)
		if d.app.state == stateHome {
			t.Fatalf("%s did not leave home:\n%s", k, d.screen())
		}
		see(k, d.screen())
		d.keys("esc")
	}
	see("home", d.screen())
}

// Forms, lists and pickers keep their titles and prompts whole at 60×20
// and 80×24.
func TestOtherScreensNeverCut(t *testing.T) {
	for _, size := range smallSizes {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			screensOf(t, size[0], size[1], func(name, scr string) {
				if name == "review" {
					return // its rows are an index, cut to the width; the selection shows whole below them
				}
				noCut(t, name, scr)
			})
		})
	}
}

// At 200 columns every screen stops at the reading width, as the guides
// and results do; only the help line may run wider.
func TestScreensStopAtReadingWidth(t *testing.T) {
	screensOf(t, 200, 60, func(name, scr string) {
		lines := strings.Split(scr, "\n")
		for _, l := range lines[:len(lines)-1] {
			if n := lipglossWidth(strings.TrimRight(l, " ")); n > maxReading+1 {
				t.Errorf("%s: a line runs %d wide: %q", name, n, l)
				return
			}
		}
	})
}

// A chance to seek that wraps continues under its text, not its bullet.
func TestChancesToSeekHang(t *testing.T) {
	res := model.Result{Later: []model.PlanStep{{Name: "Seek the chance to present a budget for the technology you run to the board, with the trade-offs of the year ahead", Band: model.MarkNoOpportunity}}}
	got := strings.Split(strings.TrimRight(ansiStrip(chancesToSeek(NewTheme(true), res, 58)), "\n"), "\n")
	var items []string // the lines under the heading
	for i, l := range got {
		if strings.Contains(l, "Later:") {
			items = got[i+1:]
		}
	}
	if len(items) < 2 {
		t.Fatalf("the chance does not wrap at 58 columns: %q", got)
	}
	for _, l := range items[1:] {
		if !strings.HasPrefix(l, "    ") || strings.HasPrefix(l, "     ") {
			t.Errorf("a wrapped line does not start under the text: %q", l)
		}
	}
}

// The expected levels wrap between the roles: "CIO 80 gap" is never
// split across lines.
func TestExpectedLevelsKeepTheirRole(t *testing.T) {
	for _, size := range smallSizes {
		d := showResults(t, size[0], size[1])
		d.keys("2")
		var all strings.Builder
		for range 12 {
			all.WriteString(d.screen() + "\n")
			d.keys("pgdown")
		}
		for _, s := range d.app.session.res.Readiness {
			if s.ExpectCTO+s.ExpectCIO == 0 {
				continue
			}
			for _, want := range []string{"CTO " + itoa(s.ExpectCTO) + " " + markWord(s.VsCTO), "CIO " + itoa(s.ExpectCIO) + " " + markWord(s.VsCIO)} {
				if !strings.Contains(all.String(), want) {
					t.Errorf("%dx%d: %s: %q is split:\n%s", size[0], size[1], s.Name, want, all.String())
					return
				}
			}
		}
	}
}

// At 120 and 200 columns the frame stops at the reading width, and what
// sits in it is sized to it: the file and note fields and the guide text
// are not cut at its edge.
func TestWideScreensNeverCut(t *testing.T) {
	for _, size := range [][2]int{{120, 40}, {200, 60}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			screensOf(t, size[0], size[1], func(name, scr string) {
				if name != "review" {
					noCut(t, name, scr)
				}
			})
			d := questionDriver(t, "dark", size[0], size[1])
			d.keys("e")
			noCut(t, "note", d.screen())
			d = newDriver(t, testStore(t), Start{Theme: "dark"}, size[0], size[1])
			d.keys("g", "enter")
			if d.app.state != stateReader {
				t.Fatalf("no reader: state %v", d.app.state)
			}
			for range 15 {
				noCut(t, "reader", d.screen())
				d.keys("pgdown")
			}
		})
	}
}

var pageRe = regexp.MustCompile(`lines (\d+)-(\d+) of`)

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

// Every kind of answer's note under a readiness item fits at 60×20:
// "no opportunity yet - the plan lists it as a chance to seek" wraps.
func TestQuestionAnswerNotesWrap(t *testing.T) {
	s := testStore(t)
	d := newDriver(t, s, Start{Theme: "dark"}, 60, 20)
	a := model.NewAssessment(d.app.bank, goldenID, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), model.LengthQuick, "")
	at := -1
	for i, id := range a.Order {
		if it, _ := d.app.bank.Item(id); it.OffersNoOpportunity() && at < 0 {
			at = i
		}
	}
	for _, ans := range []model.Answer{{NoOpportunity: true}, {Skipped: true}, {NA: true}} {
		a.Answers[a.Order[at]] = ans
		a.Cursor = at
		d.send(loadedMsg{a: a})
		if d.app.state == stateIntro {
			d.keys("enter")
		}
		noCut(t, fmt.Sprintf("%+v", ans), d.screen())
	}
}
