package ui

import (
	"sync"

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

// markdownCache hands out the guides as glamour rendered them (ahead of
// time, see assets.Rendered): unpacked in a command, off the Update path,
// and kept per (guide, width, style).
type markdownCache struct {
	mu   sync.Mutex
	done map[renderKey]string
}

func newMarkdownCache() *markdownCache {
	return &markdownCache{done: map[renderKey]string{}}
}

// cached returns a finished rendering without doing any work.
func (c *markdownCache) cached(k renderKey) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, ok := c.done[k]
	return s, ok
}

// renderCmd produces the rendering for k in a command.
func (c *markdownCache) renderCmd(k renderKey) tea.Cmd {
	return func() tea.Msg {
		out, err := assets.Rendered(k.guide, k.style, k.width)
		if err == nil {
			c.mu.Lock()
			c.done[k] = out
			c.mu.Unlock()
		}
		return renderedMsg{key: k, content: out, err: err}
	}
}
