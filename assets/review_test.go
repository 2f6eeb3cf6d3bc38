package assets

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/cxo-dev/cxo/model"
)

// The review checklist of README.md, as far as a rule can check it, on the
// built-in bank. The checks a rule cannot make (pole pride, a balanced
// option that is not the grown-up one, one behaviour per anchor, own
// behaviour rather than the employer's, glosses for jargon) are recorded
// one line per item in review.md, which must name every item.
func TestBankReviewChecklist(t *testing.T) {
	b, err := DefaultBank()
	if err != nil {
		t.Fatal(err)
	}
	type count struct{ trade, likert, rating, foundation int }
	n := map[model.Length]*count{model.LengthFull: {}, model.LengthQuick: {}}
	perArea := map[string]int{}
	quickPerArea := map[string]int{}
	industry := map[model.Length]map[string]int{model.LengthFull: {}, model.LengthQuick: {}}
	scale := map[model.Role]int{}
	reversed := map[model.Role]int{}
	for _, it := range b.Items {
		f, _ := b.Facet(it.Facet)
		lengths := []model.Length{model.LengthFull}
		if it.Quick {
			lengths = append(lengths, model.LengthQuick)
		}
		for _, l := range lengths {
			c := n[l]
			switch {
			case f.Layer == model.LayerLean && it.Format == model.FormatLikert:
				c.likert++
			case f.Layer == model.LayerLean:
				c.trade++
				industry[l][it.Industry]++
			case f.Layer == model.LayerReadiness:
				c.rating++
			default:
				c.foundation++
			}
		}
		switch {
		case f.Layer == model.LayerLean && it.Format == model.FormatLikert:
			scale[it.Scale]++
			if it.Reverse {
				reversed[it.Scale]++
			}
		case f.Layer == model.LayerLean:
			// A trade-off: an industry, and a scenario has a balanced option.
			if !slices.Contains(model.Industries, it.Industry) {
				t.Errorf("%s: industry %q, want one of %v", it.ID, it.Industry, model.Industries)
			}
			if it.Format == model.FormatScenario {
				zero := 0
				for _, o := range it.Options {
					if o.Score == 0 {
						zero++
					}
				}
				if zero != 1 || len(it.Options) != 5 {
					t.Errorf("%s: %d balanced options of %d, want one of five", it.ID, zero, len(it.Options))
				}
			}
			if it.Format == model.FormatChoice {
				t.Errorf("%s: a forced choice; the bank asks graded preferences", it.ID)
			}
		case f.Layer == model.LayerReadiness:
			perArea[f.ID]++
			if it.Quick {
				quickPerArea[f.ID]++
			}
			if it.Format != model.FormatRating {
				t.Errorf("%s: readiness items are anchored ratings, not %s", it.ID, it.Format)
				continue
			}
			// Own behaviour over the last year, five levels, one
			// behaviour each.
			if !strings.HasPrefix(it.Text, "In the last year, ") {
				t.Errorf("%s: %q does not ask about the last year", it.ID, it.Text)
			}
			for level := 1; level <= 5; level++ {
				a := it.Anchors[level]
				switch {
				case a == "":
					t.Errorf("%s: no anchor for level %d", it.ID, level)
				case strings.Contains(" "+strings.ToLower(a)+" ", " and "):
					t.Errorf("%s level %d: %q joins behaviours with \"and\"", it.ID, level, a)
				case strings.Contains(a, ";"):
					t.Errorf("%s level %d: %q holds two clauses", it.ID, level, a)
				}
			}
			if it.Chance == "" {
				t.Errorf("%s: no chance wording for \"no opportunity yet\"", it.ID)
			}
		default:
			if it.Format == model.FormatLikert && it.Pair == "" {
				t.Errorf("%s: a foundation statement without its true opposite", it.ID)
			}
		}
		if f.Layer != model.LayerLean && !strings.Contains(it.Observer, model.NamePlaceholder) {
			t.Errorf("%s: observer wording %q lacks %s", it.ID, it.Observer, model.NamePlaceholder)
		}
		if f.Layer != model.LayerLean && (strings.Contains(it.Text, "your team's state") || strings.HasPrefix(it.Text, "How is ") || strings.HasPrefix(it.Text, "How are ")) {
			t.Errorf("%s: %q rates the organisation, not the person", it.ID, it.Text)
		}
	}
	full, quick := n[model.LengthFull], n[model.LengthQuick]
	if total := full.trade + full.likert + full.rating + full.foundation; total > 90 || full.trade < 14 || full.likert < 12 || full.foundation < 8 {
		t.Errorf("full: %d items (%+v), want at most 90 with 14+ trade-offs, 12+ affinity statements, 8+ foundations", total, *full)
	}
	if total := quick.trade + quick.likert + quick.rating + quick.foundation; total > 30 || quick.trade < 8 || quick.likert < 4 {
		t.Errorf("quick: %d items (%+v), want at most 30 with 8+ trade-offs and 4+ affinity statements", total, *quick)
	}
	for _, f := range b.Facets {
		if f.Layer == model.LayerReadiness && (perArea[f.ID] < 3 || quickPerArea[f.ID] != 1) {
			t.Errorf("area %s: %d items in full, %d in quick; want 3 or more, and exactly 1", f.ID, perArea[f.ID], quickPerArea[f.ID])
		}
		if f.Layer != model.LayerLean && (f.Reason == "" || len(f.Expect) != 2) {
			t.Errorf("facet %s: expected levels need both roles and a reason", f.ID)
		}
	}
	for _, r := range []model.Role{model.RoleCTO, model.RoleCIO} {
		if scale[r] < 6 || reversed[r] < 3 {
			t.Errorf("%s affinity: %d statements, %d reverse-keyed true opposites; want 6 and 3", r, scale[r], reversed[r])
		}
	}
	// Contexts across at least four industries, none above 40%, in full
	// and in quick.
	for l, byIndustry := range industry {
		total := 0
		for _, k := range byIndustry {
			total += k
		}
		if len(byIndustry) < 4 {
			t.Errorf("%s: trade-offs set in %d industries %v, want at least 4", l, len(byIndustry), byIndustry)
		}
		for name, k := range byIndustry {
			if 10*k > 4*total {
				t.Errorf("%s: %d of %d trade-offs set in %s, above 40%%", l, k, total, name)
			}
		}
	}

	// review.md: one line per item the bank asks, none for others.
	data, err := os.ReadFile("review.md")
	if err != nil {
		t.Fatal(err)
	}
	reviewed := map[string]bool{}
	for _, line := range strings.Split(string(data), "\n") {
		if id, ok := strings.CutPrefix(line, "| "); ok {
			id, _, _ = strings.Cut(id, " |")
			if _, known := b.Item(id); known {
				reviewed[id] = true
			} else if id != "Item" && !strings.HasPrefix(id, "---") {
				t.Errorf("review.md reviews %q, which the bank does not ask", id)
			}
		}
	}
	for _, it := range b.Items {
		if !reviewed[it.ID] {
			t.Errorf("review.md has no line for %s", it.ID)
		}
	}
}
