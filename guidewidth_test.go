package main

import (
	"strings"
	"testing"
)

// cxo guide --width says on stderr when it uses another width than asked.
func TestGuideWidthSaysWhenItSnaps(t *testing.T) {
	for _, c := range []struct {
		width, say string
	}{{"10", "using 20"}, {"150", "using 100"}, {"60", ""}, {"100", ""}} {
		r := cxo(t, "", "guide", "cto-role", "--style", "dark", "--width", c.width)
		if r.code != 0 {
			t.Fatalf("--width %s: exit %d: %s", c.width, r.code, r.stderr)
		}
		if c.say == "" && r.stderr != "" || c.say != "" && !strings.Contains(r.stderr, "--width "+c.width) && !strings.Contains(r.stderr, c.say) {
			t.Errorf("--width %s: stderr %q, want %q", c.width, r.stderr, c.say)
		}
		if c.say != "" && !strings.Contains(r.stderr, c.say) {
			t.Errorf("--width %s: stderr %q, want %q", c.width, r.stderr, c.say)
		}
	}
}
