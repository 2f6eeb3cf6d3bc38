package model_test

import (
	"math"
	"testing"
	"time"

	"github.com/cxo-dev/cxo/assets"
	"github.com/cxo-dev/cxo/model"
)

// respond answers every item of the order as far toward one role as the
// item allows (lean items) and at level 4 of 5 (capability items).
func respond(b *model.Bank, a *model.Assessment, toCTO bool) {
	for _, id := range a.Order {
		it, _ := b.Item(id)
		f, _ := b.Facet(it.Facet)
		ans := model.Answer{Took: 20 * time.Second}
		switch it.Format {
		case model.FormatChoice, model.FormatScenario:
			for i, o := range it.Options {
				best := it.Options[max(ans.Value-1, 0)].Score
				if ans.Value == 0 || (toCTO && o.Score > best) || (!toCTO && o.Score < best) {
					ans.Value = i + 1
				}
			}
		case model.FormatLikert:
			agree := toCTO || f.Layer != model.LayerLean
			if it.Reverse {
				agree = !agree
			}
			lo, hi := 1, 5 // lean items: as far as the scale goes
			if f.Layer != model.LayerLean {
				lo, hi = 2, 4 // capability items: level 4 of 5, like the ratings
			}
			ans.Value = lo
			if agree {
				ans.Value = hi
			}
		case model.FormatRating:
			ans.Value = 4
		}
		a.Answers[id] = ans
	}
}

// The embedded bank, answered end to end from each side, quick and full.
func TestEmbeddedBankRespondents(t *testing.T) {
	b, err := assets.DefaultBank()
	if err != nil {
		t.Fatalf("embedded bank: %v", err)
	}
	quick, dq := model.Estimate(b, model.LengthQuick)
	full, df := model.Estimate(b, model.LengthFull)
	if quick < 22 || quick > 28 || dq != time.Duration(quick)*model.SecondsPerItem*time.Second {
		t.Errorf("quick estimate %d items, %v; want about 24", quick, dq)
	}
	if full < 55 || full > 65 || df != time.Duration(full)*model.SecondsPerItem*time.Second {
		t.Errorf("full estimate %d items, %v; want about 60", full, df)
	}
	if df > 15*time.Minute || dq > 6*time.Minute {
		t.Errorf("estimates %v (full) and %v (quick) exceed the brief's ~12 and ~5 minutes", df, dq)
	}

	cases := []struct {
		length  model.Length
		toCTO   bool
		items   int
		score   int
		verdict string
		facet   int
		target  model.Role
	}{
		{model.LengthQuick, true, quick, 100, "clear CTO lean", 100, model.RoleCTO},
		{model.LengthQuick, false, quick, -100, "clear CIO lean", 0, model.RoleCIO},
		{model.LengthFull, true, full, 100, "clear CTO lean", 100, model.RoleCTO},
		{model.LengthFull, false, full, -100, "clear CIO lean", 0, model.RoleCIO},
	}
	for _, c := range cases {
		name := string(c.length) + "/" + c.verdict
		t.Run(name, func(t *testing.T) {
			a := model.NewAssessment(b, "20261123-170811-a3f", time.Date(2026, 11, 23, 17, 8, 11, 0, time.UTC), c.length, "")
			if len(a.Order) != c.items {
				t.Fatalf("order has %d items, estimate says %d", len(a.Order), c.items)
			}
			respond(b, a, c.toCTO)
			r := model.Compute(b, a)
			// Identical answers: the band is one Likert step (.5) of
			// doubt, 1.96 × .5 / √N, on the far side of the score.
			doubt := int(math.Round(100 * 1.96 * 0.5 / math.Sqrt(float64(r.Lean.N))))
			low, high := c.score-doubt, c.score
			if c.score < 0 {
				low, high = c.score, c.score+doubt
			}
			want := model.Lean{Score: c.score, Low: low, High: high, N: r.Lean.N, Verdict: c.verdict}
			if r.Lean != want || r.Lean.N == 0 {
				t.Errorf("lean %+v, want %+v", r.Lean, want)
			}
			if r.Answered != c.items || r.Total != c.items || r.Skipped+r.NA+r.Unscored != 0 {
				t.Errorf("answered %d of %d (skipped %d, n/a %d, unscored %d), want all %d",
					r.Answered, r.Total, r.Skipped, r.NA, r.Unscored, c.items)
			}
			if r.Target != c.target || r.TargetFrom != "lean" {
				t.Errorf("target %q from %q, want %q from the lean", r.Target, r.TargetFrom, c.target)
			}
			// Every facet has a quick item, so even quick scores all of them.
			for _, s := range r.Facets {
				if s.N == 0 || s.Score != c.facet {
					t.Errorf("lean facet %s: %d (N=%d), want %d", s.ID, s.Score, s.N, c.facet)
				}
			}
			for _, s := range append(append([]model.Score{}, r.Readiness...), r.Foundations...) {
				if s.N == 0 || s.Score != 75 {
					t.Errorf("%s %s: %d (N=%d), want 75", s.Layer, s.ID, s.Score, s.N)
				}
				if len(s.Movers) == 0 || len(s.Movers) > 3 {
					t.Errorf("%s has %d movers", s.ID, len(s.Movers))
				}
			}
			if len(r.Readiness) != 15 || len(r.Foundations) != 3 || len(r.Facets) != 4 {
				t.Errorf("%d lean facets, %d readiness, %d foundations; want 4, 15 (3 operational + 12 areas), 3",
					len(r.Facets), len(r.Readiness), len(r.Foundations))
			}
			// A plan step for every gap, each with 2-3 actions and a
			// guide section that exists.
			if len(r.Gaps) == 0 || len(r.Plan) != len(r.Gaps) {
				t.Errorf("%d gaps, %d plan steps", len(r.Gaps), len(r.Plan))
			}
			for _, p := range r.Plan {
				if len(p.Actions) < 2 || len(p.Actions) > 3 {
					t.Errorf("plan step %s has %d actions", p.FacetID, len(p.Actions))
				}
				name, slug := model.SplitRef(p.Guide)
				if g, ok := b.Guide(name); !ok {
					t.Errorf("plan step %s: no guide %q", p.FacetID, p.Guide)
				} else if _, ok := g.Section(slug); !ok {
					t.Errorf("plan step %s: no section %q", p.FacetID, p.Guide)
				}
			}
			for _, f := range r.Flags {
				if f.Code == "fast" || f.Code == "neutral" {
					t.Errorf("unexpected %s flag: %s", f.Code, f.Message)
				}
			}
		})
	}
}

// The same assessment on the embedded bank always shows the same order,
// and reconciling it against the bank it was made on changes nothing.
func TestEmbeddedBankOrderIsStable(t *testing.T) {
	b, err := assets.DefaultBank()
	if err != nil {
		t.Fatal(err)
	}
	a := model.NewAssessment(b, "x", time.Time{}, model.LengthFull, model.RoleCIO)
	again := model.Order(b, model.LengthFull, "x")
	for i := range again {
		if a.Order[i] != again[i] {
			t.Fatalf("order differs at %d", i)
		}
	}
	if a.Reconcile(b) {
		t.Errorf("Reconcile against the same bank reported a change")
	}
}
