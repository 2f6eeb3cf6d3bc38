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
	fmt.Fprintf(&b, "%d %s imported.\n\n", p.Responses, peerPlural(p.Responses, "response", "responses"))
	if p.Need > 0 {
		b.WriteString(wrap(t.Text.Render(model.Capitalise(model.NeedMore(p.Need))+"."), w) + "\n")
		return b.String()
	}
	b.WriteString(wrap(t.Subtle.Render("You and your colleagues, 0 to 100 with bands. A blind spot: you rate yourself above them beyond both bands; a hidden strength: below."), w) + "\n\n")
	nameW := 0
	for _, a := range p.Areas {
		nameW = max(nameW, len([]rune(a.Name)))
	}
	nameW = min(nameW, max(w-44, 12))
	for _, a := range p.Areas {
		name := a.Name
		if rs := []rune(name); len(rs) > nameW {
			name = string(rs[:nameW-1]) + "…"
		}
		you := "not rated"
		if a.SelfN > 0 {
			you = fmt.Sprintf("%3d (%d-%d)", a.Self, a.SelfLow, a.SelfHi)
		}
		others := "fewer than " + fmt.Sprint(model.MinRaters) + " rated it"
		if a.Shown {
			others = fmt.Sprintf("%3d (%d-%d) from %d", a.Others, a.Low, a.High, a.Raters)
		}
		line := fmt.Sprintf("%-*s  you %-14s  others %s", nameW, name, you, others)
		switch a.Reading {
		case model.PeerBlindSpot:
			line += "  " + t.Warn.Render("blind spot")
		case model.PeerHiddenStrength:
			line += "  " + t.Good.Render("hidden strength")
		}
		b.WriteString(line + "\n")
		for _, g := range a.Groups {
			fmt.Fprintf(&b, "%-*s  %s", nameW, "", t.Subtle.Render(fmt.Sprintf("%ss: %d (%d-%d) from %d", g.Relationship, g.Others, g.Low, g.High, g.Raters))+"\n")
		}
	}
	return b.String()
}
