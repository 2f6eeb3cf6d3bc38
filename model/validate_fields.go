package model

import (
	"slices"
	"strings"
)

// Industries are the settings a trade-off item may name in its industry
// field. The bank spreads its scenarios and preferences across them so a
// CTO or CIO outside software has natural answers.
var Industries = []string{"manufacturing", "health", "finance", "public-sector", "retail", "software", "logistics", "energy", "education", "media", "telecoms", "hospitality"}

// NamePlaceholder stands for the person's chosen name in observer wording.
const NamePlaceholder = "{name}"

// checkNewFields checks the fields bank v2 added (industry, observer,
// chance, successor and the retired section), each at its own line.
func (l *loader) checkNewFields(b *Bank, it Item, f Facet, facetKnown bool) {
	if it.Industry != "" {
		switch {
		case !tradeoff(it):
			l.addf(it.LineOf("industry"), "item %s: industry applies only to preference, scenario and choice items", it.ID)
		case !slices.Contains(Industries, it.Industry):
			l.addf(it.LineOf("industry"), "item %s: industry %q is not one of %s", it.ID, it.Industry, strings.Join(Industries, ", "))
		}
	}
	if it.Observer != "" {
		switch {
		case facetKnown && f.Layer == LayerLean:
			l.addf(it.LineOf("observer"), "item %s: observer wording applies only to readiness and foundation items (colleagues rate behaviour, not preferences)", it.ID)
		case !strings.Contains(it.Observer, NamePlaceholder):
			l.addf(it.LineOf("observer"), "item %s: observer wording needs %s where the person's name goes", it.ID, NamePlaceholder)
		}
	}
	if it.Chance != "" && it.Format != FormatRating {
		l.addf(it.LineOf("chance"), "item %s: chance applies only to rating items (it is what \"no opportunity yet\" invites the person to seek)", it.ID)
	}
	switch {
	case it.Successor != "" && !it.Retired:
		l.addf(it.LineOf("successor"), "item %s: successor applies only to items under retired:", it.ID)
	case it.Successor != "":
		if s, ok := b.Item(it.Successor); !ok || s.Retired {
			l.addf(it.LineOf("successor"), "item %s: successor %q is not an item the bank asks", it.ID, it.Successor)
		}
	}
	if it.Retired && it.Quick {
		l.softf(it.LineOf("quick"), "item %s: a retired item is never asked, so quick means nothing on it", it.ID)
	}
}
