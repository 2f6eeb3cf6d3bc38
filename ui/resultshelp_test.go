package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/cxo-dev/cxo/model"
)

// The results' help says what the keys do where they are: on the plan the
// arrows choose a gap (the panel's own text says so too), and the key that
// shows a held verdict is offered only when a verdict is held.
func TestResultsHelpOffersWhatApplies(t *testing.T) {
	d := showResults(t, 100, 40)
	if d.app.res.Held || len(d.app.res.Gaps) == 0 {
		t.Fatalf("want an unheld result with gaps (held %v, %d gaps)", d.app.res.Held, len(d.app.res.Gaps))
	}
	d.keys("?")
	if scr := d.screen(); strings.Contains(scr, "held verdict") {
		t.Errorf("the full help offers a held verdict when none is held:\n%s", scr)
	}
	d.keys("?", "3")
	foot := lastLine(d.screen())
	if !strings.Contains(foot, "↑/↓ choose a gap") || strings.Contains(foot, "↑/↓ scroll") {
		t.Errorf("plan footer says %q; the arrows choose a gap there", foot)
	}
	d.keys("?")
	if scr := d.screen(); !strings.Contains(scr, "choose a gap") || !strings.Contains(scr, "read the gap's guide") || strings.Contains(scr, "↑/↓ scroll") {
		t.Errorf("plan full help:\n%s", scr)
	}
	d.keys("?", "1")
	if foot := lastLine(d.screen()); strings.Contains(foot, "choose a gap") {
		t.Errorf("lean panel footer %q offers the plan's keys", foot)
	}

	d = showResults(t, 100, 40)
	d.app.res.Held = true
	d.keys("?")
	if scr := d.screen(); !strings.Contains(scr, "show the held verdict") {
		t.Errorf("a held verdict's key is not in the full help:\n%s", scr)
	}
}

// With no gap to choose, the plan panel's heading offers no keys to choose
// one.
func TestPlanHeadingOffersKeysOnlyWithGaps(t *testing.T) {
	s := &session{theme: NewTheme(true)}
	s.res.Target = model.RoleCIO
	var r resultsModel
	if got := ansi.Strip(r.plan(s, 78)); strings.Contains(got, "↑/↓ choose") || !strings.Contains(got, "Gaps and plan") {
		t.Errorf("no gaps:\n%s", got)
	}
	s.res.Gaps = []model.Finding{{FacetID: "ops", Name: "Operations", Why: "below"}}
	if got := ansi.Strip(r.plan(s, 78)); !strings.Contains(got, "↑/↓ choose") {
		t.Errorf("a gap:\n%s", got)
	}
}
