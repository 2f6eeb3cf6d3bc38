package ui

import (
	"strings"

	"github.com/cxo-dev/cxo/model"
)

// summaryText is a result as plain text, in the order a coach would say
// it: answer quality first, then the verdict (or why it is held back), the
// lean's direction, size and certainty, the affinities, readiness against
// both roles' levels, strengths and gaps with their bands, and the plan.
// The line mode prints it; it holds no escape codes.
func summaryText(b *model.Bank, a *model.Assessment, r model.Result, showHeld bool) string {
	var w strings.Builder
	p := func(s ...string) { w.WriteString(strings.Join(s, "") + "\n") }
	p("\nResults for ", a.ID)
	if r.Provisional {
		p("Provisional: a quick assessment. Take the full one before acting on it.")
	}
	if r.MethodOf() < model.Method {
		p("Scored with method ", itoa(r.MethodOf()), " when it was finished; kept as it was. Method ", itoa(model.Method), " today reads: ", model.Compute(b, a).Lean.Verdict, ".")
	}
	for _, f := range r.Flags {
		p("Answer quality (", model.FlagTitle(f.Code), "): ", f.Message)
	}
	if r.Held && !showHeld {
		p(model.HeldMessage(`Typing "a"`))
	} else {
		p("Lean: ", r.Lean.Verdict, ".")
		if r.Held {
			p("Setting aside the quality checks, the answers read: ", r.Unheld, ".")
		}
		if r.MethodOf() >= 2 {
			p("  ", model.LeanWords(r.Lean))
			for _, af := range r.Affinities {
				p("  ", model.AffinityWords(af))
			}
		} else {
			p("  ", model.Signed(r.Lean.Score), " on a scale from CTO +100 to CIO -100; band ", model.Signed(r.Lean.Low), " to ", model.Signed(r.Lean.High), ".")
		}
		for _, s := range r.Facets {
			f, _ := b.Facet(s.ID)
			p("  ", model.FacetWords(f, s))
		}
	}
	p("Readiness (expected levels are cxo's judgement):")
	for _, s := range append(append([]model.Score{}, r.Readiness...), r.Foundations...) {
		if s.N == 0 {
			p("  ", s.Name, ": not rated")
			continue
		}
		line := "  " + s.Name + ": " + itoa(s.Score) + " (band " + itoa(s.Low) + "-" + itoa(s.High) + ")"
		if s.ExpectCTO+s.ExpectCIO > 0 {
			line += "; CTO level " + itoa(s.ExpectCTO) + ": " + markWord(s.VsCTO) + "; CIO level " + itoa(s.ExpectCIO) + ": " + markWord(s.VsCIO)
		}
		p(line)
	}
	w.WriteString(peersText(r.Peers))
	if len(r.Strengths) > 0 {
		p("Strengths:")
		for _, st := range r.Strengths {
			p("  ", st.Name, bandWord(st.Band), ": ", model.Sentence(st.Why))
		}
	}
	if len(r.Gaps) > 0 {
		p("Gaps:")
		for _, g := range r.Gaps {
			p("  ", g.Name, bandWord(g.Band), ": ", model.Sentence(g.Why))
		}
	}
	if len(r.Plan) > 0 {
		p("Plan for the next ", itoa(model.PlanDays), " days:")
		for i, s := range r.Plan {
			p("  ", itoa(i+1), ". ", s.Name)
			for _, act := range s.Actions {
				p("    - ", act)
			}
		}
	}
	if len(r.Later) > 0 {
		names := make([]string, len(r.Later))
		for i, s := range r.Later {
			names[i] = s.Name
		}
		p("Later: ", strings.Join(names, "; "), ".")
	}
	return w.String()
}

func markWord(m model.Mark) string {
	if m == "" {
		return "-"
	}
	return string(m)
}

func bandWord(m model.Mark) string {
	if m == "" {
		return ""
	}
	return " (" + string(m) + ")"
}
