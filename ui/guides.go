package ui

import (
	"regexp"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/cxo-dev/cxo/assets"
	"github.com/cxo-dev/cxo/model"
)

// guidesModel is the list of guides and the reader: a viewport of the
// guide as glamour rendered it ahead of time, with search. A rendering is
// unpacked in a command (assets keeps each one it unpacks), so the reader
// never stalls input.
type guidesModel struct {
	guides  []model.Guide
	cursor  int
	current int // guide open in the reader
	section string
	vp      viewport.Model
	want    renderKey // the rendering the reader is waiting for
	have    renderKey // the rendering on show
	ready   bool
	placed  bool // the guide on show has been positioned once (at its section)

	searching bool
	search    textinput.Model
	query     string
	hits      []hit // every match, in reading order
	hit       int   // the hit on show
	lines     []string
}

func newGuidesModel(b *model.Bank) guidesModel {
	return guidesModel{guides: b.Guides, vp: viewport.New()}
}

// find is the guide a ref ("guide#section") names, and the section.
func (g *guidesModel) find(ref string) (int, string, bool) {
	name, slug := model.SplitRef(ref)
	for i, gd := range g.guides {
		if ref != "" && gd.Name == name {
			return i, slug, true
		}
	}
	return 0, "", false
}

// read opens guide i in the reader, at a section when one is named.
func (g *guidesModel) read(m *session, i int, section string) tea.Cmd {
	g.cursor = i
	g.current, g.section = i, section
	g.placed, g.lines, g.ready = false, nil, false
	g.query, g.hits, g.hit = "", nil, 0
	return g.resize(m)
}

func (g *guidesModel) key(m *session, msg tea.KeyPressMsg) (intent, tea.Cmd) {
	if m.state == stateGuides {
		switch {
		case key.Matches(msg, guidesKeys.Back):
			return intent{ev: evBack}, nil
		case key.Matches(msg, guidesKeys.Up):
			g.cursor = (g.cursor + len(g.guides) - 1) % len(g.guides)
		case key.Matches(msg, guidesKeys.Down):
			g.cursor = (g.cursor + 1) % len(g.guides)
		case key.Matches(msg, guidesKeys.Open):
			return intent{ev: evRead, index: g.cursor}, nil
		case key.Matches(msg, guidesKeys.Number):
			if i := int(msg.String()[0] - '1'); i < len(g.guides) {
				return intent{ev: evRead, index: i}, nil
			}
		}
		return stay, nil
	}
	return g.readerKey(m, msg)
}

// readerKey handles the keys of the reader and its search field; esc with
// a search on show clears the search, else leaves (see flow).
func (g *guidesModel) readerKey(m *session, msg tea.KeyPressMsg) (intent, tea.Cmd) {
	if g.searching {
		switch {
		case key.Matches(msg, readerKeys.Cancel):
			g.searching = false
		case key.Matches(msg, readerKeys.Find):
			g.searching = false
			g.query = g.search.Value()
			g.highlight(m, -1)
		default:
			var cmd tea.Cmd
			g.search, cmd = g.search.Update(msg)
			return stay, cmd
		}
		return stay, nil
	}
	switch {
	case key.Matches(msg, readerKeys.Back):
		if g.query != "" {
			g.query, g.hits = "", nil
			return stay, nil
		}
		return intent{ev: evBack}, nil
	case key.Matches(msg, readerKeys.Search):
		g.searching = true
		g.search = textinput.New()
		g.search.Prompt = "/"
		// A new search starts empty, as in less or vim.
		g.search.CursorEnd()
		return stay, g.search.Focus()
	case key.Matches(msg, readerKeys.NextHit):
		g.jump(g.hit + 1)
	case key.Matches(msg, readerKeys.PrevHit):
		g.jump(g.hit - 1)
	case key.Matches(msg, readerKeys.Top):
		g.vp.GotoTop()
	case key.Matches(msg, readerKeys.Bottom):
		g.vp.GotoBottom()
	default:
		var cmd tea.Cmd
		g.vp, cmd = g.vp.Update(msg)
		return stay, cmd
	}
	return stay, nil
}

