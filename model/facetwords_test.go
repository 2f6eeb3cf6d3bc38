package model

import (
	"strings"
	"testing"
)

// A facet is given a side only when its whole band lies on it; a band
// across the middle says where the answers sit and that the side is not
// established, as the lean's words do.
func TestFacetWordsGiveASideOnlyBeyondTheMiddle(t *testing.T) {
	f := Facet{ID: "run", Name: "What you run", CTO: "the product", CIO: "the systems"}
	cases := []struct {
		s         Score
		want, not string
	}{
		{Score{Name: f.Name, Score: 42, Low: 8, High: 75, N: 4}, "42, side not established: the answers sit on the CIO side, but the band 8-75 crosses the middle (50)", "toward"},
		{Score{Name: f.Name, Score: 88, Low: 0, High: 100, N: 2}, "88, side not established: the answers sit on the CTO side", "on the CTO side ("},
		{Score{Name: f.Name, Score: 80, Low: 60, High: 95, N: 6}, "80, on the CTO side (100 is the CTO side, the product; 0 the CIO side, the systems), band 60-95, wholly above the middle", "not established"},
		{Score{Name: f.Name, Score: 20, Low: 5, High: 49, N: 6}, "20, on the CIO side", "not established"},
		{Score{Name: f.Name, Score: 30, Low: 10, High: 50, N: 6}, "not established", "on the CIO side ("},
		{Score{Name: f.Name, Score: 50, Low: 40, High: 60, N: 6}, "50, at the middle", "sit on"},
		{Score{Name: f.Name}, "What you run: not rated", "side"},
	}
	for _, c := range cases {
		got := FacetWords(f, c.s)
		if !strings.Contains(got, c.want) || strings.Contains(got, c.not) {
			t.Errorf("%+v: %q, want %q and not %q", c.s, got, c.want, c.not)
		}
	}
}
