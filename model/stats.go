package model

import (
	"math"
	"sync"

	"gonum.org/v1/gonum/stat/distuv"
)

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

// TCritical is the two-sided Student t critical value for a confidence
// and df degrees of freedom (at least one).
func TCritical(confidence float64, df int) float64 {
	key := tKey{confidence, max(df, 1)}
	if v, ok := tCache.Load(key); ok {
		return v.(float64)
	}
	t := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(key.df)}
	v := t.Quantile(1 - (1-confidence)/2)
	tCache.Store(key, v)
	return v
}

// tCache keeps the few critical values scoring asks for: the quantile is
// an iterative inverse, and a result asks for the same ones again and again.
var tCache sync.Map

type tKey struct {
	conf float64
	df   int
}

// band is the mean of xs with a t interval at the confidence, the spread
// floored at floor; one value gets the interval of two at the floor.
func band(xs []float64, confidence, floor float64) (m, lo, hi float64) {
	m = mean(xs)
	n := len(xs)
	half := TCritical(confidence, n-1) * max(stddev(xs), floor) / math.Sqrt(float64(max(n, 1)))
	return m, m - half, m + half
}

// shrunkSpread is the standard deviation of a facet's values pulled
// toward pooled, the spread of all the person's answers in the layer, as if
// the facet had priorWeight more degrees of freedom at the pooled spread.
// A facet answered a few times says little about its own spread: two
// identical answers give a sample spread of zero, which would claim a band
// of no width. With one value it is the pooled spread; with many it tends
// to the facet's own.
const priorWeight = 2

func shrunkSpread(vals []float64, pooled float64) float64 {
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
