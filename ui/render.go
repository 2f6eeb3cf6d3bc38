package ui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/cxo-dev/cxo/assets"
)

// renderKey identifies one rendering of a guide.
type renderKey struct {
	guide string
	width int
	style string
}

type renderedMsg struct {
	key     renderKey
	content string
	err     error
}

// renderCmd hands out a guide as glamour rendered it ahead of time (see
// assets.Rendered, which keeps each one it unpacks): unpacked in a
// command, off the Update path.
func renderCmd(k renderKey) tea.Cmd {
	return func() tea.Msg {
		out, err := assets.Rendered(k.guide, k.style, k.width)
		return renderedMsg{key: k, content: out, err: err}
	}
}
