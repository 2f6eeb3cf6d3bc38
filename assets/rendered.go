package assets

import (
	"bytes"
	"compress/gzip"
	"embed"
	"fmt"
	"io"
	"sync"
)

//go:generate go run ../internal/rendergen

// The guides are rendered with glamour ahead of time (go generate, see
// internal/rendergen) in both styles at every RenderWidthStep columns from
// MinRenderWidth to MaxRenderWidth, so cxo does not link glamour and its
// start-up stays fast. TestRenderedGuidesAreFresh re-renders them with
// glamour and fails when they are stale.
const (
	MinRenderWidth  = 20
	MaxRenderWidth  = 100
	RenderWidthStep = 4
)

//go:embed rendered
var rendered embed.FS

var (
	renderedMu    sync.Mutex
	renderedCache = map[string]string{}
)

// RenderWidth is the width of the rendering used for a window w columns
// wide: the widest one not wider than w, within the rendered range.
func RenderWidth(w int) int {
	w = min(max(w, MinRenderWidth), MaxRenderWidth)
	return w - (w-MinRenderWidth)%RenderWidthStep
}

// Rendered returns a guide styled for a terminal ("dark" or "light"),
// wrapped to fit width columns. It is safe for concurrent use.
func Rendered(guide, style string, width int) (string, error) {
	name := fmt.Sprintf("rendered/%s/%s/%03d.gz", style, guide, RenderWidth(width))
	renderedMu.Lock()
	defer renderedMu.Unlock()
	if s, ok := renderedCache[name]; ok {
		return s, nil
	}
	data, err := rendered.ReadFile(name)
	if err != nil {
		return "", fmt.Errorf("no rendering of guide %q in style %q", guide, style)
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return "", err
	}
	text, err := io.ReadAll(zr)
	if err != nil {
		return "", err
	}
	renderedCache[name] = string(text)
	return string(text), nil
}
