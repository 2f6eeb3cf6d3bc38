package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

func readerWith(t *testing.T, query string) *driver {
	t.Helper()
	d := newDriver(t, testStore(t), Start{Theme: "dark"}, 100, 30)
	d.keys("g", "enter")
	if d.app.state != stateReader {
		t.Fatal("enter did not open a guide")
	}
	if query != "" {
		d.keys("/")
		for _, r := range query {
			d.keys(string(r))
		}
		d.keys("enter")
	}
	return d
}

// Home/End and g/G go to the guide's top and bottom.
func TestReaderTopAndBottom(t *testing.T) {
	d := readerWith(t, "")
	for _, k := range []tea.KeyPressMsg{{Code: tea.KeyEnd}, keyMsg("G")} {
		d.app.guides.vp.GotoTop()
		d.send(k)
		if !d.app.guides.vp.AtBottom() || d.app.guides.vp.YOffset() == 0 {
			t.Errorf("%s did not go to the bottom (offset %d)", k, d.app.guides.vp.YOffset())
		}
		if !strings.Contains(d.screen(), "▲ lines") {
			t.Errorf("%s: the header does not say more lies above:\n%s", k, d.screen())
		}
	}
	for _, k := range []tea.KeyPressMsg{{Code: tea.KeyHome}, keyMsg("g")} {
		d.app.guides.vp.GotoBottom()
		d.send(k)
		if d.app.guides.vp.YOffset() != 0 {
			t.Errorf("%s did not go to the top (offset %d)", k, d.app.guides.vp.YOffset())
		}
	}
}

// The match itself is highlighted (the hit on show differently from the
// others), the count is of hits, not lines, and a resize keeps the hit.
func TestReaderHighlightsAndCountsHits(t *testing.T) {
	d := readerWith(t, "budget")
	g := &d.app.guides
	n := len(g.hits)
	if n < 3 {
		t.Fatalf("want a query with several hits, got %d", n)
	}
	raw := d.app.View().Content
	on := d.app.theme.MatchOn.Render("x")
	onStart := on[:strings.Index(on, "x")]
	found := false
	for _, l := range strings.Split(raw, "\n") {
		if i := strings.Index(l, onStart); i >= 0 {
			rest := ansi.Strip(l[i+len(onStart):])
			if strings.HasPrefix(strings.ToLower(rest), "budget") {
				found = true
			}
		}
	}
	if !found {
		t.Errorf("the hit on show is not highlighted:\n%q", raw)
	}
	if !strings.Contains(d.screen(), "hit 1 of "+itoa(n)+" for \"budget\"") || strings.Contains(d.screen(), " line ") {
		t.Errorf("the count mixes hits and lines:\n%s", d.screen())
	}
	d.keys("n", "n")
	if g.hit != 2 {
		t.Fatalf("n n: hit %d, want 2", g.hit)
	}
	d.send(tea.WindowSizeMsg{Width: 70, Height: 24})
	if g.hit != 2 || !strings.Contains(d.screen(), "hit 3 of ") {
		t.Errorf("a resize moved the current hit to %d:\n%s", g.hit, d.screen())
	}
	line := g.hits[g.hit].line
	if line < g.vp.YOffset() || line >= g.vp.YOffset()+g.vp.Height() {
		t.Errorf("after the resize the hit on show (line %d) is off screen (offset %d)", line, g.vp.YOffset())
	}

	d = readerWith(t, "zzqq")
	if !strings.Contains(d.screen(), "no hits for \"zzqq\"") {
		t.Errorf("no-hit header:\n%s", d.screen())
	}
	var one string
	for _, w := range strings.Fields(ansi.Strip(strings.Join(d.app.guides.lines, " "))) {
		w = strings.ToLower(strings.Trim(w, ".,;:()*\"'"))
		if len(w) > 9 && strings.Count(strings.ToLower(ansi.Strip(strings.Join(d.app.guides.lines, "\n"))), w) == 1 {
			one = w
			break
		}
	}
	if one == "" {
		t.Skip("no word occurs once in the guide")
	}
	d = readerWith(t, one)
	if !strings.Contains(d.screen(), "1 hit for") || strings.Contains(d.screen(), "1 hits") {
		t.Errorf("one hit is not singular (%q):\n%s", one, d.screen())
	}
}
