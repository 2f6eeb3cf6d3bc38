package model

// HonestSentence is said with every result, on screen and in exports.
const HonestSentence = "cxo is a reflection aid, not a validated psychometric instrument: use it to think and talk about your career, never to make hiring or promotion decisions."

// NoOpportunityText is the answer "no opportunity yet" in words.
const NoOpportunityText = "no opportunity yet"

// LikertLabels are the five agreement levels.
var LikertLabels = []string{"Strongly disagree", "Disagree", "Neither", "Agree", "Strongly agree"}

// OptionLabels are the answers an item offers, in the order of their values.
func OptionLabels(it Item) []string {
	switch it.Format {
	case FormatPreference:
		return PreferenceLabels(it)
	case FormatChoice, FormatScenario:
		out := make([]string, len(it.Options))
		for i, o := range it.Options {
			out[i] = o.Text
		}
		return out
	case FormatRating:
		out := make([]string, 5)
		for i := range out {
			if a := it.Anchors[i+1]; a != "" {
				out[i] = a
			} else {
				out[i] = "(between " + itoa(i) + " and " + itoa(i+2) + ")"
			}
		}
		return out
	}
	return LikertLabels
}

// PreferenceLabels are the five points between a preference item's two
// statements.
func PreferenceLabels(it Item) []string {
	a, b := "", ""
	if len(it.Options) == 2 {
		a, b = it.Options[0].Text, it.Options[1].Text
	}
	return []string{
		"Much more: " + a,
		"Somewhat more: " + a,
		"Both equally",
		"Somewhat more: " + b,
		"Much more: " + b,
	}
}

// AnswerText is the answer as the user saw it.
func AnswerText(it Item, a Answer) string {
	switch {
	case a.NA:
		return "not applicable"
	case a.NoOpportunity:
		return NoOpportunityText
	case a.Skipped:
		return "skipped"
	case !a.Given():
		return "not answered" // never reached, or left open
	}
	switch it.Format {
	case FormatPreference, FormatChoice, FormatScenario, FormatLikert:
		if labels := OptionLabels(it); a.Value >= 1 && a.Value <= len(labels) {
			return labels[a.Value-1]
		}
	case FormatRating:
		if t := it.Anchors[a.Value]; t != "" {
			return itoa(a.Value) + " - " + t
		}
		return itoa(a.Value) + " of 5"
	}
	return "?"
}
