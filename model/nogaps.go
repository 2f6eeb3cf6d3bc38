package model

// NoGapsWords is what a result that names no gap says instead, in words
// that agree with the areas on show beside it: nothing rated yet; areas
// below an expected level that rest on a single answer each (indicative,
// too few to call a gap); or every area with enough answers meets the
// levels. A quick assessment asks one item per area, so its low scores
// are the second case, never "every area meets".
func NoGapsWords(areas []Score, target Role) string {
	rated, thinBelow := 0, 0
	for _, s := range areas {
		if s.N == 0 {
			continue
		}
		rated++
		if s.N == 1 && belowALevel(s, target) {
			thinBelow++
		}
	}
	switch {
	case rated == 0:
		return "Nothing was rated yet, so there is nothing to measure against the expected levels."
	case thinBelow > 0:
		return "No gap can be named yet: " + itoa(thinBelow) + " " + plural(thinBelow, "area scores", "areas score") +
			" below an expected level on a single answer, too few to call a gap. The full assessment asks enough to tell."
	}
	return "No gaps: every area with enough answers meets the expected levels."
}

// belowALevel reports whether a score is under the level it is measured
// against: the target's, or either role's when there is no target.
func belowALevel(s Score, target Role) bool {
	switch target {
	case RoleCTO:
		return s.Score < s.ExpectCTO
	case RoleCIO:
		return s.Score < s.ExpectCIO
	}
	return s.Score < s.ExpectCTO || s.Score < s.ExpectCIO
}

// UnratedWords is what an area with no scored answer shows: "not rated",
// or, when its items were answered "no opportunity yet", that instead, so
// it is not mistaken for an area nobody asked about.
func UnratedWords(noOpportunity int) string {
	if noOpportunity > 0 {
		return "no opportunity yet"
	}
	return "not rated"
}