func (g *guidesModel) wheel(msg tea.MouseWheelMsg) tea.Cmd {
	var cmd tea.Cmd
	g.vp, cmd = g.vp.Update(msg)
	return cmd
}

// hit is one match of the search: its rendered line and the cells it
// covers there.
type hit struct{ line, from, to int }

// highlight finds every match of the query in the rendered guide and shows
// hit keep (after a re-wrap: the same hit as before), or else the first
// hit at or below the current position.
//
// The matches are marked on the lines on show with lipgloss.StyleRanges,
// as the bubbles viewport's own highlights do; its SetHighlights is not
// used because it reads positions in the text without escapes against the
// styled text glamour renders, and would mark the wrong lines.
func (g *guidesModel) highlight(m *session, keep int) {
	g.hits, g.hit = nil, 0
	if g.query == "" || !g.ready {
		return
	}
	re, err := regexp.Compile("(?i)" + regexp.QuoteMeta(g.query))
	if err != nil {
		return
	}
	for i, line := range g.lines {
		plain := ansi.Strip(line)
		for _, loc := range re.FindAllStringIndex(plain, -1) {
			from := ansi.StringWidth(plain[:loc[0]])
			g.hits = append(g.hits, hit{line: i, from: from, to: from + ansi.StringWidth(plain[loc[0]:loc[1]])})
		}
	}
	if len(g.hits) == 0 {
		m.fail("no match for \"" + g.query + "\"")
		return
	}
	if keep >= 0 {
		g.jump(min(keep, len(g.hits)-1))
		return
	}
	first := 0
	for i, h := range g.hits {
		if h.line >= g.vp.YOffset() {
			first = i
			break
		}
	}
	g.jump(first)
}

// jump scrolls to hit i (wrapping round) unless it is on show already,
// keeping two lines of context above it.
func (g *guidesModel) jump(i int) {
	if len(g.hits) == 0 {
		return
	}
	g.hit = (i + len(g.hits)) % len(g.hits)
	line := g.hits[g.hit].line
	if top := g.vp.YOffset(); line < top || line >= top+g.vp.Height() {
		g.vp.SetYOffset(max(line-2, 0))
	}
}

// gutter puts a one-column margin before the lines on show, with ▸ beside
// the line of the hit on show, and marks every match on them: the hit on
// show stands out from the others.
func (g *guidesModel) gutter(t Theme, body string) string {
	top := g.vp.YOffset()
	lines := strings.Split(body, "\n")
	for i, l := range lines {
		var ranges []lipgloss.Range
		mark := " "
		for j, h := range g.hits {
			if h.line != top+i {
				continue
			}
			style := t.Match
			if j == g.hit {
				style, mark = t.MatchOn, t.Accent.Render("▸")
			}
			ranges = append(ranges, lipgloss.NewRange(h.from, h.to, style))
		}
		if len(ranges) > 0 {
			l = lipgloss.StyleRanges(l, ranges...)
		}
		lines[i] = mark + l
	}
	return strings.Join(lines, "\n")
}

// searchInfo counts hits, never lines: "hit 3 of 15", "1 hit".
func (g *guidesModel) searchInfo() string {
	q := "\"" + g.query + "\""
	switch n := len(g.hits); {
	case g.query == "":
		return ""
	case n == 0:
		return "no hits for " + q
	case n == 1:
		return "1 hit for " + q
	default:
		return "hit " + itoa(g.hit+1) + " of " + itoa(n) + " for " + q
	}
}

