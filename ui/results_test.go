package ui

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/cxo-dev/cxo/model"
)

// finishedAssessment answers a full assessment with a fixed pattern.
func finishedAssessment(t *testing.T, id string, shift int) (*model.Assessment, model.Result) {
	t.Helper()
	b := testBank(t)
	start := time.Date(2026, 11, 2, 9, 30, 0, 0, time.UTC)
	a := model.NewAssessment(b, id, start, model.LengthFull, "")
	for i, oid := range a.Order {
		it, _ := b.Item(oid)
		a.Answers[oid] = model.Answer{Value: (i+shift)%it.Levels() + 1, Took: 8 * time.Second}
	}
	a.Status, a.Finished = model.StatusFinished, start.Add(20*time.Minute)
	return a, model.Compute(b, a)
}

func showResults(t *testing.T, w, h int) *driver {
	d := newDriver(t, testStore(t), Start{Theme: "dark"}, w, h)
	a, res := finishedAssessment(t, "20261102-093000-abc", 0)
	d.send(resultLoadedMsg{a: a, res: res})
	if d.app.state != stateResults {
		t.Fatalf("state %v", d.app.state)
	}
	return d
}

func TestResultsGolden80x24(t *testing.T) {
	d := showResults(t, 80, 24)
	golden.RequireEqual(t, []byte(d.screen()))
}

func TestResultsGolden160x48(t *testing.T) {
	d := showResults(t, 160, 48)
	golden.RequireEqual(t, []byte(d.screen()))
}

// On a wide window the readiness bars stop growing and each score shows
// its band.
func TestResultsReadinessGolden160x48(t *testing.T) {
	d := showResults(t, 160, 48)
	d.keys("2")
	screen := d.screen()
	if !strings.Contains(screen, "Repeatable processes") || !strings.Contains(screen, "band ") {
		t.Errorf("the readiness panel at 160 columns shows no bands:\n%s", screen)
	}
	golden.RequireEqual(t, []byte(screen))
}

func TestResultsPanelsGolden80x24(t *testing.T) {
	d := showResults(t, 80, 24)
	var all strings.Builder
	for i := 0; i < 3; i++ {
		d.keys("tab")
		all.WriteString(d.screen() + "\n----\n")
	}
	golden.RequireEqual(t, []byte(all.String()))
}

func TestResultsPlanEnterOpensTheGapsGuide(t *testing.T) {
	d := showResults(t, 100, 30)
	d.keys("3")
	if len(d.app.res.Gaps) == 0 {
		t.Skip("no gaps in this fixed result")
	}
	gap := d.app.res.Gaps[0]
	d.keys("enter")
	if d.app.state != stateReader {
		t.Fatalf("enter on a gap did not open the reader (state %v)", d.app.state)
	}
	name, slug := model.SplitRef(gap.Guide)
	gd, _ := d.app.bank.Guide(name)
	sec, _ := gd.Section(slug)
	if !strings.Contains(d.screen(), sec.Title) {
		t.Fatalf("reader does not show %q:\n%s", sec.Title, d.screen())
	}
}

func TestCompareMarksOnlyChangesBeyondTheBands(t *testing.T) {
	s := testStore(t)
	d := newDriver(t, s, Start{Theme: "dark"}, 120, 40)
	a1, r1 := finishedAssessment(t, "20261001-090000-aaa", 0)
	a2, r2 := finishedAssessment(t, "20261102-090000-bbb", 2)
	a2.Started = a1.Started.Add(30 * 24 * time.Hour)
	// The first run left the first operational area unrated: its items
	// were not answered.
	bank := testBank(t)
	for id := range a1.Answers {
		if it, _ := bank.Item(id); it.Facet == r1.Readiness[0].ID {
			delete(a1.Answers, id)
		}
	}
	r1 = storeFinished(t, s, a1)
	if r1.Readiness[0].N != 0 {
		t.Fatalf("the first area is still rated: %+v", r1.Readiness[0])
	}
	storeFinished(t, s, a2)
	d.run(loadListCmd(s))
	d.send(resultLoadedMsg{a: a2, res: r2})
	d.keys("c")
	if d.app.state != stateHistory || d.app.history.compareWith != a2.ID {
		t.Fatalf("c did not open the picker (state %v)", d.app.state)
	}
	d.keys("enter")
	if d.app.state != stateCompare {
		t.Fatalf("enter did not compare: state %v, status %q", d.app.state, d.app.status)
	}
	cmp, _ := model.Compare(r1, r2)
	screen := d.screen()
	changed := 0
	for _, ch := range append(append([]model.Change{cmp.Lean}, cmp.Facets...), cmp.Readiness...) {
		if ch.Changed {
			changed++
		}
	}
	if got := strings.Count(screen, "changed, "); got > changed {
		t.Errorf("%d rows marked changed on screen, %d changes beyond the bands", got, changed)
	}
	if !strings.Contains(screen, "within the bands") {
		t.Errorf("no row within the bands:\n%s", screen)
	}
	// The side not rated reads "-" in its column, and the verdict says so.
	flat := strings.Join(strings.Fields(screen), " ")
	if want := "- → " + itoa(r2.Readiness[0].Score) + " not rated before, so no change can be measured"; !strings.Contains(flat, want) {
		t.Errorf("an area rated only the second time does not read %q:\n%s", want, screen)
	}
	_ = tea.KeyPressMsg{}
}

