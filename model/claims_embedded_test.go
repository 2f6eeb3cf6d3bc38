package model_test

import (
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
