package ui

// The help line and the full help (?), packed to fit the window.

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
)

// helpMemo is the last help drawn and what it was drawn from: most frames
// show the same keys at the same width, and packing them is a good part of
// a frame's cost.
type helpMemo struct {
	from, view string
}

func (m *App) helpView() string {
	k := m.current().keyHelp(&m.session)
	groups := [][]key.Binding{k.ShortHelp()}
	if m.full {
		groups = k.FullHelp()
	}
	var from strings.Builder
	from.WriteString(itoa(m.help.Width()))
	if m.full {
		from.WriteString(" full")
	}
	if m.theme.IsDark {
		from.WriteString(" dark")
	}
	for _, g := range groups {
		from.WriteString("\x00")
		for _, b := range g {
			h := b.Help()
			from.WriteString("\x01" + h.Key + "\x02" + h.Desc)
			if !b.Enabled() {
				from.WriteString("\x03")
			}
		}
	}
	if from.String() == m.helpMemo.from {
		return m.helpMemo.view
	}
	view := ""
	if m.full {
		view = m.fullHelpView(groups)
	} else {
		view = m.shortHelpView(groups[0])
	}
	m.helpMemo = helpMemo{from: from.String(), view: view}
	return view
}

// fullHelpView renders the full help. When its columns are too wide for
// the window, the keys are packed into fewer, longer columns instead of
// being cut off (bubbles/help would drop whole columns, quit among them).
func (m *App) fullHelpView(groups [][]key.Binding) string {
	if m.help.Width() <= 0 {
		return m.help.FullHelpView(groups)
	}
	unlimited := m.help
	unlimited.SetWidth(0)
	var all []key.Binding
	for _, g := range groups {
		all = append(all, g...)
	}
	for cols := len(groups); cols >= 1; cols-- {
		packed := groups
		if cols < len(groups) {
			per := (len(all) + cols - 1) / cols
			packed = nil
			for i := 0; i < len(all); i += per {
				packed = append(packed, all[i:min(i+per, len(all))])
			}
		}
		if view := unlimited.FullHelpView(packed); lipgloss.Width(view) <= m.help.Width() {
			return view
		}
	}
	return m.help.FullHelpView(groups)
}

// shortHelpView renders the help line. When it is too wide for the window
// and ends with the "?" key, keys before "?" are dropped until it fits, so
// the way to every other key stays on screen (bubbles/help would cut the
// line's end, "?" first).
func (m *App) shortHelpView(keys []key.Binding) string {
	line := m.help.ShortHelpView(keys)
	n := len(keys)
	if n < 2 || m.help.Width() <= 0 {
		return line
	}
	unlimited := m.help
	unlimited.SetWidth(0)
	if !slices.Contains(keys[n-1].Keys(), "?") {
		// A prompt's keys (a confirmation) are all it offers: none can
		// be dropped, so they wrap at the separators instead of being cut.
		if whole := unlimited.ShortHelpView(keys); lipgloss.Width(whole) > m.help.Width() {
			sep := m.help.Styles.ShortSeparator.Render(m.help.ShortSeparator)
			var pieces []piece
			for _, k := range keys {
				if v := unlimited.ShortHelpView([]key.Binding{k}); v != "" {
					pieces = append(pieces, piece{sep, v})
				}
			}
			return pack("", pieces, m.help.Width())
		}
		return line
	}
	for keep := n - 1; keep > 0; keep-- {
		line := unlimited.ShortHelpView(append(keys[:keep:keep], keys[n-1]))
		if lipgloss.Width(line) <= m.help.Width() {
			return line
		}
	}
	return line
}
