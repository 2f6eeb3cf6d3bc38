package model

import (
	"fmt"
	"strings"
)

// ReportPeers is the export's peers section (schema 2 adds it; nothing
// else is renamed). Only areas the anonymity rule shows carry figures.
type ReportPeers struct {
	Responses int              `json:"responses"`
	Needed    int              `json:"needed"`
	MinRaters int              `json:"min_raters"`
	Areas     []ReportPeerArea `json:"areas"`
}

type ReportPeerArea struct {
	ID       string            `json:"id"`
	Name     string            `json:"name"`
	Self     *int              `json:"self"`
	SelfLow  *int              `json:"self_low"`
	SelfHigh *int              `json:"self_high"`
	Shown    bool              `json:"shown"`
	Raters   int               `json:"raters,omitempty"`
	Others   *int              `json:"others"`
	Low      *int              `json:"low"`
	High     *int              `json:"high"`
	Reading  string            `json:"reading,omitempty"`
	Groups   []ReportPeerGroup `json:"groups"`
}

type ReportPeerGroup struct {
	Relationship string `json:"relationship"`
	Raters       int    `json:"raters"`
	Others       int    `json:"others"`
	Low          int    `json:"low"`
	High         int    `json:"high"`
}

func reportPeers(p *PeerPanel) *ReportPeers {
	if p == nil {
		return nil
	}
	rp := &ReportPeers{Responses: p.Responses, Needed: p.Need, MinRaters: MinRaters, Areas: []ReportPeerArea{}}
	for _, a := range p.Areas {
		ra := ReportPeerArea{ID: a.ID, Name: a.Name, Shown: a.Shown, Reading: PeerReading(a.Reading), Groups: []ReportPeerGroup{}}
		if a.SelfN > 0 {
			s, lo, hi := a.Self, a.SelfLow, a.SelfHi
			ra.Self, ra.SelfLow, ra.SelfHigh = &s, &lo, &hi
		}
		if a.Shown {
			o, lo, hi := a.Others, a.Low, a.High
			ra.Raters, ra.Others, ra.Low, ra.High = a.Raters, &o, &lo, &hi
		}
		for _, g := range a.Groups {
			ra.Groups = append(ra.Groups, ReportPeerGroup{Relationship: string(g.Relationship), Raters: g.Raters, Others: g.Others, Low: g.Low, High: g.High})
		}
		rp.Areas = append(rp.Areas, ra)
	}
	return rp
}

// NeedMore says how many more responses are needed before the others'
// ratings show.
func NeedMore(n int) string {
	return fmt.Sprintf("%d more %s needed before anything of your colleagues' ratings is shown (at least %d, so that no one's answers can be told apart)",
		n, plural(n, "response is", "responses are"), MinRaters)
}

// RescoredWords says that an import scored a kept result again: set
// beside colleagues' ratings, a result needs today's bands.
func RescoredWords(was int) string {
	return fmt.Sprintf("its result, kept as scoring method %d gave it, is now scored with method %d, whose bands colleagues' ratings are read against", was, Method)
}

// peersMarkdown is the export's "Colleagues' view" section.
func peersMarkdown(w *strings.Builder, rp *ReportPeers) {
	if rp == nil {
		return
	}
	p := func(format string, args ...any) { fmt.Fprintf(w, format, args...) }
	p("## Colleagues' view\n\n")
	p("%d %s imported. ", rp.Responses, plural(rp.Responses, "response", "responses"))
	if rp.Needed > 0 {
		p("%s.\n\n", Capitalise(NeedMore(rp.Needed)))
		return
	}
	p("Scores run 0 to 100; a blind spot is an area you rate above your colleagues beyond both bands, a hidden strength one you rate below them; %s means the bands overlap, so no difference between your view and theirs is established (it is not agreement). An area fewer than %d colleagues rated shows no figure of theirs.\n\n", PeerWithinBands, rp.MinRaters)
	p("| Area | You | Your band | Others | Their band | Raters | Reading |\n| --- | --- | --- | --- | --- | --- | --- |\n")
	for _, a := range rp.Areas {
		you, yb := "not rated", "-"
		if a.Self != nil {
			you, yb = fmt.Sprint(*a.Self), fmt.Sprintf("%d-%d", *a.SelfLow, *a.SelfHigh)
		}
		others, ob, raters := "fewer than "+fmt.Sprint(rp.MinRaters)+" rated it", "-", "-"
		if a.Shown {
			others, ob, raters = fmt.Sprint(*a.Others), fmt.Sprintf("%d-%d", *a.Low, *a.High), fmt.Sprint(a.Raters)
		}
		p("| %s | %s | %s | %s | %s | %s | %s |\n", md(a.Name), you, yb, others, ob, raters, orDash(a.Reading))
	}
	p("\n")
	for _, a := range rp.Areas {
		for _, g := range a.Groups {
			p("- %s, %s (%d): %d, band %d-%d\n", md(a.Name), g.Relationship+"s", g.Raters, g.Others, g.Low, g.High)
		}
	}
	groups := false
	for _, a := range rp.Areas {
		groups = groups || len(a.Groups) > 0
	}
	if groups {
		p("\n")
	}
}
