package model

import (
	"fmt"
	"strings"
)

// Markdown renders the report as a document that passes markdownlint's
// default rules (line length aside) and reads well in glow and on GitHub.
// Answer quality comes first: it says how far the rest can be trusted.
func Markdown(b *Bank, rep Report) string {
	var w strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&w, format, args...) }
	p("# cxo results %s\n\n", rep.ID)
	date := rep.Started.Format("2 January 2006")
	if rep.Finished != nil {
		date = rep.Finished.Format("2 January 2006")
	}
	p("- Date: %s (%s)\n", date, rep.Status)
	p("- Length: %s, %d %s: %d answered, %d skipped or left open, %d not applicable", rep.Length, rep.Counts.Total, plural(rep.Counts.Total, "item", "items"), rep.Counts.Answered, rep.Counts.Skipped, rep.Counts.NA)
	if rep.Counts.NoOpportunity > 0 {
		p(", %d no opportunity yet", rep.Counts.NoOpportunity)
	}
	p("\n")
	if rep.Provisional {
		p("- Provisional: a quick assessment; take the full one before acting on it\n")
	}
	target := "none chosen; measured against both roles' levels"
	switch {
	case rep.TargetFrom == "chosen":
		target = strings.ToUpper(rep.Target) + " (chosen)"
	case rep.Target != "":
		target = strings.ToUpper(rep.Target) + " (from the lean)"
	}
	p("- Target: %s\n", target)
	p("- Question bank: %s\n", md(rep.BankVersion))
	p("- Scoring method: %d\n\n", rep.Method)
	p("> %s\n\n", HonestSentence)

	p("## Answer quality\n\n")
	if len(rep.Flags) == 0 {
		p("No answer-quality flags were raised.\n\n")
	}
	for _, f := range rep.Flags {
		p("- **%s**: %s\n", md(f.Title), md(f.Message))
	}
	if len(rep.Flags) > 0 {
		p("\n")
	}
	if rep.Held {
		p("The verdict is held back until these answers are reviewed. Setting them aside, the answers would read: %s.\n\n", md(rep.Unheld))
	}

	p("## Lean\n\n")
	if rep.Held && rep.Lean.Score != nil {
		// Held back: the reading is given only as what the answers say
		// with the checks set aside, never as the verdict.
		p("**%s**. Setting aside the quality checks, the answers read %s: %s on a scale from CTO +100 to CIO -100, band %s to %s.\n\n",
			Capitalise(rep.Lean.Verdict), md(rep.Unheld), Signed(*rep.Lean.Score), Signed(*rep.Lean.Low), Signed(*rep.Lean.High))
	} else if rep.Lean.Score == nil {
		p("**%s**. %d trade-off %s given; at least %d (and %d on each facet) are needed before any verdict on the lean.\n\n", Capitalise(rep.Lean.Verdict), rep.Lean.N, plural(rep.Lean.N, "answer", "answers"), MinTradeoffs, MinPerFacet)
	} else {
		p("**%s**: %s on a scale from CTO +100 to CIO -100. The band, from the spread of your own answers, runs from %s to %s.\n\n",
			Capitalise(rep.Lean.Verdict), Signed(*rep.Lean.Score), Signed(*rep.Lean.Low), Signed(*rep.Lean.High))
		if rep.Method >= 2 {
			p("%s\n\n", md(LeanWords(Lean{Score: *rep.Lean.Score, Low: *rep.Lean.Low, High: *rep.Lean.High, Enough: true, Direction: Role(rep.Lean.Direction), Size: rep.Lean.Size, Certainty: rep.Lean.Certainty, Confidence: rep.Lean.Confidence})))
		}
	}
	if len(rep.Affinities) > 0 {
		for _, af := range rep.Affinities {
			p("- %s\n", md(affinityLine(af)))
		}
		p("\n")
	}
	if rep.Rescored != nil {
		r := rep.Rescored
		p("This result was scored with method %d when it was finished and is kept as it was. Scored today with method %d: **%s**", rep.Method, r.Method, md(r.Lean.Verdict))
		if r.Lean.Score != nil {
			p(" (%s, band %s to %s)", Signed(*r.Lean.Score), Signed(*r.Lean.Low), Signed(*r.Lean.High))
		}
		p(".\n\n")
	}
	p("Each facet's position runs from 100 (wholly the CTO side) to 0 (wholly the CIO side), 50 being the middle: not the lean's scale above, on which a position p would be 2p - 100.\n\n")
	p("| Facet | CTO side | Position (100 CTO, 0 CIO) | Band | CIO side |\n| --- | --- | --- | --- | --- |\n")
	for _, s := range rep.Facets {
		f, _ := b.Facet(s.ID)
		pos, band := "not rated", "-"
		if s.N > 0 {
			pos, band = fmt.Sprint(*s.Score), fmt.Sprintf("%d-%d", *s.Low, *s.High)
		}
		p("| %s | %s | %s | %s | %s |\n", md(s.Name), md(f.CTO), pos, band, md(f.CIO))
	}
	p("\n")
	scoreTable := func(title string, ss []ReportScore) {
		p("## %s\n\n", title)
		p("Expected levels are cxo's judgement, with the reason for each below the tables. Expected is the level measured against: %s.\n\n", expectedWord(rep))
		group := "-"
		for _, s := range ss {
			if s.Group != group {
				if group != "-" {
					p("\n")
				}
				group = s.Group
				if len(ss) > 0 && title == "Readiness" {
					p("### %s\n\n", GroupTitle(group))
				}
				p("| Area | Score (0-100) | Band | Answers | Expected | CTO level | Against it | CIO level | Against it |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n")
			}
			score, band := UnratedWords(s.NoOpportunity), "-"
			if s.N > 0 {
				score, band = fmt.Sprint(*s.Score), fmt.Sprintf("%d-%d", *s.Low, *s.High)
			}
			cto, vsCTO, cio, vsCIO, expect := "-", "-", "-", "-", "-"
			if e := s.Expect; e != nil {
				cto, cio = fmt.Sprint(e.CTO), fmt.Sprint(e.CIO)
				vsCTO, vsCIO = orDash(e.VsCTO), orDash(e.VsCIO)
				expect = fmt.Sprint(expectedLevel(rep, *e))
			}
			p("| %s | %s | %s | %d | %s | %s | %s | %s | %s |\n", md(s.Name), score, band, s.N, expect, cto, vsCTO, cio, vsCIO)
		}
		p("\n")
		for _, s := range ss {
			if s.Expect != nil && s.Expect.Reason != "" {
				p("- %s: %s\n", md(s.Name), md(s.Expect.Reason))
			}
		}
		p("\n")
	}
	scoreTable("Readiness", rep.Readiness)
	scoreTable("Shared foundations", rep.Foundations)
	peersMarkdown(&w, rep.Peers)

	findings := func(title, none string, fs []ReportFinding) {
		p("## %s\n\n", title)
		if len(fs) == 0 {
			p("%s\n\n", none)
			return
		}
		for _, f := range fs {
			band := ""
			if f.Band != "" {
				band = " (" + f.Band + ")"
			}
			p("- **%s**%s: %s\n", md(f.Name), band, md(Sentence(f.Why)))
		}
		p("\n")
	}
	findings("Strengths", "No area stands clearly above the expected levels yet.", rep.Strengths)
	findings("Gaps", NoGapsWords(reportAreas(rep), Role(rep.Target)), rep.Gaps)

	p("## Development plan\n\n")
	if len(rep.Plan) == 0 && !anyRated(rep.Readiness) && !anyRated(rep.Foundations) {
		p("No plan yet: nothing was rated. Finish the assessment to get one.\n\n")
	} else if len(rep.Plan) == 0 {
		p("No gaps, so no plan: keep your strengths in use and take the assessment again in a few months.\n\n")
	} else if rep.Method >= 2 {
		p("Up to %d priorities for the next %d days, in order.\n\n", Priorities, PlanDays)
	} else {
		p("The plan as method 1 made it when the assessment was finished: a step for every gap.\n\n")
	}
	for i, step := range rep.Plan {
		p("### %d. %s\n\n", i+1, md(step.Name))
		if step.Why != "" {
			p("%s\n\n", Capitalise(md(Sentence(step.Why))))
		}
		for _, a := range step.Actions {
			p("- %s\n", md(a))
		}
		p("\n%s\n\n", readLine(b, step.Guide))
	}
	if len(rep.Later) > 0 {
		p("### Later\n\n")
		for _, step := range rep.Later {
			p("- %s (%s)\n", md(step.Name), step.Band)
		}
		p("\n")
	}

	p("## Appendix: every question and answer\n\n")
	p("| # | Item | Question | Answer | Evidence |\n| --- | --- | --- | --- | --- |\n")
	for i, a := range rep.Answers {
		// No cell is left empty: markdownlint's table style (MD060) reads
		// "|  |" among "| x |" cells as mixed padding.
		p("| %d | %s | %s | %s | %s |\n", i+1, md(a.ID), md(a.Text), md(a.Answer), orDash(md(a.Note)))
	}
	return w.String()
}

