// Command minitea is the smallest Bubble Tea v2 program that draws a
// screen: the baseline BenchmarkStartup measures cxo's start against.
package main

import tea "charm.land/bubbletea/v2"

type model struct{}

func (model) Init() tea.Cmd { return nil }

func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(tea.KeyPressMsg); ok {
		return m, tea.Quit
	}
	return m, nil
}

func (model) View() tea.View {
	v := tea.NewView("New assessment")
	v.AltScreen = true
	return v
}

func main() {
	if _, err := tea.NewProgram(model{}).Run(); err != nil {
		panic(err)
	}
}
