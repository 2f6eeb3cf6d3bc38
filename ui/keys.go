package ui

import "charm.land/bubbles/v2/key"

// keyMap holds every binding of the key contract (see README).
type keyMap struct {
	Quit      key.Binding
	ForceQuit key.Binding
	Suspend   key.Binding
	Help      key.Binding
	Back      key.Binding
	Up        key.Binding
	Down      key.Binding
	Enter     key.Binding

	New     key.Binding
	Resume  key.Binding
	History key.Binding
	Guides  key.Binding

	Answer   key.Binding
	Letter   key.Binding
	Prev     key.Binding
	Next     key.Binding
	Skip     key.Binding
	NA       key.Binding
	Guide    key.Binding
	Review   key.Binding
	Note     key.Binding
	Retry    key.Binding
	Export   key.Binding
	Compare  key.Binding
	Tab      key.Binding
	ShiftTab key.Binding
	Delete   key.Binding

	PageUp     key.Binding
	PageDown   key.Binding
	Search     key.Binding
	NextHit    key.Binding
	PrevHit    key.Binding
	Open       key.Binding
	Finish     key.Binding
	ToggleMode key.Binding
	Begin      key.Binding
	MoveAside  key.Binding
}

// keys is the key contract; screens and the flow table match against it.
var keys = newKeyMap()

func newKeyMap() keyMap {
	return keyMap{
		Quit:      key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		ForceQuit: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit (answers are saved)")),
		Suspend:   key.NewBinding(key.WithKeys("ctrl+z"), key.WithHelp("ctrl+z", "suspend")),
		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "more keys")),
		Back:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Up:        key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:      key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Enter:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "choose")),

		New:     key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "new")),
		Resume:  key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "resume")),
		History: key.NewBinding(key.WithKeys("h"), key.WithHelp("h", "history")),
		Guides:  key.NewBinding(key.WithKeys("g"), key.WithHelp("g", "guides")),

		Answer:   key.NewBinding(key.WithKeys("1", "2", "3", "4", "5"), key.WithHelp("1-5", "answer")),
		Letter:   key.NewBinding(key.WithKeys("a", "b", "c", "d"), key.WithHelp("a-d", "pick")),
		Prev:     key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "previous")),
		Next:     key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "next")),
		Skip:     key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "skip")),
		NA:       key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "not applicable")),
		Guide:    key.NewBinding(key.WithKeys("g"), key.WithHelp("g", "guide")),
		Review:   key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "review")),
		Note:     key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "evidence note")),
		Retry:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "retry save")),
		Export:   key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "export")),
		Compare:  key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "compare")),
		Tab:      key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next panel")),
		ShiftTab: key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous panel")),
		Delete:   key.NewBinding(key.WithKeys("d", "delete"), key.WithHelp("d", "delete")),

		PageUp:     key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		PageDown:   key.NewBinding(key.WithKeys("pgdown", "space"), key.WithHelp("pgdn", "page down")),
		Search:     key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search")),
		NextHit:    key.NewBinding(key.WithKeys("n"), key.WithHelp("n/N", "next/previous hit")),
		PrevHit:    key.NewBinding(key.WithKeys("N")),
		Open:       key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		Finish:     key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "finish")),
		ToggleMode: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "switch")),
		Begin:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("any key", "begin")),
		MoveAside:  key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "move aside and start fresh")),
	}
}

// screenKeys is the help.KeyMap of one screen: a short line and the full
// grouped list that ? shows.
type screenKeys struct {
	short []key.Binding
	full  [][]key.Binding
}

func (s screenKeys) ShortHelp() []key.Binding  { return s.short }
func (s screenKeys) FullHelp() [][]key.Binding { return s.full }
