package main

import (
	"os"
	"testing"

	"github.com/cxo-dev/cxo/assets"
	"github.com/cxo-dev/cxo/model"
)

// docs/validation.md is exactly what `go run ./internal/sim -seed 1`
// writes: a change of rules or bank that moves a figure must come with
// the regenerated page.
func TestValidationPageIsFresh(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("the full study takes seconds (and the plain run checks it)")
	}
	b, err := assets.DefaultBank()
	if err != nil {
		t.Fatal(err)
	}
	study := Study(b, Seed, Runs)
	want := Markdown(study, Seed, Runs)
	got, err := os.ReadFile("../../docs/validation.md")
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Fatal("docs/validation.md is stale: run go run ./internal/sim -seed 1 > docs/validation.md")
	}
	for _, c := range Checks(study) {
		if !c.OK {
			t.Errorf("target not met in the committed study: %s: %s", c.Target, c.Got)
		}
	}
}

// Another seed, a smaller sample: every target holds within a margin that
// allows for the sample's noise (three points of share either way, and
// the "every run" targets exactly).
func TestTargetsHoldOnAnotherSeed(t *testing.T) {
	b, err := assets.DefaultBank()
	if err != nil {
		t.Fatal(err)
	}
	runs := 300
	if testing.Short() || raceEnabled {
		runs = 100
	}
	for _, c := range Checks(Study(b, 7, runs)) {
		margin := 0.03
		if c.Limit == 1 || c.Limit <= 0.005 {
			if c.Limit == 0 && c.Value > 0 {
				t.Errorf("%s: %s", c.Target, c.Got)
			}
			margin = 0.01 // "every run", "at most 0.5%": nearly exact
		}
		ok := c.Value <= c.Limit+margin
		if c.AtLeast {
			ok = c.Value >= c.Limit-margin
		}
		if !ok {
			t.Errorf("%s: %s, beyond the margin of %.0f points", c.Target, c.Got, 100*margin)
		}
	}
}

// Fewer trade-off answers than the minimum never give a lean, whatever
// they are.
func TestNoLeanBelowTheMinimum(t *testing.T) {
	b, err := assets.DefaultBank()
	if err != nil {
		t.Fatal(err)
	}
	a := model.NewAssessment(b, "below-minimum", epoch, model.LengthFull, "")
	n := 0
	for _, id := range a.Order {
		it, _ := b.Item(id)
		f, _ := b.Facet(it.Facet)
		if f.Layer == model.LayerLean && it.Format != model.FormatLikert && n < model.MinTradeoffs-1 {
			a.Answers[id] = nearest(it, 1) // the CTO end, every time
			n++
		}
	}
	r := model.Compute(b, a)
	if r.Profile == model.ProfileLean || r.Lean.Enough || r.Lean.Need < 1 {
		t.Errorf("%d CTO-end answers gave %s (%+v)", n, r.Profile, r.Lean)
	}
}

// The confidence table reads the lean as Compute does: at the confidence
// cxo uses, it counts exactly the leans the profiles counted.
func TestConfidenceTableAgreesWithCompute(t *testing.T) {
	b, err := assets.DefaultBank()
	if err != nil {
		t.Fatal(err)
	}
	for _, tl := range Study(b, 3, 60) {
		for k, c := range Confidences {
			if c == model.LeanConfidence(tl.Length) && (tl.AtCTO[k] != tl.LeanCTO || tl.AtCIO[k] != tl.LeanCIO) {
				t.Errorf("%s %s at %v: %d/%d, profiles %d/%d", tl.Type, tl.Length, c, tl.AtCTO[k], tl.AtCIO[k], tl.LeanCTO, tl.LeanCIO)
			}
		}
	}
}
