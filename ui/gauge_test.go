package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// The gauge's middle stays visible whatever the band covers: a balanced
// verdict is exactly when the band runs across it.
func TestGaugeMiddleAlwaysVisible(t *testing.T) {
	th := NewTheme(true)
	for _, c := range []struct{ score, low, high int }{{10, -30, 40}, {-5, -20, 20}, {60, 40, 80}, {-60, -90, -30}, {2, -100, 100}} {
		for _, w := range []int{58, 78, 120} {
			bar := []rune(ansi.Strip(leanBar(th, c.score, c.low, c.high, w)))
			inner := bar[4 : len(bar)-4]
			mid := (100 * (len(inner) - 1)) / 200
			p := min(max((100-c.score)*(len(inner)-1)/200, 0), len(inner)-1)
			if got := string(inner[mid]); got != "╋" && got != "┼" && (p != mid || got != "●") {
				t.Errorf("score %d band %d..%d at %d: the middle shows %q: %s", c.score, c.low, c.high, w, got, string(bar))
			}
			if strings.Count(string(inner), "●") != 1 {
				t.Errorf("no single position dot: %s", string(bar))
			}
		}
	}
}
