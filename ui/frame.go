package ui

// The frame: the screen on show, the status and help lines, fitted to the
// window exactly, or a request for a larger window.

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/cxo-dev/cxo/model"
)

// View draws the current screen with its help line, or a request for a
// larger window when it does not fit.
func (m *App) View() tea.View {
	v := tea.NewView(model.CleanStyled(m.render())) // nothing but colour reaches the terminal
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "cxo - " + stateNames[m.state]
	return v
}

func (m *App) render() string {
	if m.width < MinWidth || m.height < MinHeight {
		return m.tooSmall()
	}
	// One column of margin each side; screens stop at the reading width
	// (as the guides and results do) however wide the window is.
	w := readingWidth(m.width - 2)
	helpView := m.helpView()
	status := ""
	if m.status != "" {
		style := m.theme.Error
		if m.statusOK {
			style = m.theme.Good
		}
		status = style.Render(wrap(m.status, w))
	}
	bodyHeight := m.height - strings.Count(helpView, "\n") - 1
	if status != "" {
		bodyHeight -= strings.Count(status, "\n") + 1
	}
	bodyHeight = max(bodyHeight, 1)
	// Lines are assembled by hand: a lipgloss render of the whole frame
	// would re-measure every cell on every keystroke.
	lines := make([]string, 0, m.height)
	lines = append(lines, strings.Split(fit(m.screen(w, bodyHeight), w, bodyHeight), "\n")...)
	if status != "" {
		lines = append(lines, strings.Split(status, "\n")...)
	}
	lines = append(lines, strings.Split(helpView, "\n")...)
	for i, l := range lines {
		lines[i] = " " + l
	}
	return fit(strings.Join(lines, "\n"), m.width, m.height)
}

func (m *App) tooSmall() string {
	msg := "Make the window larger"
	detail := "cxo needs at least 60×20; this one is " + itoa(m.width) + "×" + itoa(m.height) + ". ctrl+c quits; answers are saved."
	w := max(m.width, 1)
	// Wrapped to the window (or 48 columns), then centred as a block; on a
	// window too small even for that, the shorter forms, so what shows is
	// whole.
	block := lipgloss.NewStyle().Width(min(w, 48)).Align(lipgloss.Center)
	var text string
	for _, d := range []string{detail, "needs 60×20 · ctrl+c quits", ""} {
		text = block.Render(m.theme.Strong.Render(msg) + "\n" + m.theme.Text.Render(d))
		if d == "" {
			text = block.Render(m.theme.Strong.Render(msg))
		}
		if lipgloss.Height(text) <= max(m.height, 1) {
			break
		}
	}
	return fit(lipgloss.Place(w, max(m.height, 1), lipgloss.Center, lipgloss.Center, text), m.width, m.height)
}

func (m *App) screen(w, h int) string { return m.current().view(&m.session, w, h) }

// fit clips or pads s to exactly w×h cells so a frame never overflows the
// window, whatever a screen drew.
func fit(s string, w, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		// A line is never wider than it has bytes: most need no measuring.
		if len(l) > w && lipgloss.Width(l) > w {
			lines[i] = truncate(l, w)
		}
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}
