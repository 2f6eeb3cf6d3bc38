package model

import "sort"

// Mark is how a score stands against one expected level, read with its
// band: the same rule compare uses, a difference counts only when the band
// clears it.
type Mark string

const (
	MarkGap              Mark = "gap"               // the whole band is below the level
	MarkPossibleGap      Mark = "possible gap"      // the score is below, the band reaches it
	MarkMeets            Mark = "meets"             // neither below nor clearly above
	MarkPossibleStrength Mark = "possible strength" // well above, but the band reaches the level
	MarkStrength         Mark = "strength"          // well above, the whole band above the level
	MarkIndicative       Mark = "indicative"        // one answer: shown, never a gap or strength
	// MarkNoOpportunity labels a "later" line for an item answered "no
	// opportunity yet": a chance to seek, not a gap.
	MarkNoOpportunity Mark = NoOpportunityText
)

// Certain reports whether the mark is a gap or strength the band clears.
func (m Mark) Certain() bool { return m == MarkGap || m == MarkStrength }

// clears reports whether band [lo, hi] lies wholly on one side of [olo, ohi].
func clears(lo, hi, olo, ohi int) bool { return hi < olo || lo > ohi }

// Judge marks a score against a level. While the self-rating flag stands,
// strengths read "possible".
func Judge(s Score, level int, selfFlag bool) Mark {
	switch {
	case s.N == 0:
		return ""
	case s.N == 1:
		return MarkIndicative
	case s.Score < level && clears(s.Low, s.High, level, level):
		return MarkGap
	case s.Score < level:
		return MarkPossibleGap
	case s.Score < level+StrengthMargin:
		return MarkMeets
	case clears(s.Low, s.High, level, level) && !selfFlag:
		return MarkStrength
	}
	return MarkPossibleStrength
}

// Finding is a strength or a gap.
type Finding struct {
	FacetID string
	Name    string
	Score   int
	Expect  int // the level it is measured against
	Why     string
	Guide   string
	// Method 2.
	Band   Mark    `json:",omitempty"` // gap, possible gap, strength, possible strength
	Role   Role    `json:",omitempty"` // the role whose level it is measured against
	Weight float64 `json:",omitempty"` // shortfall x weight ranks the plan
	// Confirmed is a gap the colleagues' ratings confirm: shown under the
	// anonymity rule, and their whole band is below the same level too.
	Confirmed bool `json:",omitempty"`
}

// PlanStep is one priority of the plan, or a line of "later".
type PlanStep struct {
	FacetID string
	Name    string
	Actions []string
	Guide   string
	Why     string `json:",omitempty"`
	Band    Mark   `json:",omitempty"` // "" for gathering evidence
	// Confirmed: the colleagues' ratings confirm the gap.
	Confirmed bool `json:",omitempty"`
}

// ExpectFor is the level a role asks of a facet; with no single role, the
// higher of the two.
func ExpectFor(f Facet, target Role) int {
	if target != "" {
		return f.Expect[target]
	}
	return max(f.Expect[RoleCTO], f.Expect[RoleCIO])
}

// TargetLabel names what the plan is measured against.
func (r Result) TargetLabel() string {
	if r.Target == "" {
		return "the CTO's and the CIO's levels"
	}
	return "the " + r.Target.Upper() + "'s levels"
}

// yardstick is the roles the plan measures against.
func (r Result) yardstick() []Role {
	if r.Target != "" {
		return []Role{r.Target}
	}
	return []Role{RoleCTO, RoleCIO}
}

// weight is how much a shortfall counts against a role's level.
func weight(group string, role Role) float64 {
	if group == "operational" && role == RoleCIO {
		return OperationalWeightCIO
	}
	return 1
}

func levelsText(s Score) string {
	if s.ExpectCTO == s.ExpectCIO {
		return "cxo's judgement: both roles call for about " + itoa(s.ExpectCTO)
	}
	return "cxo's judgement: the CTO role calls for about " + itoa(s.ExpectCTO) + ", the CIO role about " + itoa(s.ExpectCIO)
}

func bandText(s Score) string {
	return "you rate " + itoa(s.Score) + " (band " + itoa(s.Low) + "-" + itoa(s.High) + ")"
}

type rankedGap struct {
	Finding
	key float64
}

