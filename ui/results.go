package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/progress"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/cxo-dev/cxo/model"
	"github.com/cxo-dev/cxo/store"
)

var panels = []string{"Lean", "Readiness", "Plan", "Quality", "Peers"}

// resultsModel shows a result in panels: the lean, readiness, the plan and
// answer quality. Panel text is plain string building, cheap enough for
// Update; it is rebuilt only on open, resize, panel change or selection.
type resultsModel struct {
	panel int
	gap   int // selected gap on the plan panel
	why   bool
	// anyway shows a verdict the answer-quality checks hold back.
	anyway bool
	vp     viewport.Model
	// gapLines are the content lines where each gap starts.
	gapLines []int
	lines    []string
}

func (r *resultsModel) open(m *session) {
	r.panel, r.gap, r.anyway = 0, 0, false
	r.vp = viewport.New()
	r.layout(m)
}

// peersPanel is the index of the Peers panel in panels.
const peersPanel = 4

// show puts panel i on show from its top.
func (r *resultsModel) show(m *session, i int) {
	r.panel = i
	r.vp.GotoTop()
	r.layout(m)
}

func (r *resultsModel) layout(m *session) {
	if m.a == nil {
		return
	}
	r.vp.SetWidth(max(m.width-2, 1))
	r.vp.SetHeight(max(m.height-5, 1))
	content := r.content(m, readingWidth(m.width-2))
	r.vp.SetContent(content)
	r.lines = strings.Split(content, "\n")
}

func (r *resultsModel) key(m *session, msg tea.KeyPressMsg) (intent, tea.Cmd) {
	switch {
	case key.Matches(msg, resultsKeys.Back):
		return intent{ev: evBack}, nil
	case key.Matches(msg, resultsKeys.Tab):
		r.panel = (r.panel + 1) % len(panels)
		r.vp.GotoTop()
	case key.Matches(msg, resultsKeys.ShiftTab):
		r.panel = (r.panel + len(panels) - 1) % len(panels)
		r.vp.GotoTop()
	case key.Matches(msg, resultsKeys.Panel):
		r.panel = int(msg.String()[0] - '1')
		r.vp.GotoTop()
	case key.Matches(msg, resultsKeys.Export):
		return intent{ev: evExport}, nil
	case key.Matches(msg, resultsKeys.Invite):
		return intent{ev: evInvite}, nil
	case key.Matches(msg, resultsKeys.Import):
		return intent{ev: evImport}, nil
	case key.Matches(msg, resultsKeys.Compare):
		if !r.canCompare(m) {
			// The list may be stale (another cxo finished one since it
			// was read): read it again, then try once more.
			return stay, compareAgainCmd(m.store)
		}
		return intent{ev: evCompare}, nil
	case key.Matches(msg, resultsKeys.Guides):
		ref := ""
		if r.panel == 2 && r.gap < len(m.res.Gaps) {
			ref = m.res.Gaps[r.gap].Guide
		}
		return intent{ev: evGuides, ref: ref}, nil
	case key.Matches(msg, resultsKeys.Why):
		r.why = !r.why
	case key.Matches(msg, resultsKeys.ShowAnyway) && m.res.Held:
		r.anyway = !r.anyway
	case key.Matches(msg, resultsKeys.Review):
		return intent{ev: evReview}, nil
	case key.Matches(msg, resultsKeys.Open) && r.panel == 2 && r.gap < len(m.res.Gaps):
		return intent{ev: evGuides, ref: m.res.Gaps[r.gap].Guide}, nil
	case key.Matches(msg, resultsKeys.Up) && r.panel == 2 && len(m.res.Gaps) > 0:
		r.gap = max(r.gap-1, 0)
	case key.Matches(msg, resultsKeys.Down) && r.panel == 2 && len(m.res.Gaps) > 0:
		r.gap = min(r.gap+1, len(m.res.Gaps)-1)
	default:
		var cmd tea.Cmd
		r.vp, cmd = r.vp.Update(msg)
		return stay, cmd
	}
	r.layout(m)
	if r.panel == 2 && r.gap < len(r.gapLines) {
		r.vp.EnsureVisible(r.gapLines[r.gap], 0, 0)
	}
	return stay, nil
}

// overflows: the panel on show has more lines than the window shows.
func (r *resultsModel) overflows(m *session) bool { return len(r.lines) > max(m.height-5, 1) }

func (r *resultsModel) wheel(msg tea.MouseWheelMsg) tea.Cmd {
	var cmd tea.Cmd
	r.vp, cmd = r.vp.Update(msg)
	return cmd
}

