package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/cxo-dev/cxo/model"
)

// The line mode's facet lines say which side a score is on: 25 of 100 is
// toward the CIO side, never "toward the CTO side".
func TestSummaryFacetSide(t *testing.T) {
	b := testBank(t)
	var facet model.Facet
	for _, f := range b.Facets {
		if f.Layer == model.LayerLean {
			facet = f
			break
		}
	}
	a := model.NewAssessment(b, "20261201-090000-abc", time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC), model.LengthQuick, "")
	res := model.Compute(b, a)
	for want, score := range map[string]int{"toward the CIO side": 25, "toward the CTO side": 75, "in the middle": 50} {
		res.Facets = []model.Score{{ID: facet.ID, Name: facet.Name, Score: score, Low: score - 10, High: score + 10, N: 3}}
		if got := summaryText(b, a, res, false); !strings.Contains(got, facet.Name+": "+itoa(score)+", "+want) {
			t.Errorf("facet at %d: %q, want %q", score, got, want)
		}
	}
}
