package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/cxo-dev/cxo/model"
)

// The line mode's facet lines say which side a score is on when its whole
// band is there (25 with band 15-35 is on the CIO side, never the CTO
// side), and that no side is established when the band reaches the middle.
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
	for want, band := range map[string][3]int{
		"on the CIO side": {25, 15, 35},
		"on the CTO side": {75, 65, 85},
		"at the middle":   {50, 40, 60},
		"side not established: the answers sit on the CIO side": {42, 8, 75},
		"side not established: the answers sit on the CTO side": {88, 0, 100},
	} {
		res.Facets = []model.Score{{ID: facet.ID, Name: facet.Name, Score: band[0], Low: band[1], High: band[2], N: 3}}
		got := summaryText(b, a, res, false)
		if !strings.Contains(got, facet.Name+": "+itoa(band[0])+", "+want) || strings.Contains(got, "toward the") {
			t.Errorf("facet at %v: %q, want %q", band, got, want)
		}
	}
}