func TestCompareExplainsQuickBands(t *testing.T) {
	s := testStore(t)
	d := newDriver(t, s, Start{Theme: "dark"}, 120, 40)
	a1, r1 := finishedAssessment(t, "20261001-090000-aaa", 0)
	a2, r2 := finishedAssessment(t, "20261102-090000-bbb", 1)
	a1.Length = model.LengthQuick
	d.send(compareLoadedMsg{before: a1, after: a2, a: r1, b: r2})
	if flat := strings.Join(strings.Fields(d.screen()), " "); d.app.state != stateCompare || !strings.Contains(flat, "A quick assessment has one or two answers") {
		t.Fatalf("no note on quick bands:\n%s", d.screen())
	}
}

// At the smallest window the help line is cut to fit, but "?" (the way to
// every other key) and the panel's own key stay.
func TestNarrowHelpLineKeepsTheHelpKey(t *testing.T) {
	lastLine := func(d *driver) string {
		lines := strings.Split(strings.TrimRight(d.screen(), "\n "), "\n")
		return lines[len(lines)-1]
	}
	home := newDriver(t, testStore(t), Start{Theme: "dark"}, 60, 20)
	question := questionDriver(t, "dark", 60, 20)
	results := showResults(t, 60, 20)
	results.keys("2") // the readiness panel, where w explains a score
	for name, d := range map[string]*driver{"home": home, "question": question, "results": results} {
		line := lastLine(d)
		if !strings.Contains(line, "? more") || strings.Contains(line, "…") {
			t.Errorf("%s: help line %q lost the ? key", name, line)
		}
	}
	if line := lastLine(results); !strings.Contains(line, "w why") {
		t.Errorf("results: help line %q lost the panel's own key", line)
	}
}

// Export from the results: a file that exists is kept until a second enter
// confirms; then it is replaced and the full path is reported.
func TestExportAsksBeforeOverwriting(t *testing.T) {
	d := showResults(t, 100, 30)
	out := filepath.Join(t.TempDir(), "me.md")
	if err := os.WriteFile(out, []byte("keep me"), 0o600); err != nil {
		t.Fatal(err)
	}
	d.keys("e")
	if d.app.state != stateExport {
		t.Fatalf("e did not open the export prompt (state %v)", d.app.state)
	}
	d.app.export.input.SetValue(out)
	d.keys("enter")
	if d.app.state != stateExport || !strings.Contains(d.app.status, "exists - press enter again") {
		t.Fatalf("no overwrite warning: state %v, status %q", d.app.state, d.app.status)
	}
	if data, _ := os.ReadFile(out); string(data) != "keep me" {
		t.Fatal("the existing file was replaced without confirmation")
	}
	d.keys("enter")
	if d.app.state != stateResults || d.app.status != "exported to "+out {
		t.Fatalf("second enter: state %v, status %q", d.app.state, d.app.status)
	}
	if data, _ := os.ReadFile(out); !strings.HasPrefix(string(data), "# cxo results") {
		t.Errorf("the file was not replaced by the export: %.40q", data)
	}
}