func findings(b *Bank, r *Result, selfFlag bool, self selfRatings) {
	var gaps []rankedGap
	roles := r.yardstick()
	for _, group := range [][]Score{r.Readiness, r.Foundations} {
		for _, s := range group {
			if s.N < 2 {
				continue // not rated, or one answer: indicative only
			}
			f, _ := b.Facet(s.ID)
			var best *rankedGap
			strong := true
			top := 0
			for _, role := range roles {
				level := f.Expect[role]
				top = max(top, level)
				m := Judge(s, level, selfFlag)
				if m != MarkStrength && m != MarkPossibleStrength {
					strong = false
				}
				if m != MarkGap && m != MarkPossibleGap {
					continue
				}
				w := weight(s.Group, role)
				g := rankedGap{Finding{FacetID: s.ID, Name: s.Name, Score: s.Score, Expect: level, Guide: s.Guide, Band: m, Role: role, Weight: w}, float64(level-s.Score) * w}
				if best == nil || (m.Certain() && !best.Band.Certain()) || (m.Certain() == best.Band.Certain() && g.key > best.key) {
					best = &g
				}
			}
			if best != nil {
				best.Why = bandText(s) + ", below the " + best.Role.Upper() + "'s " + itoa(best.Expect) + "; " + levelsText(s) + "."
				if len(roles) > 1 && s.ExpectCTO == s.ExpectCIO {
					// Measured against both roles, which ask the same:
					// the gap is no more one role's than the other's.
					best.Role = ""
					best.Why = bandText(s) + ", below " + itoa(best.Expect) + "; " + levelsText(s) + "."
				}
				if r.Peers.Confirmed(s.ID, best.Expect) {
					pa, _ := r.Peers.Area(s.ID)
					best.Confirmed = true
					best.Why += " Your colleagues put it below " + itoa(best.Expect) + " as well: " + itoa(pa.Others) + " (band " + itoa(pa.Low) + "-" + itoa(pa.High) + ")."
				}
				gaps = append(gaps, *best)
			}
			if strong {
				m := Judge(s, top, selfFlag)
				fd := Finding{FacetID: s.ID, Name: s.Name, Score: s.Score, Expect: top, Guide: s.Guide, Band: m,
					Why: bandText(s) + ", above " + itoa(top) + "; " + levelsText(s) + "."}
				if len(roles) == 1 {
					fd.Role = roles[0]
				}
				// Colleagues who rate it well below you make it a
				// possible strength at most, and the reader is told why.
				if pa, ok := r.Peers.Area(s.ID); ok && pa.Shown && pa.Reading == PeerBlindSpot {
					fd.Band = MarkPossibleStrength
					fd.Why += " Your colleagues rate it " + itoa(pa.Others) + " (band " + itoa(pa.Low) + "-" + itoa(pa.High) + "), well below your own rating: a possible blind spot."
				}
				r.Strengths = append(r.Strengths, fd)
			}
		}
	}
	// On the lean, a facet is a gap only when its whole band lies on the
	// side away from the plan's single role, from at least MinPerFacet
	// answers the checks do not hold back. A band across the middle says
	// nothing either way, so it is no gap, not even a possible one.
	if len(roles) == 1 && !r.Held {
		for _, s := range r.Facets {
			if s.N < MinPerFacet {
				continue
			}
			f, _ := b.Facet(s.ID)
			// toward: the position toward the plan's role; high: the
			// band's end nearest that role.
			toward, high := s.Score, s.High
			pole, other := f.CTO, f.CIO
			if roles[0] == RoleCIO {
				toward, high = 100-s.Score, 100-s.Low
				pole, other = other, pole
			}
			if high >= 50 {
				continue
			}
			gaps = append(gaps, rankedGap{Finding{FacetID: s.ID, Name: s.Name, Score: s.Score, Guide: s.Guide, Band: MarkGap, Role: roles[0], Weight: 1,
				Why: "your answers lean to " + lowerFirst(other) + ", while the " + roles[0].Upper() + " role centres on " + lowerFirst(pole) + " (position " + itoa(s.Score) + ", band " + itoa(s.Low) + "-" + itoa(s.High) + ", where 100 is the CTO side and 0 the CIO side)."}, float64(50 - toward)})
		}
	}
	rankGaps(gaps)
	sort.SliceStable(r.Strengths, func(i, j int) bool {
		if r.Strengths[i].Band.Certain() != r.Strengths[j].Band.Certain() {
			return r.Strengths[i].Band.Certain()
		}
		return r.Strengths[i].Score > r.Strengths[j].Score
	})
	certain := false
	for _, g := range gaps {
		r.Gaps = append(r.Gaps, g.Finding)
		certain = certain || g.Band.Certain()
	}
	// Gathering evidence takes a slot only when no gap is certain.
	if ev, ok := evidenceStep(r, self); ok && !certain {
		r.Plan = append(r.Plan, ev)
	}
	for _, g := range r.Gaps {
		step := PlanStep{FacetID: g.FacetID, Name: g.Name, Guide: g.Guide, Why: g.Why, Band: g.Band, Confirmed: g.Confirmed, Actions: actionsFor(b, g, r.Target)}
		if len(r.Plan) < Priorities {
			r.Plan = append(r.Plan, step)
		} else {
			step.Actions = nil
			r.Later = append(r.Later, step)
		}
	}
}

