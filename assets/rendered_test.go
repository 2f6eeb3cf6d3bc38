package assets

import (
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"charm.land/glamour/v2"
	"github.com/charmbracelet/x/ansi"
)

// The embedded renderings must be what glamour makes of the guides today:
// after editing a guide, run `go generate ./assets`.
func TestRenderedGuidesAreFresh(t *testing.T) {
	for _, g := range Guides() {
		for _, style := range []string{"dark", "light"} {
			for w := MinRenderWidth; w <= MaxRenderWidth; w += RenderWidthStep {
				r, err := glamour.NewTermRenderer(glamour.WithStandardStyle(style), glamour.WithWordWrap(w))
				if err != nil {
					t.Fatal(err)
				}
				want, err := r.Render(g.Markdown)
				if err != nil {
					t.Fatal(err)
				}
				got, err := Rendered(g.Name, style, w)
				if err != nil {
					t.Fatal(err)
				}
				if got != HangBullets(strings.TrimRight(want, "\n"), w) {
					t.Fatalf("%s in %s at %d columns is stale: run go generate ./assets", g.Name, style, w)
				}
			}
		}
	}
}

func TestRenderedFitsTheWidthAsked(t *testing.T) {
	for _, w := range []int{1, 19, 20, 23, 24, 57, 78, 100, 160} {
		text, err := Rendered("cto-role", "dark", w)
		if err != nil {
			t.Fatal(err)
		}
		limit := max(w, MinRenderWidth)
		for _, line := range strings.Split(text, "\n") {
			if lw := ansi.StringWidth(line); lw > limit {
				t.Fatalf("width %d: a line is %d wide", w, lw)
			}
		}
	}
	if RenderWidth(78) != 76 || RenderWidth(200) != 100 || RenderWidth(5) != 20 {
		t.Errorf("RenderWidth: 78->%d 200->%d 5->%d", RenderWidth(78), RenderWidth(200), RenderWidth(5))
	}
	if _, err := Rendered("nope", "dark", 80); err == nil {
		t.Error("a missing guide rendered")
	}
}

// cxo itself must not link glamour: its dependencies' package
// initialisation would cost every start about 15 ms.
func TestCxoDoesNotLinkGlamour(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "..").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	for _, p := range strings.Fields(string(out)) {
		if strings.HasPrefix(p, "charm.land/glamour") || strings.HasPrefix(p, "github.com/alecthomas/chroma") {
			t.Fatalf("cxo links %s", p)
		}
	}
}

// A list item continued on a second source line comes out of glamour
// wrapped twice (a word or two stranded on a line of its own), so every
// item in the guides is written on one line.
func TestGuideListItemsAreOneLine(t *testing.T) {
	marker := regexp.MustCompile(`^\s*([-*]|\d+\.)\s`)
	for _, g := range Guides() {
		lines := strings.Split(g.Markdown, "\n")
		for i := 1; i < len(lines); i++ {
			prev, line := lines[i-1], lines[i]
			if marker.MatchString(prev) && strings.TrimSpace(line) != "" && !marker.MatchString(line) && !strings.HasPrefix(line, "#") {
				t.Errorf("%s line %d continues the list item above it: %q", g.Name, i+1, line)
			}
		}
	}
}
