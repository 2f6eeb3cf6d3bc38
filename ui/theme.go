package ui

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"
)

// Theme holds every style the screens use, built once per background.
// Colour is chosen here only; the renderer drops it under NO_COLOR while
// bold and layout stay.
type Theme struct {
	IsDark bool

	Title    lipgloss.Style
	Subtle   lipgloss.Style
	Text     lipgloss.Style
	Strong   lipgloss.Style
	Accent   lipgloss.Style
	Selected lipgloss.Style
	Chosen   lipgloss.Style
	Key      lipgloss.Style
	Error    lipgloss.Style
	Warn     lipgloss.Style
	Good     lipgloss.Style
	TabOn    lipgloss.Style
	TabOff   lipgloss.Style
	// Match marks a search hit in the reader; MatchOn the hit on show.
	// Neither needs colour to be seen.
	Match   lipgloss.Style
	MatchOn lipgloss.Style

	CTO      color.Color
	CIO      color.Color
	BarFill  color.Color
	BarEmpty color.Color
	Help     help.Styles
	// Glamour is the glamour standard style that matches the background.
	Glamour string
}

// NewTheme builds the styles for a dark or light background.
func NewTheme(isDark bool) Theme {
	ld := lipgloss.LightDark(isDark)
	accent := ld(lipgloss.Color("#5A3FD9"), lipgloss.Color("#B8A6FF"))
	subtle := ld(lipgloss.Color("#6B6B6B"), lipgloss.Color("#9A9A9A"))
	text := ld(lipgloss.Color("#1F1F1F"), lipgloss.Color("#E4E4E4"))
	t := Theme{
		IsDark:   isDark,
		Title:    lipgloss.NewStyle().Bold(true).Foreground(accent),
		Subtle:   lipgloss.NewStyle().Foreground(subtle),
		Text:     lipgloss.NewStyle().Foreground(text),
		Strong:   lipgloss.NewStyle().Bold(true).Foreground(text),
		Accent:   lipgloss.NewStyle().Foreground(accent),
		Selected: lipgloss.NewStyle().Bold(true).Foreground(accent),
		Chosen:   lipgloss.NewStyle().Bold(true).Foreground(ld(lipgloss.Color("#0B7A3E"), lipgloss.Color("#6EE7A8"))),
		Key:      lipgloss.NewStyle().Bold(true).Foreground(accent),
		Error:    lipgloss.NewStyle().Bold(true).Foreground(ld(lipgloss.Color("#B00020"), lipgloss.Color("#FF7A8A"))),
		Warn:     lipgloss.NewStyle().Foreground(ld(lipgloss.Color("#8A5A00"), lipgloss.Color("#FFC857"))),
		Good:     lipgloss.NewStyle().Foreground(ld(lipgloss.Color("#0B7A3E"), lipgloss.Color("#6EE7A8"))),
		TabOn:    lipgloss.NewStyle().Bold(true).Underline(true).Foreground(accent),
		TabOff:   lipgloss.NewStyle().Foreground(subtle).Padding(0, 1),
		Match:    lipgloss.NewStyle().Underline(true).Bold(true),
		MatchOn:  lipgloss.NewStyle().Reverse(true).Bold(true),
		CTO:      ld(lipgloss.Color("#C2410C"), lipgloss.Color("#FDBA74")),
		CIO:      ld(lipgloss.Color("#1D4ED8"), lipgloss.Color("#93C5FD")),
		BarFill:  accent,
		BarEmpty: ld(lipgloss.Color("#D4D4D4"), lipgloss.Color("#3A3A3A")),
		Help:     helpStyles(subtle, text),
		Glamour:  "light",
	}
	if isDark {
		t.Glamour = "dark"
	}
	return t
}

// helpStyles are the help line's colours: the theme's own grey and text,
// which stay visible when a 16-colour terminal (TERM=xterm) rounds them;
// bubbles' default separators there round to black.
func helpStyles(subtle, text color.Color) help.Styles {
	key := lipgloss.NewStyle().Foreground(text).Bold(true)
	desc := lipgloss.NewStyle().Foreground(subtle)
	return help.Styles{ShortKey: key, ShortDesc: desc, ShortSeparator: desc, Ellipsis: desc,
		FullKey: key, FullDesc: desc, FullSeparator: desc}
}

// tab draws one of the results' panel tabs. The active one is bracketed,
// so it stands out where no colour or attribute reaches the screen
// (TERM=dumb, NO_COLOR), and is styled whole, its digit and name alike.
func (t Theme) tab(label string, on bool) string {
	if on {
		return t.TabOn.Render("[" + label + "]")
	}
	return t.TabOff.Render(label)
}
