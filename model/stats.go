package model

// The small statistics the scoring uses.

import "math"

func mean(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s / float64(len(xs))
}

// stddev is the sample standard deviation (0 for fewer than two values).
func stddev(xs []float64) float64 {
	if len(xs) < 2 {
		return 0
	}
	m := mean(xs)
	s := 0.0
	for _, x := range xs {
		s += (x - m) * (x - m)
	}
	return math.Sqrt(s / float64(len(xs)-1))
}

// shrunkSpread is the standard deviation of a facet's values pulled
// toward pooled, the spread of all the person's answers in the layer, as if
// the facet had priorWeight more degrees of freedom at the pooled spread.
// A facet answered a few times says little about its own spread: two
// identical answers give a sample spread of zero, which would claim a band
// of no width. With one value it is the pooled spread; with many it tends
// to the facet's own.
func shrunkSpread(vals []float64, pooled float64) float64 {
	const priorWeight = 2
	df := float64(len(vals) - 1)
	if df < 0 {
		df = 0
	}
	own := stddev(vals)
	return math.Sqrt((df*own*own + priorWeight*pooled*pooled) / (df + priorWeight))
}

func round(x float64) int { return int(math.Round(x)) }

func clamp(x, lo, hi int) int { return min(max(x, lo), hi) }

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
