// Package model is cxo's domain: the question bank, assessments, scoring,
// answer-quality flags, the development plan and comparison. It is pure: it
// parses bytes it is given and computes results, and never does I/O.
package model

import "strings"

// Layer says what a facet measures: the lean between the roles, readiness
// for them, or the foundations both need.
type Layer string

const (
	LayerLean       Layer = "lean"
	LayerReadiness  Layer = "readiness"
	LayerFoundation Layer = "foundation"
)

// Format is how an item is asked and answered.
type Format string

const (
	FormatLikert   Format = "likert"   // agree 1..5 with a statement
	FormatChoice   Format = "choice"   // pick one of two statements
	FormatScenario Format = "scenario" // pick one of three to five responses
	// FormatPreference is a five-point preference between two statements:
	// much more the first, somewhat, both equally, somewhat, much more the
	// second. It replaced the forced choice in bank 2026.11-2.
	FormatPreference Format = "preference"
	FormatRating     Format = "rating" // anchored self-rating 1..5
)

// Role is one of the two executive roles the coach compares.
type Role string

const (
	RoleCTO Role = "cto"
	RoleCIO Role = "cio"
)

// ParseRole accepts "cto" or "cio" in any case; "" means no target.
func ParseRole(s string) (Role, bool) {
	switch strings.ToLower(s) {
	case "":
		return "", true
	case "cto":
		return RoleCTO, true
	case "cio":
		return RoleCIO, true
	}
	return "", false
}

// Upper is the role as written in prose ("CTO").
func (r Role) Upper() string {
	switch r {
	case RoleCTO:
		return "CTO"
	case RoleCIO:
		return "CIO"
	}
	return ""
}

// Facet is one thing the assessment measures.
type Facet struct {
	ID     string
	Name   string
	Layer  Layer
	Group  string // orientation, operational, area or foundation
	CTO    string // lean only: label of the CTO pole
	CIO    string // lean only: label of the CIO pole
	Guide  string // guide#section that explains it
	Expect map[Role]int
	Reason string // readiness and foundation: why cxo expects these levels
	Line   int
}

// Option is one answer to a choice or scenario item. Score runs from -2
// (clearly CIO) to +2 (clearly CTO).
type Option struct {
	Text  string
	Score int
	line  int
}

// Item is one question of the bank.
type Item struct {
	ID      string
	Facet   string
	Format  Format
	Text    string
	Reverse bool
	Pair    string
	// Scale is the affinity a lean likert item measures (cto or cio); an
	// older bank without it reads an unreversed item as cto, a reversed one
	// as cio.
	Scale Role
	// Replaces names a two-option choice item this preference item took
	// over: an answer stored under that id reads as the extreme of the
	// preference on the same side (option 1 as 1, option 2 as 5).
	Replaces string
	// Observer is a readiness or foundation item worded for a colleague
	// who rates the person ("How often does {name} ..."), for peer
	// ratings; {name} stands for the name the person chose to show.
	Observer string
	// Industry is the setting of a trade-off item (manufacturing, health,
	// finance, ...): the bank spreads its contexts across industries so
	// that people outside software have natural answers.
	Industry string
	// Chance is what a readiness item answered "no opportunity yet"
	// invites the person to seek ("own part of a technology budget").
	Chance string
	// Retired marks an item a later revision of the bank rewrote or
	// removed: it is kept with its words so older answers are shown,
	// scored and exported against what they were given to, but it is
	// never asked again. Successor names the item that took its place.
	Retired   bool
	Successor string
	Quick     bool
	NA        bool
	Guide     string
	Options   []Option
	Anchors   map[int]string
	Line      int
	lines     map[string]int // line of each field, for problems
}

// LineOf is the line of one of the item's fields in its bank file, or the
// item's own line when the field is absent.
func (it Item) LineOf(field string) int {
	if n := it.lines[field]; n > 0 {
		return n
	}
	return it.Line
}

// Levels is how many answers the item offers (5 for likert and rating).
func (it Item) Levels() int {
	switch it.Format {
	case FormatPreference:
		return 5
	case FormatChoice, FormatScenario:
		return len(it.Options)
	}
	return 5
}

// Bank is a validated question bank.
type Bank struct {
	Version string
	Facets  []Facet
	Items   []Item // the items asked today
	// Retired are items earlier revisions asked and this one no longer
	// does (Item.Retired): kept so older answers keep their words.
	Retired []Item
	Plan    map[string]PlanActions
	Guides  []Guide

	facetIdx map[string]int
	itemIdx  map[string]int // index into Items, or len(Items)+index into Retired
	replaced map[string]int // old choice id -> index of the item that replaced it
}

// PlanActions holds the development actions for one facet.
type PlanActions struct {
	Actions   []string // readiness and foundation facets
	TowardCTO []string // lean facets
	TowardCIO []string
}

// Facet returns the facet with the id.
func (b *Bank) Facet(id string) (Facet, bool) {
	i, ok := b.facetIdx[id]
	if !ok {
		return Facet{}, false
	}
	return b.Facets[i], true
}

// Item returns the item with the id, asked today or retired.
func (b *Bank) Item(id string) (Item, bool) {
	p := b.itemPtr(id)
	if p == nil {
		return Item{}, false
	}
	return *p, true
}

// itemPtr is the bank's own copy of the item with the id, or nil.
func (b *Bank) itemPtr(id string) *Item {
	i, ok := b.itemIdx[id]
	switch {
	case !ok:
		return nil
	case i < len(b.Items):
		return &b.Items[i]
	}
	return &b.Retired[i-len(b.Items)]
}

// Guide returns the guide with the name.
func (b *Bank) Guide(name string) (Guide, bool) {
	for _, g := range b.Guides {
		if g.Name == name {
			return g, true
		}
	}
	return Guide{}, false
}

func (b *Bank) index() {
	b.facetIdx = make(map[string]int, len(b.Facets))
	for i, f := range b.Facets {
		b.facetIdx[f.ID] = i
	}
	b.itemIdx = make(map[string]int, len(b.Items)+len(b.Retired))
	b.replaced = map[string]int{}
	for i, it := range append(append([]Item{}, b.Items...), b.Retired...) {
		if _, dup := b.itemIdx[it.ID]; dup {
			continue // reported by validate; the first one counts
		}
		b.itemIdx[it.ID] = i
		if it.Replaces != "" {
			b.replaced[it.Replaces] = i
		}
	}
}
