package ui

import (
	"image/color"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
)

func sgr(c color.Color) string {
	s := lipgloss.NewStyle().Foreground(c).Render("x")
	return s[:strings.Index(s, "x")]
}

// The bars' empty track is drawn in the theme's own colour (not the same
// grey on dark and light); the help line's separators stay visible when a
// 16-colour terminal rounds them; the active tab shows without any colour
// or attribute.
func TestColoursHoldOnEveryTerminal(t *testing.T) {
	dark, light := NewTheme(true), NewTheme(false)
	if sgr(dark.BarEmpty) == sgr(light.BarEmpty) {
		t.Fatal("the empty-bar colour is the same in both themes")
	}
	for _, th := range []string{"dark", "light"} {
		d := questionDriver(t, th, 80, 24)
		if !strings.Contains(d.app.View().Content, sgr(d.app.theme.BarEmpty)) {
			t.Errorf("%s: the question's progress track is not in the theme's empty-bar colour", th)
		}
		d = showResults(t, 80, 24)
		d.app.setTheme(th == "dark")
		d.app.results.layout(&d.app.session)
		d.keys("2")
		if !strings.Contains(d.app.View().Content, sgr(d.app.theme.BarEmpty)) {
			t.Errorf("%s: the readiness bars' track is not in the theme's empty-bar colour", th)
		}
	}
	for name, th := range map[string]Theme{"dark": dark, "light": light} {
		for what, st := range map[string]lipgloss.Style{"separator": th.Help.ShortSeparator, "description": th.Help.ShortDesc, "key": th.Help.ShortKey} {
			got := colorprofile.ANSI.Convert(st.GetForeground())
			invisible := ansi.Black
			if name == "light" {
				invisible = ansi.BrightWhite
			}
			if got == invisible || (name == "light" && got == ansi.White) {
				t.Errorf("%s theme: the help %s rounds to %v on a 16-colour terminal", name, what, got)
			}
		}
	}
	d := showResults(t, 80, 24)
	if !strings.Contains(d.screen(), "[1 Lean]") || strings.Contains(d.screen(), "[2 Readiness]") {
		t.Errorf("the active tab is not marked without colour:\n%s", d.screen())
	}
}
