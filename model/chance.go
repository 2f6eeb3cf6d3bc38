package model

import "strings"

// chanceSteps are the plan's "later" lines for items answered "no
// opportunity yet": not a gap (nothing was measured), but a chance to seek
// so that the behaviour can be shown and rated next time.
func chanceSteps(b *Bank, items []Item) []PlanStep {
	var out []PlanStep
	for _, it := range items {
		f, _ := b.Facet(it.Facet)
		out = append(out, PlanStep{FacetID: f.ID, Name: "Seek the chance to " + ChanceOf(it, f), Guide: it.Guide,
			Why: "you have had no opportunity yet to show this (" + f.Name + ")", Band: MarkNoOpportunity})
	}
	return out
}

// OffersNoOpportunity reports whether the item takes "no opportunity yet":
// every anchored rating does, since each asks what the person has done,
// and not having had the chance is not doing it badly.
func (it Item) OffersNoOpportunity() bool { return it.Format == FormatRating }

// ChanceOf is what an item answered "no opportunity yet" invites the
// person to seek: the item's own chance wording, else practice in its area.
func ChanceOf(it Item, f Facet) string {
	if it.Chance != "" {
		return strings.TrimSuffix(it.Chance, ".")
	}
	return "practise " + strings.ToLower(f.Name)
}
