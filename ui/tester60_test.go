package ui

import (
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/cxo-dev/cxo/model"
)

// At 60x20 the invitation's path on the status line reads whole (it was
// broken at its hyphens), and after an import the results come back on the
// Peers panel the import changed, not on the first panel.
func TestInviteAndImportAt60x20(t *testing.T) {
	t.Chdir(t.TempDir())
	f := flowFixture{t: t, b: testBank(t), built: map[string]string{}}
	s, id := f.finished()
	d := newDriver(t, s, Start{Theme: "dark", Action: "resume", ResumeID: id}, 60, 20)
	d.app.bank = observerBank(t)
	d.keys("5", "i")
	typeText(d, "Sam Lee")
	d.keys("enter")
	want := "cxo-invitation-" + id + ".json"
	if !strings.Contains(d.app.status, want) {
		t.Fatalf("after i: status %q", d.app.status)
	}
	// The temporary folder makes the path wider than the line, so it is
	// hard-broken at the edge; it is never broken early at a hyphen.
	sc := d.screen()
	var joined strings.Builder
	for _, l := range strings.Split(sc, "\n") {
		joined.WriteString(strings.TrimSpace(l))
	}
	if !strings.Contains(joined.String(), want) {
		t.Errorf("the invitation's name is not on screen:\n%s", sc)
	}
	noHyphenBreaks(t, sc, 60)
	d.keys("I")
	typeText(d, strings.Join(writeResponses(t, d, 3, 0), " "))
	d.keys("enter")
	if d.app.state != stateResults || d.app.results.panel != peersPanel {
		t.Fatalf("after the import: %s, panel %d\n%s", stateNames[d.app.state], d.app.results.panel+1, d.screen())
	}
	if sc := d.screen(); !strings.Contains(sc, "from 3") {
		t.Errorf("the Peers panel does not show the import:\n%s", sc)
	}
}

// At 60x20 the compare picker's heading keeps the assessment's id whole.
func TestComparePickerKeepsTheIDWholeAt60x20(t *testing.T) {
	s := testStore(t)
	d := newDriver(t, s, Start{Theme: "dark"}, 60, 20)
	a1, _ := finishedAssessment(t, "20261001-090000-aaa", 0)
	a2, r2 := finishedAssessment(t, "20261202-000927-d95", 2)
	a2.Started = a1.Started.Add(30 * 24 * time.Hour)
	storeFinished(t, s, a1)
	storeFinished(t, s, a2)
	d.run(loadListCmd(s))
	d.send(resultLoadedMsg{a: a2, res: r2})
	d.keys("c")
	if d.app.state != stateHistory {
		t.Fatalf("c did not open the picker (state %v)", d.app.state)
	}
	sc := d.screen()
	if !strings.Contains(strings.Join(strings.Fields(sc), " "), "beside "+a2.ID) {
		t.Errorf("the id is not whole in the picker's heading:\n%s", sc)
	}
	noHyphenBreaks(t, sc, 60)
}

// noHyphenBreaks fails on a screen line that ends early at a hyphen: on
// these screens only ids and paths hold hyphens, and they are broken only
// where they meet the edge.
func noHyphenBreaks(t *testing.T, sc string, w int) {
	t.Helper()
	for _, l := range strings.Split(sc, "\n") {
		if l = strings.TrimRight(l, " "); strings.HasSuffix(l, "-") && len(l) < w {
			t.Errorf("a line broken at a hyphen: %q\n%s", l, sc)
		}
	}
}

