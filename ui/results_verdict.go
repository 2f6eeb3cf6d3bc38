package ui

import (
	"strings"

	"github.com/cxo-dev/cxo/model"
)

// verdictBlock is the top of the lean panel: the answer-quality flags
// first, then the verdict with direction, size and certainty apart and the
// affinities - or, while the checks hold it back, why, and the key that
// shows it anyway. held reports that the rest of the panel should wait.
func verdictBlock(t Theme, b *model.Bank, a *model.Assessment, res model.Result, anyway bool, w int) (text string, held bool) {
	var s strings.Builder
	line := func(style func(...string) string, text string) { s.WriteString(wrap(style(text), w) + "\n") }
	if res.Provisional {
		line(t.Warn.Render, "Provisional: a quick assessment. Take the full one before acting on it.")
	}
	for _, f := range res.Flags {
		line(t.Warn.Render, "! "+model.FlagTitle(f.Code)+": "+f.Message)
	}
	if len(res.Flags) > 0 {
		s.WriteString("\n")
	}
	if res.MethodOf() < model.Method && a != nil {
		line(t.Subtle.Render, "Scored with method "+itoa(res.MethodOf())+" when it was finished, and kept as it was. Method "+itoa(model.Method)+" today reads: "+model.Compute(b, a).Lean.Verdict+".")
	}
	if res.Held && !anyway {
		line(t.Strong.Render, "Review these answers first")
		line(t.Text.Render, model.HeldMessage("Pressing "+resultsKeys.ShowAnyway.Help().Key))
		return s.String(), true
	}
	line(t.Strong.Render, model.Capitalise(res.Lean.Verdict))
	if res.Held {
		line(t.Subtle.Render, "Setting aside the quality checks, the answers read: "+res.Unheld+".")
	}
	if res.MethodOf() >= 2 {
		line(t.Subtle.Render, model.LeanWords(res.Lean))
		for _, af := range res.Affinities {
			line(t.Subtle.Render, model.AffinityWords(af))
		}
	} else {
		line(t.Subtle.Render, model.Signed(res.Lean.Score)+" on a scale from CTO +100 to CIO -100; band "+model.Signed(res.Lean.Low)+" to "+model.Signed(res.Lean.High)+" from the spread of your answers")
	}
	s.WriteString("\n")
	return s.String(), false
}

// bothLevels is an area's two expected levels and how the score stands
// against each, for the readiness panel.
func bothLevels(s model.Score) string {
	if s.ExpectCTO+s.ExpectCIO == 0 {
		return ""
	}
	return "CTO " + itoa(s.ExpectCTO) + " " + markWord(s.VsCTO) + " · CIO " + itoa(s.ExpectCIO) + " " + markWord(s.VsCIO)
}

// planSlot says where a gap sits in the plan: a priority for the next
// days, or later.
func planSlot(res model.Result, facet string) string {
	for i, p := range res.Plan {
		if p.FacetID == facet {
			return " · " + model.PrioritySlot(i, len(res.Plan))
		}
	}
	return " · later"
}

// evidenceStep is the plan's "gather evidence" priority, when it has one.
func evidenceStep(t Theme, res model.Result, w int) string {
	if len(res.Plan) == 0 || res.Plan[0].FacetID != "" {
		return ""
	}
	var b strings.Builder
	b.WriteString(indent(hanging(t.Warn.Render("- "+res.Plan[0].Name)+t.Subtle.Render(" · "+model.PrioritySlot(0, len(res.Plan))), w-2, 2), 2) + "\n")
	for _, a := range res.Plan[0].Actions {
		b.WriteString(bullet(t.Text, a, w, 6) + "\n")
	}
	return b.String()
}

// rulerLabel names the level the readiness bars mark.
func rulerLabel(res model.Result) string {
	if res.Target == "" {
		return "the higher of the CTO's and the CIO's levels"
	}
	return "the " + res.Target.Upper() + "'s level"
}
