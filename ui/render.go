package ui

import (
	"strings"
	"sync"

	tea "charm.land/bubbletea/v2"
	"charm.land/glamour/v2"
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

// markdownCache renders guides with glamour off the Update path and keeps
// every result; a glamour renderer is not safe for concurrent use, so one
// lock guards the renderers and the cache.
type markdownCache struct {
	mu        sync.Mutex
	renderers map[[2]any]*glamour.TermRenderer
	done      map[renderKey]string
}

func newMarkdownCache() *markdownCache {
	return &markdownCache{renderers: map[[2]any]*glamour.TermRenderer{}, done: map[renderKey]string{}}
}

// cached returns a finished rendering without rendering anything.
func (c *markdownCache) cached(k renderKey) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, ok := c.done[k]
	return s, ok
}

// renderCmd renders markdown for k in a command.
func (c *markdownCache) renderCmd(k renderKey, markdown string) tea.Cmd {
	return func() tea.Msg {
		out, err := c.render(k, markdown)
		return renderedMsg{key: k, content: out, err: err}
	}
}

func (c *markdownCache) render(k renderKey, markdown string) (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if s, ok := c.done[k]; ok {
		return s, nil
	}
	rk := [2]any{k.style, k.width}
	r := c.renderers[rk]
	if r == nil {
		var err error
		r, err = glamour.NewTermRenderer(glamour.WithStandardStyle(k.style), glamour.WithWordWrap(k.width))
		if err != nil {
			return "", err
		}
		c.renderers[rk] = r
	}
	out, err := r.Render(markdown)
	if err != nil {
		return "", err
	}
	out = strings.TrimRight(out, "\n")
	c.done[k] = out
	return out, nil
}