// At 60x20 the compare screen's lean row is named "Lean" with its numbers
// on the same line, and the scale is the heading's note.
func TestCompareLeanRowFitsAt60x20(t *testing.T) {
	s := testStore(t)
	d := newDriver(t, s, Start{Theme: "dark"}, 60, 20)
	a1, _ := finishedAssessment(t, "20261001-090000-aaa", 0)
	a2, r2 := finishedAssessment(t, "20261102-090000-bbb", 2)
	a2.Started = a1.Started.Add(30 * 24 * time.Hour)
	storeFinished(t, s, a1)
	storeFinished(t, s, a2)
	d.run(loadListCmd(s))
	d.send(resultLoadedMsg{a: a2, res: r2})
	d.keys("c", "enter")
	if d.app.state != stateCompare {
		t.Fatalf("not comparing: state %v, status %q", d.app.state, d.app.status)
	}
	sc := d.screen()
	lines := strings.Split(sc, "\n")
	heading, row := -1, -1
	for i, l := range lines {
		f := strings.Fields(l)
		if len(f) > 0 && f[0] == "Lean" && heading < 0 {
			heading = i
		} else if len(f) > 1 && f[0] == "Lean" && heading >= 0 {
			row = i
			break
		}
	}
	if heading < 0 || !strings.Contains(lines[heading], model.CompareLeanScale) {
		t.Errorf("the Lean heading does not carry the scale:\n%s", sc)
	}
	if row < 0 || strings.Contains(lines[row], "(") || !strings.ContainsAny(lines[row], "0123456789") {
		t.Errorf("no lean row named Lean with its numbers:\n%s", sc)
	}
	if strings.Contains(sc, "-100)") {
		t.Errorf("the scale still wraps out of the row's name:\n%s", sc)
	}
}

// a toggles the held verdict: while it is shown the footer and the full
// help offer a to hide it, not to show it again.
func TestHeldVerdictKeySaysHideWhileShown(t *testing.T) {
	for _, size := range [][2]int{{60, 20}, {100, 40}} {
		d := showResults(t, size[0], size[1])
		d.app.res.Held = true
		d.keys("1")
		if foot := lastLine(d.screen()); !strings.Contains(foot, "a show the held verdict") {
			t.Errorf("%v: held, hidden: footer %q", size, foot)
		}
		d.keys("a")
		if !d.app.results.anyway {
			t.Fatalf("a did not show the verdict")
		}
		if foot := lastLine(d.screen()); !strings.Contains(foot, "a hide the verdict") || strings.Contains(foot, "show the held") {
			t.Errorf("%v: shown: footer %q", size, foot)
		}
		d.keys("?")
		if sc := d.screen(); !strings.Contains(sc, "hide the verdict") || strings.Contains(sc, "show the held verdict") {
			t.Errorf("%v: shown: full help:\n%s", size, sc)
		}
		d.keys("?", "a")
		if foot := lastLine(d.screen()); !strings.Contains(foot, "a show the held verdict") {
			t.Errorf("%v: hidden again: footer %q", size, foot)
		}
	}
}

// At 60x20 the review's "finish again?" prompt shows all its keys whole
// (the footer was cut with "…"), on as many lines as they need.
func TestFinishAgainPromptKeysFitAt60x20(t *testing.T) {
	d, _ := reviewAFinished(t)
	d.send(tea.WindowSizeMsg{Width: 60, Height: 20})
	d.keys("esc")
	if !d.app.review.asking {
		t.Fatalf("esc after a change did not ask:\n%s", d.screen())
	}
	sc := d.screen()
	lines := strings.Split(sc, "\n")
	foot := strings.Join(strings.Fields(strings.Join(lines[len(lines)-3:], " ")), " ")
	for _, want := range []string{"enter finish again", "esc keep it open", "ctrl+c quit (answers are saved)"} {
		if !strings.Contains(foot, want) {
			t.Errorf("the footer lacks %q:\n%s", want, sc)
		}
	}
	if strings.Contains(foot, "…") {
		t.Errorf("the footer is cut:\n%s", sc)
	}
	for _, l := range lines {
		if ansi.StringWidth(l) > 60 {
			t.Errorf("a line of %d cells: %q", ansi.StringWidth(l), l)
		}
	}
}

// Every prompt's keys (a help line without "?", so no key may be dropped)
// wrap whole at the narrowest window instead of being cut.
func TestPromptKeysWrapWhole(t *testing.T) {
	d := newDriver(t, testStore(t), Start{Theme: "dark"}, 60, 20)
	for _, keys := range [][]key.Binding{
		{reviewKeys.FinishAgain, reviewKeys.KeepOpen, forceQuitKey},
		{exportKeys.Write, exportKeys.Back, forceQuitKey},
		{questionKeys.Retry, questionKeys.Back, forceQuitKey},
		{questionKeys.SaveNote, questionKeys.CancelNote},
		{peersKeys.Go, peersKeys.Back, forceQuitKey},
		{damagedKeys.MoveAside, quitKey},
	} {
		got := ansi.Strip(d.app.shortHelpView(keys))
		flat := strings.Join(strings.Fields(got), " ")
		for _, k := range keys {
			if h := k.Help(); !strings.Contains(flat, h.Key+" "+h.Desc) {
				t.Errorf("lacks %q: %q", h.Key+" "+h.Desc, got)
			}
		}
		for _, l := range strings.Split(got, "\n") {
			if ansi.StringWidth(l) > 58 || strings.Contains(l, "…") {
				t.Errorf("cut or too wide: %q", l)
			}
		}
	}
}