// The full help (?) never drops keys on a narrow window: its columns are
// packed tighter instead, so back and quit stay listed.
func TestFullHelpKeepsEveryKey(t *testing.T) {
	for _, size := range [][2]int{{60, 20}, {80, 24}, {160, 48}} {
		d := questionDriver(t, "dark", size[0], size[1])
		d.keys("?")
		screen := d.screen()
		for _, want := range []string{"answer", "skip", "evidence note", "back", "quit"} {
			if !strings.Contains(screen, want) {
				t.Errorf("%v: full help lacks %q:\n%s", size, want, screen)
			}
		}
		if strings.Contains(screen, "…") {
			t.Errorf("%v: full help is cut:\n%s", size, screen)
		}
	}
}

// esc backs out one level: the review opened from the results returns to
// them, and results opened from the history return to the history.
func TestEscBacksOutOneLevelFromResults(t *testing.T) {
	d := showResults(t, 100, 30) // as after finishing: esc goes home
	d.keys("v")
	if d.app.state != stateReview {
		t.Fatalf("v on the lean panel did not open the review (state %v)", d.app.state)
	}
	d.keys("esc")
	if d.app.state != stateResults {
		t.Fatalf("esc from that review went to state %v, not the results", d.app.state)
	}
	d.keys("esc")
	if d.app.state != stateHome {
		t.Fatalf("esc from results shown after finishing went to %v, not home", d.app.state)
	}

	s := testStore(t)
	a, _ := finishedAssessment(t, "20261102-093000-abc", 0)
	storeFinished(t, s, a)
	d = newDriver(t, s, Start{Theme: "dark"}, 100, 30)
	d.keys("h", "enter")
	if d.app.state != stateResults {
		t.Fatalf("enter in the history did not open the results (state %v)", d.app.state)
	}
	d.keys("esc")
	if d.app.state != stateHistory {
		t.Fatalf("esc from results opened in the history went to %v", d.app.state)
	}
}

var nameColumn = regexp.MustCompile(`\s{2,}.*$`)

// Compare keeps every area's whole name at 60 and 100 columns: a long one
// wraps within its column instead of losing its end.
func TestCompareWrapsLongNames(t *testing.T) {
	a1, r1 := finishedAssessment(t, "20261001-090000-aaa", 0)
	a2, r2 := finishedAssessment(t, "20261102-090000-bbb", 1)
	long := 0
	for _, size := range [][2]int{{60, 20}, {100, 30}} {
		d := newDriver(t, testStore(t), Start{Theme: "dark"}, size[0], size[1])
		d.send(compareLoadedMsg{before: a1, after: a2, a: r1, b: r2})
		all := strings.Join(d.app.compare.lines, "\n")
		if strings.Contains(all, "…") {
			t.Errorf("%dx%d: a name is cut:\n%s", size[0], size[1], all)
		}
		// The name column: each line up to the gap before the numbers.
		var names []string
		for _, l := range strings.Split(ansiStrip(all), "\n") {
			names = append(names, nameColumn.ReplaceAllString(l, ""))
		}
		flat := strings.Join(strings.Fields(strings.Join(names, " ")), " ")
		for _, f := range r2.Readiness {
			if !strings.Contains(flat, strings.Join(strings.Fields(f.Name), " ")) {
				t.Errorf("%dx%d: %q is not whole:\n%s", size[0], size[1], f.Name, all)
			}
			if len(f.Name) > 24 {
				long++
			}
		}
	}
	if long == 0 {
		t.Fatal("no area name is long enough to wrap at 60 columns: the test shows nothing")
	}
}

// Compare labels each section's scale with the model's words, CTO first:
// the lean's signed scale beside the facets' positions.
func TestCompareLabelsItsScales(t *testing.T) {
	a1, r1 := finishedAssessment(t, "20261001-090000-aaa", 0)
	a2, r2 := finishedAssessment(t, "20261102-090000-bbb", 1)
	d := newDriver(t, testStore(t), Start{Theme: "dark"}, 120, 40)
	d.send(compareLoadedMsg{before: a1, after: a2, a: r1, b: r2})
	flat := strings.Join(strings.Fields(ansiStrip(strings.Join(d.app.compare.lines, "\n"))), " ")
	for _, want := range []string{model.CompareLeanScale, model.CompareFacetScale, model.CompareReadinessScale} {
		if !strings.Contains(flat, want) {
			t.Errorf("compare does not label a scale %q:\n%s", want, flat)
		}
	}
}