func (r *resultsModel) view(m *session, w, h int) string {
	t := m.theme
	var tabs []string
	for i, p := range panels {
		tabs = append(tabs, t.tab(itoa(i+1)+" "+p, i == r.panel))
	}
	// The header spans the text below it, which stops at the reading
	// width, not the whole of a wide window.
	rw := min(w, readingWidth(w))
	head := spread(t.Title.Render("Results"), t.Subtle.Render(m.a.ID+" · bank "+m.res.BankVersion), rw)
	rows := max(h-3, 1)
	where := panelPosition(r.vp.YOffset(), rows, len(r.lines))
	tabLine := strings.Join(tabs, " ")
	line := withPosition(tabLine, where, t, rw)
	below := ""
	if line == tabLine && where != "" {
		// No room beside the tabs (60 columns): the position takes the
		// blank line under them, so it is never dropped.
		below = spread("", t.Subtle.Render(where), rw)
	}
	return head + "\n" + line + "\n" + below + "\n" + window(r.lines, r.vp.YOffset(), rows)
}

func (r *resultsModel) content(m *session, w int) string {
	switch r.panel {
	case 1:
		return r.readiness(m, w)
	case 2:
		return r.plan(m, w)
	case 3:
		return r.quality(m, w)
	case 4:
		return r.peers(m, w)
	}
	return r.lean(m, w)
}

func (r *resultsModel) lean(m *session, w int) string {
	t := m.theme
	res := m.res
	var b strings.Builder
	l := res.Lean
	top, held := verdictBlock(t, m.bank, m.a, res, r.anyway, w)
	b.WriteString(top)
	if held {
		return b.String()
	}
	b.WriteString(leanBar(t, l.Score, l.Low, l.High, w) + "\n")
	b.WriteString(wrap(t.Subtle.Render("The band shows the spread of your own answers: the wider it is, the more your answers pulled both ways. A verdict is given only when the whole band sits on one side."), w) + "\n\n")
	for _, s := range res.Facets {
		f, _ := m.bank.Facet(s.ID)
		b.WriteString(t.Strong.Render(s.Name) + t.Subtle.Render("  ("+itoa(s.N)+" answers)") + "\n")
		if s.N == 0 {
			b.WriteString(t.Subtle.Render("  no answers") + "\n\n")
			continue
		}
		b.WriteString(leanBar(t, 2*s.Score-100, 2*s.Low-100, 2*s.High-100, w) + "\n")
		// The poles sit under the ends of the bar, which stops growing at
		// leanBarWidth however wide the window is.
		b.WriteString(spread(t.Subtle.Render("CTO: "+f.CTO), t.Subtle.Render("CIO: "+f.CIO), min(w, leanBarWidth(w))) + "\n")
		b.WriteString(movers(t, s, w))
		b.WriteString("\n")
	}
	b.WriteString(wrap(t.Subtle.Render(model.HonestSentence), w) + "\n")
	return b.String()
}

// leanBarWidth is the width of a lean bar with its "CTO " and " CIO" ends
// in a window w wide: the whole width up to 80 columns.
func leanBarWidth(w int) int { return min(max(w-8, 10), 72) + 8 }

// leanBar draws the -100..+100 lean as a bar with CTO on the left, the band
// as a heavy line and the position as a dot. The middle is always marked,
// inside the band too (a balanced verdict is exactly when the band covers
// it); only the dot itself, sitting on the middle, takes its place.
func leanBar(t Theme, score, low, high, w int) string {
	inner := leanBarWidth(w) - 8
	pos := func(v int) int { return min(max((100-v)*(inner-1)/200, 0), inner-1) }
	p, lo, hi := pos(score), pos(high), pos(low)
	mid := pos(0)
	var b strings.Builder
	for i := 0; i < inner; i++ {
		switch {
		case i == p:
			b.WriteString(t.Strong.Render("●"))
		case i == mid && i >= lo && i <= hi:
			b.WriteString(t.Strong.Render("╋"))
		case i == mid:
			b.WriteString(t.Subtle.Render("┼"))
		case i >= lo && i <= hi:
			b.WriteString(t.Accent.Render("━"))
		default:
			b.WriteString(t.Subtle.Render("─"))
		}
	}
	return lipgloss.NewStyle().Foreground(t.CTO).Bold(true).Render("CTO ") + b.String() + lipgloss.NewStyle().Foreground(t.CIO).Bold(true).Render(" CIO")
}

// movers lists every answer a score rests on, each with its value on the
// score's scale, under a line saying what those numbers are.
func movers(t Theme, s model.Score, w int) string {
	if len(s.Movers) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(indent(wrap(t.Subtle.Render(model.WhyLegend(s)), w-4), 2) + "\n")
	for _, mv := range s.Movers {
		line := "  " + pad(itoa(model.AnswerValue(s, mv)), 4) + "  " + mv.Answer + " ← " + mv.Text
		b.WriteString(hanging(t.Subtle.Render(line), w, 8) + "\n") // wrapped under the answer, not cut
	}
	return b.String()
}