func affinityLine(af ReportAffinity) string {
	a := Affinity{Role: Role(af.Role), N: af.N, Indicative: af.Indicative}
	if af.Score != nil {
		a.Score, a.Low, a.High = *af.Score, *af.Low, *af.High
	}
	return AffinityWords(a)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// readLine points to the guide section a plan step draws on.
func readLine(b *Bank, ref string) string {
	if ref == "" {
		return "Then take the assessment again, or open the review to change answers."
	}
	name, slug := SplitRef(ref)
	g, ok := b.Guide(name)
	if !ok {
		return "Read more with `cxo guide`."
	}
	title := g.Title
	if s, ok := g.Section(slug); ok {
		return fmt.Sprintf("Read: %s, section \"%s\" (`cxo guide %s`).", md(title), md(s.Title), name)
	}
	return fmt.Sprintf("Read: %s (`cxo guide %s`).", md(title), name)
}

// expectedWord says which level the Expected column holds.
func expectedWord(rep Report) string {
	switch Role(rep.Target) {
	case RoleCTO, RoleCIO:
		return "the " + Role(rep.Target).Upper() + "'s level"
	}
	return "the higher of the two roles' levels"
}

// expectedLevel is the level an area is measured against: the target
// role's, or the higher of both with no target.
func expectedLevel(rep Report, e ReportExpect) int {
	switch Role(rep.Target) {
	case RoleCTO:
		return e.CTO
	case RoleCIO:
		return e.CIO
	}
	return max(e.CTO, e.CIO)
}

// reportAreas reads the readiness and foundation rows of a report back as
// scores, for the words that must agree with them.
func reportAreas(rep Report) []Score {
	var out []Score
	for _, r := range append(append([]ReportScore{}, rep.Readiness...), rep.Foundations...) {
		s := Score{ID: r.ID, Name: r.Name, N: r.N}
		if r.Score != nil {
			s.Score = *r.Score
		}
		if r.Expect != nil {
			s.ExpectCTO, s.ExpectCIO = r.Expect.CTO, r.Expect.CIO
		}
		out = append(out, s)
	}
	return out
}
