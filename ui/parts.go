package ui

import "github.com/cxo-dev/cxo/model"

// partTitle heads a section as "Part k of n · title", counting the parts
// this assessment's order actually has: a quick assessment asks no shared
// foundations, so it has two parts, never a "Part 2 of 3" that ends it.
// One part alone is not numbered.
func partTitle(b *model.Bank, a *model.Assessment, layer model.Layer) string {
	title := sectionIntro[layer].title
	var parts []model.Layer
	for i := range a.Order {
		if l := a.SectionOf(b, i); l != "" && (len(parts) == 0 || parts[len(parts)-1] != l) {
			parts = append(parts, l)
		}
	}
	if len(parts) < 2 {
		return title
	}
	for k, l := range parts {
		if l == layer {
			return "Part " + itoa(k+1) + " of " + itoa(len(parts)) + " · " + title
		}
	}
	return title
}