func (r *resultsModel) readiness(m *session, w int) string {
	t := m.theme
	res := m.res
	var b strings.Builder
	// Names are never cut: the bars shrink first (to 10 cells), and the
	// band column shows whenever the bar keeps 12 cells beside it. Bars
	// stop at 60 cells, where longer ones would only stretch the same
	// information.
	nameW := 0
	for _, s := range append(append([]model.Score{}, res.Readiness...), res.Foundations...) {
		nameW = max(nameW, lipgloss.Width(s.Name))
	}
	nameW = min(nameW, max(w-24, 12))
	bandW, bandNote := len("  band 100-100"), " The band is the range the spread of your answers allows."
	if w-nameW-14-bandW < 12 {
		bandW, bandNote = 0, ""
	}
	b.WriteString(wrap(t.Subtle.Render("Scores run 0-100 from your anchored ratings; ▲ marks "+rulerLabel(res)+" and ! a score below it; under each, both roles' levels and how the score stands against each."+bandNote+" Press w to show or hide the answers behind each score."), w) + "\n\n")
	barW := min(max(w-nameW-14-bandW, 10), 60)
	bar := progress.New(progress.WithWidth(barW), progress.WithoutPercentage(), progress.WithColors(t.BarFill), progress.WithFillCharacters('█', '░'))
	bar.EmptyColor = t.BarEmpty // the track in the theme's colour, not bubbles' grey
	group := ""
	for _, s := range append(append([]model.Score{}, res.Readiness...), res.Foundations...) {
		g := model.GroupTitle(s.Group)
		if g != group {
			group = g
			b.WriteString(t.Title.Render(g) + "\n")
		}
		f, _ := m.bank.Facet(s.ID)
		expect := model.ExpectFor(f, res.Target)
		// A name longer than its column wraps within it: its bar stays on
		// the first line, the rest of the name under it.
		names := strings.Split(wrap(s.Name, nameW), "\n")
		name := names[0] + strings.Repeat(" ", max(nameW-lipgloss.Width(names[0]), 0))
		more := ""
		for _, n := range names[1:] {
			more += t.Text.Render(n) + "\n"
		}
		if s.N == 0 {
			b.WriteString(hanging(t.Text.Render(name)+"  "+t.Subtle.Render(model.UnratedWords(s.NoOpportunity)), w, nameW+2) + "\n" + more)
			continue
		}
		score := itoa(s.Score)
		mark := t.Good.Render(" ")
		if s.Score < expect {
			mark = t.Warn.Render("!")
		}
		b.WriteString(t.Text.Render(name) + "  " + bar.ViewAs(float64(s.Score)/100) + " " + mark + t.Strong.Render(pad(score, 3)) + t.Subtle.Render(" ▲"+itoa(expect)+band(s, bandW)) + "\n" + more)
		if lv := bothLevels(s); lv != "" {
			// Wrapped between the roles: a level stays with its role.
			var ps []piece
			for _, l := range strings.Split(lv, " · ") {
				ps = append(ps, piece{t.Subtle.Render(" · "), t.Subtle.Render(l)})
			}
			b.WriteString(indent(pack(t.Subtle.Render("expected (cxo's judgement): "), ps, w-2), 2) + "\n")
		}
		if r.why {
			if f.Reason != "" {
				b.WriteString(indent(wrap(t.Subtle.Render("why these levels: "+f.Reason), w-4), 4) + "\n")
			}
			b.WriteString(movers(t, s, w))
		}
	}
	return b.String()
}

// band is a score's band as text, when there is room (w > 0).
func band(s model.Score, w int) string {
	if w == 0 {
		return ""
	}
	return "  band " + itoa(s.Low) + "-" + itoa(s.High)
}

