package ui

import "charm.land/bubbles/v2/key"

// screenKeys returns the help of the screen on show, so the help line only
// ever lists keys that do something here.
func (m *App) screenKeys() screenKeys {
	k := keys
	quit := []key.Binding{k.Help, k.Quit}
	switch m.state {
	case stateHome:
		// r is offered only when there is something to resume.
		jumps := []key.Binding{k.New, k.History, k.Guides}
		if m.newestOpen() != "" {
			jumps = []key.Binding{k.New, k.Resume, k.History, k.Guides}
		}
		return screenKeys{
			short: append(append([]key.Binding{k.Up, k.Down, k.Enter}, jumps...), k.Quit, k.Help),
			full:  [][]key.Binding{{k.Up, k.Down, k.Enter}, jumps, {k.Help, k.Quit, k.ForceQuit, k.Suspend}},
		}
	case stateNew:
		change := key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("←/→", "change"))
		start := key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "start"))
		return screenKeys{
			short: []key.Binding{k.Up, k.Down, change, start, k.Back, k.Help},
			full:  [][]key.Binding{{k.Up, k.Down, change, start}, {k.Back, k.Quit, k.ForceQuit}},
		}
	case stateIntro:
		begin := key.NewBinding(key.WithKeys("enter"), key.WithHelp("any key", "begin"))
		return screenKeys{
			short: []key.Binding{begin, k.Prev, k.Guide, k.Review, k.Back, k.Help},
			full:  [][]key.Binding{{begin, k.Prev}, {k.Guide, k.Review}, {k.Back, k.Quit, k.ForceQuit}},
		}
	case stateQuestion:
		if m.question.noting {
			save := key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "save note"))
			cancel := key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel"))
			return screenKeys{short: []key.Binding{save, cancel}, full: [][]key.Binding{{save, cancel}}}
		}
		if p := m.question.pending; p != nil && p.err != nil {
			return screenKeys{short: []key.Binding{k.Retry, k.Back, k.ForceQuit}, full: [][]key.Binding{{k.Retry, k.Back, k.ForceQuit}}}
		}
		it := m.question.item(&m.session)
		answer := k.Answer
		if n := it.Levels(); n < 5 {
			answer = key.NewBinding(key.WithKeys("1"), key.WithHelp("1-"+itoa(n)+"/a-"+string(rune('a'+n-1)), "pick"))
		}
		move := key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("←/→", "move"))
		na := key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "n/a"))
		more := key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "more"))
		short := []key.Binding{answer, move, k.Skip}
		if it.NA {
			short = append(short, na)
		}
		short = append(short, k.Guide, k.Review, more)
		return screenKeys{
			short: short,
			full: [][]key.Binding{{answer, k.Up, k.Down, k.Enter}, {k.Prev, k.Next, k.Skip, k.NA},
				{k.Guide, k.Review, k.Note}, {k.Back, k.Quit, k.ForceQuit}},
		}
	case stateReview:
		jump := key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "answer this one"))
		return screenKeys{
			short: []key.Binding{k.Up, k.Down, jump, k.Finish, k.Back, k.Help},
			full:  [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown}, {jump, k.Finish}, {k.Back, k.Quit, k.ForceQuit}},
		}
	case stateResults:
		why := key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "why"))
		panel := key.NewBinding(key.WithKeys("1", "2", "3", "4"), key.WithHelp("1-4", "panel"))
		scroll := key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "scroll"))
		// The panel's own keys come first: a narrow help line drops keys
		// from the end (but "?").
		short := []key.Binding{k.Tab}
		if m.results.panel == 1 {
			short = append(short, why)
		}
		if m.results.panel == 3 && len(m.res.Flags) > 0 {
			short = append(short, k.Review)
		}
		short = append(short, k.Export, k.Compare, k.Guides, scroll, k.Back, k.Help)
		return screenKeys{
			short: short,
			full:  [][]key.Binding{{k.Tab, k.ShiftTab, panel, scroll}, {k.Export, k.Compare, k.Guides, why, k.Review}, {k.Back, k.Quit, k.ForceQuit}},
		}
	case stateExport:
		write := key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "write"))
		return screenKeys{short: []key.Binding{write, k.Back, k.ForceQuit}, full: [][]key.Binding{{write, k.Back, k.ForceQuit}}}
	case stateGuides:
		return screenKeys{
			short: []key.Binding{k.Up, k.Down, k.Open, k.Back, k.Help},
			full:  [][]key.Binding{{k.Up, k.Down, k.Open}, {k.Back, k.Quit, k.ForceQuit}},
		}
	case stateReader:
		if m.guides.searching {
			find := key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "find"))
			cancel := key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel"))
			return screenKeys{short: []key.Binding{find, cancel}, full: [][]key.Binding{{find, cancel}}}
		}
		scroll := key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "scroll"))
		return screenKeys{
			short: []key.Binding{scroll, k.PageDown, k.Search, k.NextHit, k.Back, k.Help},
			full:  [][]key.Binding{{scroll, k.PageUp, k.PageDown}, {k.Search, k.NextHit}, {k.Back, k.Quit, k.ForceQuit}},
		}
	case stateDamaged:
		move := key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "move aside and start fresh"))
		if m.damaged.canFix {
			return screenKeys{short: []key.Binding{move, k.Quit}, full: [][]key.Binding{{move, k.Quit, k.ForceQuit}}}
		}
		return screenKeys{short: []key.Binding{k.Quit}, full: [][]key.Binding{{k.Quit, k.ForceQuit}}}
	case stateCompare:
		scroll := key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "scroll"))
		return screenKeys{short: []key.Binding{scroll, k.Back, k.Quit, k.Help}, full: [][]key.Binding{{scroll, k.Back, k.Quit, k.ForceQuit}}}
	case stateHistory:
		if m.history.compareWith != "" {
			pick := key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "compare"))
			return screenKeys{short: []key.Binding{k.Up, k.Down, pick, k.Back, k.Help}, full: [][]key.Binding{{k.Up, k.Down, pick}, {k.Back, k.Quit, k.ForceQuit}}}
		}
		return screenKeys{
			short: []key.Binding{k.Up, k.Down, k.Open, k.Delete, k.Back, k.Help},
			full:  [][]key.Binding{{k.Up, k.Down, k.Open, k.Delete}, {k.Back, k.Quit, k.ForceQuit}},
		}
	}
	return screenKeys{short: quit, full: [][]key.Binding{quit}}
}