// resize asks for the rendering that fits the window now.
func (g *guidesModel) resize(m *session) tea.Cmd {
	if m.state != stateReader {
		return nil
	}
	w := readingWidth(m.width - 2) // the frame's width: screens stop at the reading width
	g.vp.SetWidth(w)
	g.vp.SetHeight(max(m.height-4, 1))
	// One column is kept for the gutter that marks the search hit.
	k := renderKey{guide: g.guides[g.current].Name, width: assets.RenderWidth(w - 1), style: m.theme.Glamour}
	g.want = k
	if g.ready && k == g.have {
		return nil // on show already
	}
	// Until it arrives the reader shows what it has (or "rendering...").
	return renderCmd(k)
}

// restyle re-renders after the theme changed.
func (g *guidesModel) restyle(m *session) tea.Cmd { return g.resize(m) }

func (g *guidesModel) rendered(m *session, msg renderedMsg) {
	if msg.key != g.want {
		return // an older size or style; a newer rendering is on its way
	}
	if msg.err != nil {
		g.show(m, g.guides[g.current].Markdown)
		m.fail("could not style the guide: " + msg.err.Error())
		return
	}
	g.have = msg.key
	g.show(m, msg.content)
}

func (g *guidesModel) show(m *session, content string) {
	g.ready = true
	// A new width wraps the guide anew: keep the reader at the same point
	// of the text (the same fraction of it, or the end), not the same line
	// number.
	atEnd := g.placed && g.vp.AtBottom() && g.vp.YOffset() > 0
	frac := 0.0
	if old := len(g.lines); g.placed && old > 0 {
		frac = float64(g.vp.YOffset()) / float64(old)
	}
	g.vp.SetContent(content)
	g.lines = strings.Split(content, "\n")
	switch {
	case !g.placed:
		g.placed = true
		g.vp.SetYOffset(0)
		if g.section != "" {
			g.vp.SetYOffset(sectionLine(content, g.guides[g.current], g.section))
		}
	case atEnd:
		g.vp.GotoBottom()
	default:
		g.vp.SetYOffset(int(frac*float64(len(g.lines)) + 0.5))
	}
	if g.query != "" {
		g.highlight(m, g.hit) // the same hit as before the re-wrap
	}
}

// sectionLine finds the rendered line where a section's heading starts.
func sectionLine(rendered string, gd model.Guide, slug string) int {
	s, ok := gd.Section(slug)
	if !ok {
		return 0
	}
	for i, line := range strings.Split(ansi.Strip(rendered), "\n") {
		if strings.Contains(line, s.Title) && strings.Contains(line, "##") || strings.TrimSpace(line) == s.Title {
			return i
		}
	}
	for i, line := range strings.Split(ansi.Strip(rendered), "\n") {
		if strings.Contains(line, s.Title) {
			return i
		}
	}
	return 0
}

func (g *guidesModel) view(m *session, w, h int) string {
	t := m.theme
	if m.state == stateGuides {
		var b strings.Builder
		b.WriteString(t.Title.Render("Guides") + "\n\n")
		for i, gd := range g.guides {
			mark := "  "
			style := t.Text
			if i == g.cursor {
				mark, style = t.Selected.Render("▸ "), t.Selected
			}
			b.WriteString(mark + t.Key.Render(itoa(i+1)) + "  " + style.Render(gd.Title) + t.Subtle.Render("  cxo guide "+gd.Name) + "\n")
		}
		b.WriteString("\n" + wrap(t.Subtle.Render("Written for cxo from two sources: a general description of the CTO role and a short 2015 essay comparing the CIO and the CTO. Where they disagree, the guides say so."), w))
		return b.String()
	}
	gd := g.guides[g.current]
	rows := max(h-2, 1)
	info := panelPosition(g.vp.YOffset(), rows, len(g.lines))
	if s := g.searchInfo(); s != "" {
		info = s + " · " + info
	}
	head := spread(t.Title.Render(gd.Title), t.Subtle.Render(strings.TrimSuffix(info, " · ")), w)
	body := g.gutter(t, window(g.lines, g.vp.YOffset(), rows))
	if !g.ready {
		body = t.Subtle.Render("rendering...")
	}
	foot := ""
	if g.searching {
		foot = g.search.View()
	}
	return head + "\n" + body + "\n" + foot
}