func (r *resultsModel) plan(m *session, w int) string {
	t := m.theme
	res := m.res
	var b strings.Builder
	lines := 0
	write := func(s string) {
		b.WriteString(s)
		lines += strings.Count(s, "\n")
	}
	write(t.Title.Render("Strengths") + t.Subtle.Render("  against "+res.TargetLabel()) + "\n")
	if len(res.Strengths) == 0 {
		write(indent(wrap(t.Subtle.Render("none stands clearly above "+res.TargetLabel()+" yet"), w-2), 2) + "\n")
	}
	for _, s := range res.Strengths {
		// The point is wrapped under the name, never cut.
		write(indent(hanging(t.Good.Render("+ "+s.Name+bandWord(s.Band)), w-2, 2), 2) + "\n")
		if s.Why != "" {
			write(indent(wrap(t.Subtle.Render(model.Sentence(s.Why)), w-4), 4) + "\n")
		}
	}
	heading := []piece{{"", t.Title.Render("Gaps and plan")}}
	if len(res.Gaps) > 0 { // the keys only where there is a gap to choose
		heading = append(heading, piece{"  ", t.Subtle.Render("↑/↓ choose · enter reads the guide section")})
	}
	write("\n" + pack("", heading, w) + "\n")
	write(evidenceStep(t, res, w))
	if len(res.Gaps) == 0 {
		areas := append(append([]model.Score{}, res.Readiness...), res.Foundations...)
		write(indent(wrap(t.Subtle.Render(model.NoGapsWords(areas, res.Target)), w-2), 2) + "\n")
	}
	r.gapLines = r.gapLines[:0]
	planFor := map[string]model.PlanStep{}
	for _, p := range res.Plan {
		planFor[p.FacetID] = p
	}
	for i, g := range res.Gaps {
		r.gapLines = append(r.gapLines, lines)
		mark := "  "
		name := t.Warn.Render("- " + g.Name)
		if i == r.gap {
			mark = t.Selected.Render("▸ ")
			name = t.Selected.Render("- " + g.Name)
		}
		write(hanging(mark+name+t.Subtle.Render(bandWord(g.Band)+planSlot(res, g.FacetID)), w, 4) + "\n")
		write(indent(wrap(t.Subtle.Render(model.Sentence(g.Why)), w-4), 4) + "\n")
		if p, ok := planFor[g.FacetID]; ok {
			for _, a := range p.Actions {
				write(bullet(t.Text, a, w, 6) + "\n")
			}
			write(indent(hanging(t.Accent.Render("read: "+guideTitle(m.bank, g.Guide)), w-6, 6), 6) + "\n")
		}
	}
	write(chancesToSeek(t, res, w))
	return b.String()
}

func (r *resultsModel) quality(m *session, w int) string {
	t := m.theme
	res := m.res
	var b strings.Builder
	b.WriteString(t.Title.Render("Answer quality") + "\n")
	if len(res.Flags) == 0 {
		b.WriteString(indent(wrap(t.Good.Render("No answer-quality flags were raised."), w-2), 2) + "\n")
	}
	for _, f := range res.Flags {
		b.WriteString(indent(wrap(t.Warn.Render(model.FlagTitle(f.Code)), w-2), 2) + "\n" + indent(wrap(t.Text.Render(f.Message), w-4), 4) + "\n")
	}
	if len(res.Flags) > 0 {
		b.WriteString("\n" + indent(wrap(t.Subtle.Render("Press v to review your answers; finish again to update the result."), w-2), 2) + "\n")
	}
	b.WriteString("\n" + t.Subtle.Render(indent(wrap(m.a.Tally().Words(), w-2), 2)) + "\n")
	if res.Unscored > 0 {
		b.WriteString(indent(wrap(t.Subtle.Render(itoa(res.Unscored)+" answers kept for items no longer in the bank (not scored)"), w-2), 2) + "\n")
	}
	b.WriteString("\n" + wrap(t.Strong.Render(model.HonestSentence), w) + "\n")
	return b.String()
}

func guideTitle(b *model.Bank, ref string) string {
	name, slug := model.SplitRef(ref)
	g, ok := b.Guide(name)
	if !ok {
		return ref
	}
	if s, ok := g.Section(slug); ok {
		return g.Title + " › " + s.Title
	}
	return g.Title
}

func indent(s string, n int) string {
	pad := strings.Repeat(" ", n)
	return pad + strings.ReplaceAll(s, "\n", "\n"+pad)
}

func pad(s string, n int) string {
	for len(s) < n {
		s = " " + s
	}
	return s
}

// compareAgainMsg is the list of assessments read afresh, for compare to
// try once more.
type compareAgainMsg struct{ listLoadedMsg }

func compareAgainCmd(s *store.Store) tea.Cmd {
	load := loadListCmd(s)
	return func() tea.Msg { return compareAgainMsg{load().(listLoadedMsg)} }
}

// canCompare reports whether another finished assessment is in the list.
func (r *resultsModel) canCompare(m *session) bool {
	for _, s := range m.list {
		if s.Status == model.StatusFinished && s.ID != m.a.ID {
			return true
		}
	}
	return false
}

// compareAgain is compare after the list was read again.
func (r *resultsModel) compareAgain(m *session) (intent, tea.Cmd) {
	if m.state != stateResults {
		return stay, nil
	}
	if !r.canCompare(m) {
		m.fail("nothing to compare with yet: finish another assessment first")
		return stay, nil
	}
	return intent{ev: evCompare}, nil
}
