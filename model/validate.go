package model

import (
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

var groupsOf = map[Layer][]string{
	LayerLean:       {"orientation"},
	LayerReadiness:  {"operational", "area", "cio"},
	LayerFoundation: {"foundation"},
}

// validate checks the rules in assets/README.md on a parsed bank.
func (l *loader) validate(b *Bank) {
	defaultScales(b)
	l.checkFacets(b)
	quick := map[string]int{}
	count := map[string]int{}
	seen := map[string]int{}
	for _, it := range append(append([]Item{}, b.Items...), b.Retired...) {
		if it.ID == "" {
			l.addf(it.Line, "item has no id")
		} else if !idPattern.MatchString(it.ID) {
			l.addf(it.Line, "item id %q: use lowercase letters, digits and '-'", it.ID)
		} else if first, dup := seen[it.ID]; dup {
			l.addf(it.Line, "duplicate item id %q (first on line %d)", it.ID, first)
		} else {
			seen[it.ID] = it.Line
		}
		f, ok := b.Facet(it.Facet)
		if !ok {
			l.addf(it.Line, "item %s: unknown facet %q", it.ID, it.Facet)
		}
		if !it.Retired {
			count[it.Facet]++
			if it.Quick {
				quick[it.Facet]++
			}
		}
		l.checkNewFields(b, it, f, ok)
		if it.Text == "" {
			l.addf(it.Line, "item %s: missing text", it.ID)
		}
		l.checkGuide(b, it.Line, "item "+it.ID, it.Guide)
		l.checkFormat(b, it, f, ok)
	}
	for _, f := range b.Facets {
		// A foundation may be asked in the full assessment only: the
		// quick one keeps to the lean and one item per readiness area.
		if count[f.ID] == 0 {
			l.addf(f.Line, "facet %s has no items", f.ID)
		} else if quick[f.ID] == 0 && f.Layer != LayerFoundation {
			l.addf(f.Line, "facet %s has no quick item", f.ID)
		}
	}
}

func (l *loader) checkFacets(b *Bank) {
	seen := map[string]int{}
	for _, f := range b.Facets {
		switch {
		case f.ID == "":
			l.addf(f.Line, "facet has no id")
		case !idPattern.MatchString(f.ID):
			l.addf(f.Line, "facet id %q: use lowercase letters, digits and '-'", f.ID)
		default:
			if first, dup := seen[f.ID]; dup {
				l.addf(f.Line, "duplicate facet id %q (first on line %d)", f.ID, first)
			}
			seen[f.ID] = f.Line
		}
		if f.Name == "" {
			l.addf(f.Line, "facet %s: missing name", f.ID)
		}
		groups, ok := groupsOf[f.Layer]
		if !ok {
			l.addf(f.Line, "facet %s: unknown layer %q (want lean, readiness or foundation)", f.ID, f.Layer)
			continue
		}
		if !slices.Contains(groups, f.Group) {
			l.addf(f.Line, "facet %s: group %q does not belong to layer %s (want %v)", f.ID, f.Group, f.Layer, groups)
		}
		if f.Layer == LayerLean {
			if f.CTO == "" || f.CIO == "" {
				l.addf(f.Line, "facet %s: a lean facet needs both cto and cio pole labels", f.ID)
			}
		} else if len(f.Expect) != 2 {
			l.addf(f.Line, "facet %s: needs expect levels for both cto and cio", f.ID)
		}
		l.checkGuide(b, f.Line, "facet "+f.ID, f.Guide)
	}
}

func (l *loader) checkFormat(b *Bank, it Item, f Facet, facetKnown bool) {
	lean := f.Layer == LayerLean
	switch it.Format {
	case FormatLikert:
		if it.Options != nil || it.Anchors != nil {
			l.addf(it.Line, "item %s: a likert item takes no options or anchors", it.ID)
		}
		l.checkPair(b, it)
	case FormatChoice, FormatScenario, FormatPreference:
		if facetKnown && !lean {
			l.addf(it.Line, "item %s: %s items belong to a lean facet, not %s", it.ID, it.Format, f.ID)
		}
		if it.Anchors != nil {
			l.addf(it.Line, "item %s: a %s item takes options, not anchors", it.ID, it.Format)
		}
		l.checkOptions(it)
	case FormatRating:
		if facetKnown && lean {
			l.addf(it.Line, "item %s: rating items belong to a readiness or foundation facet, not %s", it.ID, f.ID)
		}
		if it.Options != nil {
			l.addf(it.Line, "item %s: a rating item takes anchors, not options", it.ID)
		}
		for _, level := range []int{1, 3, 5} {
			if it.Anchors[level] == "" {
				l.addf(it.Line, "item %s: rating needs an anchor for level %d", it.ID, level)
			}
		}
	case "":
		l.addf(it.Line, "item %s: missing format", it.ID)
	default:
		l.addf(it.Line, "item %s: unknown format %q (want likert, preference, choice, scenario or rating)", it.ID, it.Format)
	}
	if it.Scale != "" && (it.Format != FormatLikert || !lean) {
		l.addf(it.Line, "item %s: scale applies only to likert items of a lean facet", it.ID)
	} else if it.Scale != "" && it.Scale != RoleCTO && it.Scale != RoleCIO {
		l.addf(it.Line, "item %s: scale %q is not cto or cio", it.ID, it.Scale)
	}
	if it.Replaces != "" {
		switch _, taken := b.Item(it.Replaces); {
		case it.Format != FormatPreference:
			l.addf(it.Line, "item %s: replaces applies only to preference items (they take over a two-option choice)", it.ID)
		case taken:
			l.addf(it.Line, "item %s: replaces %s, which is still an item of the bank", it.ID, it.Replaces)
		default:
			if other, _ := b.ReplacedBy(it.Replaces); other.ID != it.ID {
				l.addf(it.Line, "item %s: %s is already replaced by %s", it.ID, it.Replaces, other.ID)
			}
		}
	}
	if it.Reverse && it.Format != FormatLikert {
		l.addf(it.Line, "item %s: reverse applies only to likert items, not %s", it.ID, it.Format)
	}
	if it.Pair != "" && it.Format != FormatLikert {
		l.addf(it.Line, "item %s: pair applies only to likert items", it.ID)
	}
}

// defaultScales reads a lean likert item of an older bank, which has no
// scale: agreeing with an unreversed item pointed to the CTO, with a
// reversed one to the CIO. Its pair joined the two scales, which are not
// opposites (a hybrid agrees with both), so it is dropped.
func defaultScales(b *Bank) {
	for _, items := range [][]Item{b.Items, b.Retired} {
		for i, it := range items {
			f, _ := b.Facet(it.Facet)
			if it.Format != FormatLikert || f.Layer != LayerLean || it.Scale != "" {
				continue
			}
			items[i].Scale = RoleCTO
			if it.Reverse {
				items[i].Scale, items[i].Reverse = RoleCIO, false
			}
			items[i].Pair = ""
		}
	}
}

func (l *loader) checkOptions(it Item) {
	n := len(it.Options)
	switch {
	case it.Format == FormatChoice && n != 2:
		l.addf(it.Line, "item %s: a choice item needs exactly 2 options, has %d", it.ID, n)
	case it.Format == FormatPreference && n != 2:
		l.addf(it.Line, "item %s: a preference item needs exactly 2 statements (options), has %d", it.ID, n)
	case it.Format == FormatScenario && (n < 3 || n > 5):
		l.addf(it.Line, "item %s: a scenario item needs 3 to 5 options, has %d", it.ID, n)
	}
	pos, neg, middle, scored := false, false, false, true
	for i, o := range it.Options {
		if o.Text == "" {
			l.addf(o.line, "item %s: option %d has no text", it.ID, i+1)
		}
		switch {
		case o.Score == noScore:
			l.addf(o.line, "item %s: option %d has no score", it.ID, i+1)
			scored = false
		case o.Score < -2 || o.Score > 2:
			l.addf(o.line, "item %s: option %d score %d is outside -2..2", it.ID, i+1, o.Score)
			// Its side is still plain (7 is CTO-side): the checks below
			// report only what is wrong besides the range.
			pos, neg = pos || o.Score > 0, neg || o.Score < 0
		case o.Score > 0:
			pos = true
		case o.Score < 0:
			neg = true
		default:
			middle = true
		}
	}
	// An option without a score is reported above; which side it was
	// meant for is unknown, so the sides are checked only when all have one.
	if (it.Format == FormatChoice || it.Format == FormatPreference) && n == 2 && scored && !(pos && neg) {
		l.addf(it.Line, "item %s: a %s needs one CTO-side (score > 0) and one CIO-side (score < 0) option", it.ID, it.Format)
	}
	if it.Format == FormatScenario && n >= 3 && scored && !middle {
		l.addf(it.Line, "item %s: a scenario needs a balanced option (score 0): without one a balanced person has no true answer", it.ID)
	}
}

func (l *loader) checkPair(b *Bank, it Item) {
	if it.Pair == "" {
		return
	}
	p, ok := b.Item(it.Pair)
	switch {
	case !ok:
		l.addf(it.Line, "item %s: pair %q is not an item", it.ID, it.Pair)
	case p.ID == it.ID:
		l.addf(it.Line, "item %s: paired with itself", it.ID)
	case p.Format != FormatLikert:
		l.addf(it.Line, "item %s: pair %s is not a likert item", it.ID, p.ID)
	case p.Facet != it.Facet:
		l.addf(it.Line, "item %s: pair %s is on another facet (%s)", it.ID, p.ID, p.Facet)
	case p.Scale != it.Scale:
		l.addf(it.Line, "item %s: pair %s is on the other affinity scale; a pair must be true opposites on one scale (agreeing with both can be honest across scales)", it.ID, p.ID)
	case p.Reverse == it.Reverse:
		l.addf(it.Line, "item %s: pair %s must be keyed the other way (one reverse, one not)", it.ID, p.ID)
	case p.Pair != it.ID && !it.Retired && !p.Retired:
		// A retired item keeps the pair it had; its partner may have
		// found a new one since.
		l.addf(it.Line, "item %s: pair %s does not name it back", it.ID, p.ID)
	}
}

func (l *loader) checkGuide(b *Bank, line int, what, ref string) {
	if ref == "" {
		l.addf(line, "%s: missing guide section", what)
		return
	}
	name, slug := SplitRef(ref)
	g, ok := b.Guide(name)
	if !ok {
		l.addf(line, "%s: unknown guide %q", what, name)
		return
	}
	if slug == "" {
		if strings.HasPrefix(what, "item ") {
			l.addf(line, "%s: guide %q needs a #section: every item names the section it draws on", what, ref)
		}
		return
	}
	if _, ok := g.Section(slug); !ok {
		l.addf(line, "%s: guide %s has no section %q", what, name, slug)
	}
}

// parsePlan reads plan.yaml and checks every facet has its actions.
func (l *loader) parsePlan(data []byte, b *Bank) map[string]PlanActions {
	plan := map[string]PlanActions{}
	top := l.root(data)
	if top == nil {
		return plan
	}
	l.fields(top, "plan file", []string{"plan"}, func(_ string, v *yaml.Node) {
		for _, n := range l.seq(v, "plan") {
			var id string
			var pa PlanActions
			l.fields(n, "plan entry", []string{"facet", "actions", "toward_cto", "toward_cio"}, func(k string, v *yaml.Node) {
				if k == "facet" {
					id = l.str(v, "facet")
					return
				}
				var list []string
				for _, a := range l.seq(v, k) {
					if s := l.str(a, k); s != "" {
						list = append(list, s)
					}
				}
				switch k {
				case "actions":
					pa.Actions = list
				case "toward_cto":
					pa.TowardCTO = list
				case "toward_cio":
					pa.TowardCIO = list
				}
			})
			f, ok := b.Facet(id)
			if l.borrower != nil {
				// cxo's own plan serving a user's bank: a plan for a facet
				// the bank leaves out is not used, and a mismatch is the
				// bank's facet's problem, at its line.
				if ok {
					l.borrowerMismatch(f, pa)
					plan[id] = pa
				}
				continue
			}
			switch {
			case !ok && b.facetIdx != nil:
				l.addf(n.Line, "plan for unknown facet %q", id)
			case f.Layer == LayerLean && (len(pa.TowardCTO) < 2 || len(pa.TowardCIO) < 2):
				l.addf(n.Line, "plan for %s: a lean facet needs at least 2 actions toward_cto and 2 toward_cio", id)
			case ok && f.Layer != LayerLean && len(pa.Actions) < 2:
				l.addf(n.Line, "plan for %s: needs at least 2 actions", id)
			}
			plan[id] = pa
		}
	})
	return plan
}

// borrowerMismatch reports, against the user's bank, a facet whose layer
// asks for actions cxo's built-in plan does not have for it.
func (l *loader) borrowerMismatch(f Facet, pa PlanActions) {
	switch {
	case f.Layer == LayerLean && (len(pa.TowardCTO) < 2 || len(pa.TowardCIO) < 2):
		l.borrower.addf(f.Line, "facet %s: cxo's built-in plan has no actions toward the CTO and the CIO for it, which a lean facet needs; use another layer or a lean facet id of cxo's bank", f.ID)
	case f.Layer != LayerLean && len(pa.Actions) < 2:
		l.borrower.addf(f.Line, "facet %s: cxo's built-in plan has no actions for it outside the lean layer; use layer lean or another facet id", f.ID)
	}
}
