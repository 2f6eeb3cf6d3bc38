package assets

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// A wrapped bullet item continues under its text, not under the bullet, in
// every embedded rendering, and still fits the width.
func TestRenderedBulletsHang(t *testing.T) {
	items := 0
	for _, g := range Guides() {
		for _, style := range []string{"dark", "light"} {
			for w := MinRenderWidth; w <= MaxRenderWidth; w += RenderWidthStep {
				text, err := Rendered(g.Name, style, w)
				if err != nil {
					t.Fatal(err)
				}
				lines := strings.Split(text, "\n")
				for i := 0; i+1 < len(lines); i++ {
					indent, ok := bulletIndent(lines[i])
					if !ok {
						continue
					}
					next := ansi.Strip(lines[i+1])
					rest := strings.TrimLeft(next, " ")
					if rest == "" || strings.HasPrefix(rest, "• ") {
						continue
					}
					items++
					if got := len(next) - len(rest); got == indent {
						t.Fatalf("%s %s at %d: a wrapped item continues under its bullet:\n%s\n%s", g.Name, style, w, ansi.Strip(lines[i]), next)
					}
				}
			}
		}
	}
	if items == 0 {
		t.Fatal("no wrapped bullet item in any guide")
	}
}
