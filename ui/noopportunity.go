package ui

import (
	"strings"

	"github.com/cxo-dev/cxo/model"
)

// chancesToSeek lists, under the plan, the items answered "no opportunity
// yet": chances to seek later, not gaps.
func chancesToSeek(t Theme, res model.Result, w int) string {
	var b strings.Builder
	for _, s := range res.Later {
		if s.Band != model.MarkNoOpportunity {
			continue
		}
		if b.Len() == 0 {
			b.WriteString("\n" + pack("", []piece{{"", t.Title.Render("Later: chances to seek")}, {"  ", t.Subtle.Render("no opportunity yet, so not a gap")}}, w) + "\n")
		}
		b.WriteString(bullet(t.Text, s.Name, w, 2) + "\n") // wrapped under the text, not the bullet
	}
	return b.String()
}
