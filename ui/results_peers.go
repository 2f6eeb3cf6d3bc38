package ui

import (
	"fmt"
	"strings"

	"github.com/cxo-dev/cxo/model"
)

// peers is the results' Peers panel: self against the colleagues per
// area, under the anonymity rule (model.PeerView).
func (r *resultsModel) peers(m *session, w int) string {
	t := m.theme
	p := m.res.Peers
	var b strings.Builder
	b.WriteString(t.Strong.Render("Colleagues' view") + "\n\n")
	if p == nil {
		b.WriteString(wrap(t.Text.Render("No colleague has rated you yet. Press i to write an invitation file for colleagues who see your work; each rates the same behaviours with cxo rate and sends back a response file, which you bring in with I. Nothing of theirs is shown until "+fmt.Sprint(model.MinRaters)+" have answered, and no single colleague's answers are ever shown."), w) + "\n")
		return b.String()
	}
	fmt.Fprintf(&b, "%d %s imported.\n\n", p.Responses, plural(p.Responses, "response", "responses"))
	if p.Need > 0 {
		b.WriteString(wrap(t.Text.Render(model.Capitalise(model.NeedMore(p.Need))+"."), w) + "\n")
		return b.String()
	}
	b.WriteString(wrap(t.Subtle.Render("You and your colleagues, 0 to 100 with bands. A blind spot: you rate yourself above them beyond both bands; a hidden strength: below; within the bands: the bands overlap, so no difference is established (not the same as agreeing)."), w) + "\n\n")
	nameW := 0
	for _, a := range p.Areas {
		nameW = max(nameW, len([]rune(a.Name)))
	}
	// One row per area when it fits; else the name on its own line and
	// the figures wrapped under it, so neither a name nor a reading is cut.
	oneRow := nameW+2+4+14+2+len("others 100 (100-100) from 99")+len("  "+model.PeerWithinBands) <= w
	for _, a := range p.Areas {
		you := "not rated"
		if a.SelfN > 0 {
			you = fmt.Sprintf("%3d (%d-%d)", a.Self, a.SelfLow, a.SelfHi)
		}
		others := "fewer than " + fmt.Sprint(model.MinRaters) + " rated it"
		if a.Shown {
			others = fmt.Sprintf("%3d (%d-%d) from %d", a.Others, a.Low, a.High, a.Raters)
		}
		reading := ""
		switch model.PeerReading(a.Reading) {
		case model.PeerBlindSpot:
			reading = "  " + t.Warn.Render(model.PeerBlindSpot)
		case model.PeerHiddenStrength:
			reading = "  " + t.Good.Render(model.PeerHiddenStrength)
		case model.PeerWithinBands:
			reading = "  " + t.Subtle.Render(model.PeerWithinBands)
		}
		indentW := nameW + 2
		if oneRow {
			fmt.Fprintf(&b, "%-*s  you %-14s  others %s%s\n", nameW, a.Name, you, others, reading)
		} else {
			indentW = 4
			b.WriteString(wrap(a.Name, w) + "\n")
			// The figures go to the next line whole: "you ...", "others
			// ..." and the reading each read as one ("within the" above
			// "bands" did not).
			b.WriteString(pack(strings.Repeat(" ", indentW), []piece{{"", "you " + strings.TrimSpace(you)},
				{"  ", "others " + strings.TrimSpace(others)}, {"  ", strings.TrimPrefix(reading, "  ")}}, w) + "\n")
		}
		for _, g := range a.Groups {
			b.WriteString(strings.Repeat(" ", indentW) + t.Subtle.Render(fmt.Sprintf("%ss: %d (%d-%d) from %d", g.Relationship, g.Others, g.Low, g.High, g.Raters)) + "\n")
		}
	}
	return b.String()
}