// The readiness intro does not promise x on every item: most refuse it, so
// it says x works where an item offers "not applicable".
func TestReadinessIntroQualifiesNotApplicable(t *testing.T) {
	b := testBank(t)
	with, without := 0, 0
	for _, it := range b.Items {
		if f, _ := b.Facet(it.Facet); f.Layer != model.LayerReadiness {
			continue
		}
		if it.NA {
			with++
		} else {
			without++
		}
	}
	text := sectionIntro[model.LayerReadiness].text
	if without > 0 && !strings.Contains(text, `x where an item offers "not applicable"`) {
		t.Errorf("%d readiness items refuse x, %d offer it; the intro says: %q", without, with, text)
	}
	if with == 0 && strings.Contains(text, "x ") {
		t.Errorf("no readiness item offers x, yet the intro names it: %q", text)
	}
}

// At 60x20, with any option of any item selected, the item's own text
// stays on screen above the options (scrolling to option 5 of a long item
// showed options only), whole when it fits beside the selected option.
func TestQuestionTextStaysWithTheSelectedOption(t *testing.T) {
	f := flowFixture{t: t, b: testBank(t), built: map[string]string{}}
	d := newDriver(t, f.unfinished(1, 1), Start{Theme: "dark"}, 60, 20)
	d.keys("r")
	if d.app.state != stateQuestion {
		t.Fatalf("on the %s screen, want a question", stateNames[d.app.state])
	}
	scrolled := 0
	for i := range d.app.a.Order {
		d.app.question.open(&d.app.session, i)
		it := d.app.question.item(&d.app.session)
		n := len(optionLabels(it))
		textLines := strings.Split(ansi.Strip(wrap(it.Text, readingWidth(58))), "\n")
		for h := 0; h < n; h++ {
			d.app.question.highlight = h
			sc := d.screen()
			if !strings.Contains(sc, "▸") {
				t.Fatalf("item %d option %d: the selected option is not on show:\n%s", i, h+1, sc)
			}
			if !strings.Contains(sc, strings.TrimSpace(textLines[0])) {
				t.Fatalf("item %d option %d: the item's text is not on show:\n%s", i, h+1, sc)
			}
			if strings.Contains(sc, "▲") {
				scrolled++
			}
		}
	}
	if scrolled == 0 {
		t.Errorf("no item scrolled at 60x20: the test shows nothing")
	}
}

// On a narrow peers panel the figures wrap as wholes: a reading ("within
// the bands", "hidden strength") and "others N (a-b) from n" never break
// inside.
func TestPeersPanelKeepsEachReadingWhole(t *testing.T) {
	s := &session{theme: NewTheme(true)}
	var r resultsModel
	for _, reading := range []string{model.PeerWithinBands, model.PeerBlindSpot, model.PeerHiddenStrength} {
		s.res.Peers = &model.PeerPanel{Responses: 3, Areas: []model.PeerArea{
			{Name: "Technology strategy and vision for the organisation", Self: 63, SelfLow: 6, SelfHi: 100, SelfN: 3, Raters: 3, Shown: true, Others: 21, Low: 0, High: 62, Reading: reading},
		}}
		for w := 30; w <= 80; w++ {
			got := ansi.Strip(r.peers(s, w))
			lines := strings.Split(got, "\n")
			found := false
			for _, l := range lines {
				if ansi.StringWidth(l) > w {
					t.Errorf("width %d: a line of %d: %q", w, ansi.StringWidth(l), l)
				}
				found = found || strings.Contains(l, reading)
			}
			if !found || !strings.Contains(got, "others 21 (0-62) from 3") {
				t.Errorf("width %d: %q or the others' figures broken:\n%s", w, reading, got)
			}
		}
	}
}