// rankGaps is the plan's one ranking rule: certain gaps before possible
// ones, then, within each, gaps the colleagues confirm before those only
// the person's own ratings show, then shortfall times its documented
// weight. Certainty comes first: a gap the person's own band puts wholly
// below the level must not wait behind one whose band reaches the level,
// whatever the colleagues say.
func rankGaps(gaps []rankedGap) {
	sort.SliceStable(gaps, func(i, j int) bool {
		if gaps[i].Band.Certain() != gaps[j].Band.Certain() {
			return gaps[i].Band.Certain()
		}
		if gaps[i].Confirmed != gaps[j].Confirmed {
			return gaps[i].Confirmed
		}
		return gaps[i].key > gaps[j].key
	})
}

func actionsFor(b *Bank, g Finding, target Role) []string {
	pa := b.Plan[g.FacetID]
	actions := pa.Actions
	if f, _ := b.Facet(g.FacetID); f.Layer == LayerLean {
		actions = pa.TowardCTO
		if g.Role == RoleCIO {
			actions = pa.TowardCIO
		}
	}
	if len(actions) > ActionsPerPriority {
		actions = actions[:ActionsPerPriority]
	}
	return actions
}

// evidenceStep is the plan's "gather evidence" step: answers to review,
// items to answer, colleagues to ask.
func evidenceStep(r *Result, self selfRatings) (PlanStep, bool) {
	var acts []string
	if r.Held {
		// The same answers the review marks ⚑ (FlaggedItems): an answer
		// two checks flag is one answer to review.
		n := len(FlaggedItems(r.Flags))
		acts = append(acts, "Review the "+itoa(n)+" "+plural(n, "answer", "answers")+" the quality checks flagged, and change any that do not say what you meant.")
	}
	if !r.Lean.Enough {
		acts = append(acts, "Answer "+itoa(r.Lean.Need)+" more trade-off "+plural(r.Lean.Need, "item", "items")+" so the lean can be read.")
	} else if r.Skipped > 0 {
		acts = append(acts, "Answer the "+itoa(r.Skipped)+" "+plural(r.Skipped, "item", "items")+" you skipped or left open.")
	}
	indicative := 0
	for _, group := range [][]Score{r.Readiness, r.Foundations} {
		for _, sc := range group {
			if sc.N == 1 {
				indicative++
			}
		}
	}
	if indicative > 0 {
		what := "Take the full assessment"
		if !r.Provisional {
			what = "Answer the open items"
		}
		acts = append(acts, what+": "+itoa(indicative)+" "+plural(indicative, "area rests", "areas rest")+" on one answer, too few to name a gap or a strength.")
	}
	for _, f := range r.Flags {
		if f.Code == "selfrating" {
			acts = append(acts, self.reviewActions(r.Peers)...)
		}
	}
	switch len(acts) {
	case 0:
		return PlanStep{}, false
	case 1:
		acts = append(acts, "Then open the results again: the verdict and the plan follow the evidence.")
	}
	if len(acts) > ActionsPerPriority {
		acts = acts[:ActionsPerPriority]
	}
	return PlanStep{Name: "Gather evidence", Actions: acts, Why: "no gap is certain yet, and better evidence would make the result worth more."}, true
}
