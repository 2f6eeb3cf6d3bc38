package model_test

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/cxo-dev/cxo/assets"
	"github.com/cxo-dev/cxo/model"
)

// respond answers every item of the order as far toward one role as the
// item allows (trade-offs and affinity statements) and at level 4 of 5
// (capability items).
func respond(b *model.Bank, a *model.Assessment, toCTO bool) {
	for _, id := range a.Order {
		it, _ := b.Item(id)
		f, _ := b.Facet(it.Facet)
		ans := model.Answer{Took: 20 * time.Second}
		vals := model.LevelValues(it)
		best := func(better func(v, w float64) bool) {
			for i, v := range vals {
				if ans.Value == 0 || better(v, vals[ans.Value-1]) {
					ans.Value = i + 1
				}
			}
		}
		switch {
		case f.Layer != model.LayerLean:
			best(func(v, w float64) bool { return math.Abs(v-0.75) < math.Abs(w-0.75) })
		case it.Format == model.FormatLikert && (it.Scale == model.RoleCTO) != toCTO:
			best(func(v, w float64) bool { return v < w }) // the other role's statements: lowest affinity
		case it.Format == model.FormatLikert:
			best(func(v, w float64) bool { return v > w })
		case toCTO:
			best(func(v, w float64) bool { return v > w })
		default:
			best(func(v, w float64) bool { return v < w })
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
	if quick < 22 || quick > 30 {
		t.Errorf("quick estimate %d items, %v; want 22 to 30", quick, dq)
	}
	if full < 55 || full > 90 {
		t.Errorf("full estimate %d items, %v; want 55 to 90", full, df)
	}
	if df > 20*time.Minute || dq > 6*time.Minute+30*time.Second {
		t.Errorf("estimates %v (full) and %v (quick) exceed the brief's ~20 and ~6 minutes", df, dq)
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
		{model.LengthQuick, true, quick, 100, "strong CTO lean (provisional: quick assessment)", 100, model.RoleCTO},
		{model.LengthQuick, false, quick, -100, "strong CIO lean (provisional: quick assessment)", 0, model.RoleCIO},
		{model.LengthFull, true, full, 100, "strong CTO lean", 100, model.RoleCTO},
		{model.LengthFull, false, full, -100, "strong CIO lean", 0, model.RoleCIO},
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
			// Identical answers: the band is one step of the preference
			// (.25) of doubt, t(n-1) × .25 / √n, on the far side of the
			// score.
			conf := model.LeanConfidence(c.length)
			doubt := int(math.Round(100 * model.TCritical(conf, r.Lean.N-1) * model.LeanFloor / math.Sqrt(float64(r.Lean.N))))
			low, high := c.score-doubt, c.score
			if c.score < 0 {
				low, high = c.score, c.score+doubt
			}
			got := r.Lean
			if got.Score != c.score || got.Low != low || got.High != high || got.Verdict != c.verdict || !got.Enough || got.Size != "strong" || got.Certainty != "clear" || got.Confidence != conf {
				t.Errorf("lean %+v, want %d [%d, %d] %q", r.Lean, c.score, low, high, c.verdict)
			}
			if min := map[model.Length]int{model.LengthQuick: 8, model.LengthFull: 14}[c.length]; r.Lean.N < min {
				t.Errorf("%d trade-off answers, want at least %d", r.Lean.N, min)
			}
			if r.Profile != model.ProfileLean || r.Held {
				t.Errorf("profile %s held %v, want a lean", r.Profile, r.Held)
			}
			// The affinities: the chosen role's at 100, the other's at 0.
			hi, lo := r.Affinity(model.RoleCTO), r.Affinity(model.RoleCIO)
			if !c.toCTO {
				hi, lo = lo, hi
			}
			if hi.Score != 100 || lo.Score != 0 || hi.Indicative != (c.length == model.LengthQuick) {
				t.Errorf("affinities %+v %+v", hi, lo)
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
				if s.Layer == model.LayerFoundation && c.length == model.LengthQuick {
					if s.N != 0 {
						t.Errorf("foundation %s rated in quick: the quick assessment asks none", s.ID)
					}
					continue // asked in the full assessment only
				}
				if s.N == 0 || s.Score != 75 {
					t.Errorf("%s %s: %d (N=%d), want 75", s.Layer, s.ID, s.Score, s.N)
				}
				if len(s.Movers) != s.N {
					t.Errorf("%s has %d movers, want every one of its %d answers", s.ID, len(s.Movers), s.N)
				}
			}
			if len(r.Readiness) != 18 || len(r.Foundations) != 4 || len(r.Facets) != 4 {
				t.Errorf("%d lean facets, %d readiness, %d foundations; want 4, 18 (3 operational + 12 areas + 3 CIO competences), 4",
					len(r.Facets), len(r.Readiness), len(r.Foundations))
			}
			// At most three priorities, the other gaps later, each
			// priority with 2-3 actions and a guide section that exists.
			evidence := 0
			if len(r.Plan) > 0 && r.Plan[0].Name == "Gather evidence" {
				evidence = 1
			}
			if len(r.Plan) > model.Priorities || len(r.Plan)+len(r.Later) != len(r.Gaps)+evidence {
				t.Errorf("%d gaps, %d priorities, %d later", len(r.Gaps), len(r.Plan), len(r.Later))
			}
			if c.length == model.LengthQuick && (len(r.Plan) == 0 || r.Plan[0].Name != "Gather evidence" || !strings.HasPrefix(r.Plan[0].Actions[0], "Take the full assessment")) {
				t.Errorf("quick plan %+v: one answer per area names no gap, so the plan asks for the full assessment", r.Plan)
			}
			for _, p := range r.Plan {
				if p.Name == "Gather evidence" {
					continue // ratings all at 4: the self-rating flag asks for evidence
				}
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
				if f.Code == "fast" || f.Code == "neutral" || f.Code == "contradiction" {
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

// The embedded bank has what method 2 needs: at least 14 trade-off items
// in full and 8 in quick, 2 of them on each lean facet in quick; every
// scenario a balanced response; each affinity scale at least 6 statements
// in full, 3 of them true opposites (reverse-keyed, paired within the
// scale); every expected level a reason.
func TestEmbeddedBankStructure(t *testing.T) {
	b, err := assets.DefaultBank()
	if err != nil {
		t.Fatal(err)
	}
	trade := map[model.Length]int{}
	quickPerFacet := map[string]int{}
	scale := map[model.Role]int{}
	reversed := map[model.Role]int{}
	for _, it := range b.Items {
		f, _ := b.Facet(it.Facet)
		if f.Layer != model.LayerLean {
			continue
		}
		switch it.Format {
		case model.FormatLikert:
			scale[it.Scale]++
			if it.Reverse {
				reversed[it.Scale]++
				p, ok := b.Item(it.Pair)
				if !ok || p.Scale != it.Scale || p.Reverse {
					t.Errorf("%s: reverse-keyed without a true opposite on its scale (%q)", it.ID, it.Pair)
				}
			}
		case model.FormatChoice:
			t.Errorf("%s: a forced choice; method 2 asks five-point preferences", it.ID)
		default:
			trade[model.LengthFull]++
			if it.Quick {
				trade[model.LengthQuick]++
				quickPerFacet[it.Facet]++
			}
			if it.Format == model.FormatScenario {
				balanced := false
				for _, o := range it.Options {
					balanced = balanced || o.Score == 0
				}
				if !balanced {
					t.Errorf("%s: no balanced response", it.ID)
				}
			}
		}
	}
	if trade[model.LengthFull] < 14 || trade[model.LengthQuick] < model.MinTradeoffs {
		t.Errorf("trade-off items: %d full, %d quick; want at least 14 and %d", trade[model.LengthFull], trade[model.LengthQuick], model.MinTradeoffs)
	}
	for _, f := range b.Facets {
		if f.Layer == model.LayerLean && quickPerFacet[f.ID] < model.MinPerFacet {
			t.Errorf("facet %s: %d quick trade-offs, want %d", f.ID, quickPerFacet[f.ID], model.MinPerFacet)
		}
		if f.Layer != model.LayerLean && f.Reason == "" {
			t.Errorf("facet %s: expected levels without a reason", f.ID)
		}
	}
	for _, r := range []model.Role{model.RoleCTO, model.RoleCIO} {
		if scale[r] < 6 || reversed[r] < 3 {
			t.Errorf("%s affinity: %d statements, %d reverse-keyed; want at least 6 and 3", r, scale[r], reversed[r])
		}
	}
}
