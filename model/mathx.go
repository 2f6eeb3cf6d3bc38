package model

import (
	"math"
	"strconv"
	"unicode/utf8"
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

func round(x float64) int { return int(math.Round(x)) }

func clamp(x, lo, hi int) int { return min(max(x, lo), hi) }

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func itoa(n int) string { return strconv.Itoa(n) }

func decodeRune(s string) (rune, int) { return utf8.DecodeRuneInString(s) }
