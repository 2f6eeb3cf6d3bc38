package model_test

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cxo-dev/cxo/assets"
	"github.com/cxo-dev/cxo/model"
)

// everyAnswer answers every item of a full assessment on the embedded
// bank with the same answer number (clamped to the item's levels).
func everyAnswer(t *testing.T, n int) (*model.Bank, *model.Assessment) {
	t.Helper()
	b, err := assets.DefaultBank()
	if err != nil {
		t.Fatalf("embedded bank: %v", err)
	}
	a := model.NewAssessment(b, "20261201-120000-abc", time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC), model.LengthFull, "")
	for _, id := range a.Order {
		it, _ := b.Item(id)
		a.Answers[id] = model.Answer{Value: min(n, it.Levels()), Took: 20 * time.Second}
	}
	return b, a
}

// No agree/disagree item of the embedded bank takes "not applicable", so
// the "neither" flag advises what the items do take: a skip.
func TestNeutralAdviceMatchesWhatTheItemsTake(t *testing.T) {
	b, a := everyAnswer(t, 3)
	for _, it := range b.Items {
		if it.Format == model.FormatLikert && it.NA {
			t.Skipf("%s now takes not applicable; the advice may name it", it.ID)
		}
	}
	r := model.Compute(b, a)
	found := false
	for _, f := range r.Flags {
		if f.Code != "neutral" {
			continue
		}
		found = true
		if strings.Contains(f.Message, "not applicable") || !strings.Contains(f.Message, "skip (s) an item that does not fit you") {
			t.Errorf("neutral advice %q: it names an answer none of these items takes", f.Message)
		}
	}
	if !found {
		t.Fatalf("flags %+v, want neutral", r.Flags)
	}
}

// All answers 3: the self-rating flag stands for ratings on one level,
// and the plan's action says so instead of naming ratings of 4 or 5 that
// were never given.
func TestSelfRatingActionsMatchTheRatings(t *testing.T) {
	b, a := everyAnswer(t, 3)
	r := model.Compute(b, a)
	var acts []string
	for _, p := range r.Plan {
		if p.FacetID == "" {
			acts = p.Actions
		}
	}
	text := strings.Join(acts, " | ")
	if strings.Contains(text, "4 or 5") {
		t.Errorf("actions %q name ratings of 4 or 5; every rating is 3", text)
	}
	rated := 0
	for _, id := range a.Order {
		it, _ := b.Item(id)
		if f, _ := b.Facet(it.Facet); it.Format == model.FormatRating && f.Layer != model.LayerLean {
			rated++
		}
	}
	if want := strconv.Itoa(rated) + " of your " + strconv.Itoa(rated) + " ratings are level 3"; !strings.Contains(text, want) {
		t.Errorf("actions %q, want %q", text, want)
	}
	// All answers 5: the ratings at 4 or 5 are named, with their count.
	b, a = everyAnswer(t, 5)
	r = model.Compute(b, a)
	text = ""
	for _, p := range r.Plan {
		text += strings.Join(p.Actions, " | ")
	}
	if want := "Re-read the level descriptions of the " + strconv.Itoa(rated) + " items you rated 4 or 5"; !strings.Contains(text, want) {
		t.Errorf("plan %q, want %q", text, want)
	}
}

// On the embedded bank, whatever the answers, a lean facet the plan names
// a gap has its whole band on the side away from the target, from at
// least the minimum answers per facet: never a "possible gap" from a band
// across the middle, as a quick assessment with mixed answers gave.
func TestLeanFacetGapsNeedTheirWholeBand(t *testing.T) {
	b, err := assets.DefaultBank()
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	named := 0
	for i := range 300 {
		length := model.LengthQuick
		if i%2 == 1 {
			length = model.LengthFull
		}
		target := model.RoleCIO
		if i%3 == 0 {
			target = model.RoleCTO
		}
		a := model.NewAssessment(b, "20261201-120000-abc", time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC), length, target)
		// A person at theta (-1 CIO .. +1 CTO) with noise, so some
		// facets sit away from the target and some bands cross the middle.
		theta := 2*rng.Float64() - 1
		for _, id := range a.Order {
			it, _ := b.Item(id)
			vals := model.LevelValues(it)
			want := theta + 0.8*rng.NormFloat64()
			best := 0
			for k, v := range vals {
				if math.Abs(v-want) < math.Abs(vals[best]-want) {
					best = k
				}
			}
			a.Answers[id] = model.Answer{Value: best + 1, Took: 20 * time.Second}
		}
		r := model.Compute(b, a)
		for _, g := range r.Gaps {
			f, _ := b.Facet(g.FacetID)
			if f.Layer != model.LayerLean {
				continue
			}
			named++
			var s model.Score
			for _, x := range r.Facets {
				if x.ID == g.FacetID {
					s = x
				}
			}
			away := s.High < 50 // wholly on the CIO side
			if target == model.RoleCIO {
				away = s.Low > 50 // wholly on the CTO side
			}
			if g.Band != model.MarkGap || !away || s.N < model.MinPerFacet || r.Held {
				t.Fatalf("run %d (%s, target %s): %s named a %s from %d answers, band %d-%d", i, length, target, g.Name, g.Band, s.N, s.Low, s.High)
			}
		}
	}
	if named == 0 {
		t.Errorf("no lean facet was named a gap in 300 runs: the test shows nothing")
	}
}
