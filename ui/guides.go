package ui

import (
	"regexp"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
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
	hits      int
	hitLines  []int // rendered lines holding a hit, in order
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
	g.query, g.hits, g.hitLines = "", 0, nil
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
			g.highlight(m)
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
			g.query, g.hits, g.hitLines = "", 0, nil
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

// highlight finds every line of the rendered guide holding the query and
// shows the first hit at or below the current position.
func (g *guidesModel) highlight(m *session) {
	g.hits, g.hitLines, g.hit = 0, nil, 0
	if g.query == "" || !g.ready {
		return
	}
	re, err := regexp.Compile("(?i)" + regexp.QuoteMeta(g.query))
	if err != nil {
		return
	}
	for i, line := range strings.Split(ansi.Strip(g.vp.GetContent()), "\n") {
		if n := len(re.FindAllStringIndex(line, -1)); n > 0 {
			g.hits += n
			g.hitLines = append(g.hitLines, i)
		}
	}
	if g.hits == 0 {
		m.fail("no match for \"" + g.query + "\"")
		return
	}
	first := 0
	for i, l := range g.hitLines {
		if l >= g.vp.YOffset() {
			first = i
			break
		}
	}
	g.jump(first)
}

// jump scrolls to hit i (wrapping round), keeping two lines of context.
func (g *guidesModel) jump(i int) {
	if len(g.hitLines) == 0 {
		return
	}
	g.hit = (i + len(g.hitLines)) % len(g.hitLines)
	g.vp.SetYOffset(max(g.hitLines[g.hit]-2, 0))
}

// gutter puts a one-column margin before the lines on show, with ▸ beside
// the line of the search hit on show, so the hit can be found on a screen
// (the last hits of a guide share its last screen).
func (g *guidesModel) gutter(t Theme, body string) string {
	mark := -1
	if g.query != "" && len(g.hitLines) > 0 {
		mark = g.hitLines[g.hit] - g.vp.YOffset()
	}
	lines := strings.Split(body, "\n")
	for i, l := range lines {
		if i == mark {
			lines[i] = t.Accent.Render("▸") + l
		} else {
			lines[i] = " " + l
		}
	}
	return strings.Join(lines, "\n")
}

// resize asks for the rendering that fits the window now.
func (g *guidesModel) resize(m *session) tea.Cmd {
	if m.state != stateReader {
		return nil
	}
	w := max(m.width-2, 20)
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
		g.highlight(m)
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
	pct := int(g.vp.ScrollPercent() * 100)
	info := itoa(pct) + "%"
	switch {
	case g.query != "" && len(g.hitLines) == 0:
		info = "no hits for \"" + g.query + "\" · " + info
	case g.query != "":
		info = itoa(g.hits) + " hits for \"" + g.query + "\" (▸ line " + itoa(g.hit+1) + " of " + itoa(len(g.hitLines)) + ") · " + info
	}
	head := spread(t.Title.Render(gd.Title), t.Subtle.Render(info), w)
	body := g.gutter(t, window(g.lines, g.vp.YOffset(), max(h-2, 1)))
	if !g.ready {
		body = t.Subtle.Render("rendering...")
	}
	foot := ""
	if g.searching {
		foot = g.search.View()
	}
	return head + "\n" + body + "\n" + foot
}
