package ui

import (
	"fmt"
	"strings"

	"github.com/cxo-dev/cxo/model"
)

// peersText is the colleagues' view as plain lines, for the line mode's
// summary; "" when nobody has responded.
func peersText(p *model.PeerPanel) string {
	if p == nil {
		return ""
	}
	var w strings.Builder
	fmt.Fprintf(&w, "Colleagues: %d %s imported.", p.Responses, plural(p.Responses, "response", "responses"))
	if p.Need > 0 {
		w.WriteString(" " + model.Capitalise(model.NeedMore(p.Need)) + ".\n")
		return w.String()
	}
	w.WriteString("\n")
	for _, a := range p.Areas {
		you := "not rated"
		if a.SelfN > 0 {
			you = fmt.Sprintf("%d (band %d-%d)", a.Self, a.SelfLow, a.SelfHi)
		}
		others := fmt.Sprintf("fewer than %d rated it", model.MinRaters)
		if a.Shown {
			others = fmt.Sprintf("%d (band %d-%d) from %d", a.Others, a.Low, a.High, a.Raters)
		}
		line := "  " + a.Name + ": you " + you + "; others " + others
		if r := model.PeerReading(a.Reading); r != "" {
			line += "; " + r // within the bands too: the Markdown and compare say it
		}
		w.WriteString(line + "\n")
		for _, g := range a.Groups {
			fmt.Fprintf(&w, "    %ss: %d (band %d-%d) from %d\n", g.Relationship, g.Others, g.Low, g.High, g.Raters)
		}
	}
	return w.String()
}
