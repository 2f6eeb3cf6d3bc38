// Command rendergen renders every guide with glamour, in the dark and the
// light style, at every width cxo shows it at, and writes the results into
// assets/rendered. cxo embeds them instead of linking glamour: glamour's
// syntax-highlighting dependency registers hundreds of lexers and styles
// at package initialisation, which would slow every start of cxo by about
// 15 ms. A test in assets renders afresh and fails when these files are
// stale.
//
//	go generate ./assets
package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"charm.land/glamour/v2"

	"github.com/cxo-dev/cxo/assets"
)

// The widths must match assets.MinRenderWidth, MaxRenderWidth and
// RenderWidthStep: a guide shown at width w uses the widest rendering not
// wider than w, so text never runs past the window.
const (
	minWidth = 20
	maxWidth = 100
	step     = 4
)

var styles = []string{"dark", "light"}

func main() {
	if err := run("guides", "rendered"); err != nil {
		fmt.Fprintln(os.Stderr, "rendergen:", err)
		os.Exit(1)
	}
}

func run(guides, out string) error {
	files, err := filepath.Glob(filepath.Join(guides, "*.md"))
	if err != nil || len(files) == 0 {
		return fmt.Errorf("no guides in %s (run from assets/)", guides)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	for _, f := range files {
		md, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		name := strings.TrimSuffix(filepath.Base(f), ".md")
		for _, style := range styles {
			dir := filepath.Join(out, style, name)
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return err
			}
			for w := minWidth; w <= maxWidth; w += step {
				data, err := Render(string(md), style, w)
				if err != nil {
					return fmt.Errorf("%s (%s, %d): %w", name, style, w, err)
				}
				if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%03d.gz", w)), data, 0o644); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// Render renders one guide at one width and returns it gzipped.
func Render(md, style string, width int) ([]byte, error) {
	r, err := glamour.NewTermRenderer(glamour.WithStandardStyle(style), glamour.WithWordWrap(width))
	if err != nil {
		return nil, err
	}
	out, err := r.Render(md)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write([]byte(assets.HangBullets(strings.TrimRight(out, "\n"), width)))
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
