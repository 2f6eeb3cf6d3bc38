package model

// The "why" of a score: every answer it rests on, each with its value on
// the score's own scale, so the score is their mean and the reader can
// check it. A Mover's Effect is stored as it always was (the distance from
// the middle, signed toward the CTO on the lean); the value is derived
// from it, so results stored earlier show the same way.

// AnswerValue is an answer's value on its score's scale: 0..100 for
// readiness and foundations (a rating's level 1 is 0, level 5 is 100),
// and on lean facets a position from 0 (fully the CIO side) to 100 (fully
// the CTO side). The score is the mean of its answers' values.
func AnswerValue(s Score, mv Mover) int {
	if s.Layer == LayerLean {
		return round(50 + float64(mv.Effect)/2)
	}
	return mv.Effect + 50
}

// WhyLegend says what the numbers beside a score's answers are, and that
// these are all the answers the score rests on.
func WhyLegend(s Score) string {
	n := len(s.Movers)
	what := "the mean of these " + itoa(n) + " answers, each"
	switch {
	case n < s.N:
		// A result stored before every answer was kept holds the three
		// that moved it most: say so rather than call them all.
		what = "the mean of " + itoa(s.N) + " answers; kept with this result are the " + itoa(n) + " that moved it most, each"
	case n == 1:
		what = "this one answer,"
	}
	if s.Layer == LayerLean {
		return "Position " + itoa(s.Score) + " is " + what + " placed from 100 (fully the CTO side) to 0 (fully the CIO side):"
	}
	return "Score " + itoa(s.Score) + " is " + what + " valued 0-100 (a rating's level 1 is 0, 3 is 50, 5 is 100; an agreement likewise, turned round for a statement worded the other way):"
}
