package store

import (
	"os/exec"
	"strings"
	"testing"
)

// A path with control characters is quoted so the hint stays one visible
// line and, pasted into a shell, names the same file.
func TestShellQuoteWritesControlsOut(t *testing.T) {
	path := "/tmp/a\nb\x1b]0;t\x07'c\\d\u202ee\xff"
	got := ShellQuote(path)
	if want := `$'/tmp/a\x0ab\x1b]0;t\x07\'c\\d\u202ee\xff'`; got != want {
		t.Errorf("ShellQuote = %s, want %s", got, want)
	}
	if hint := RestoreHint(path); strings.ContainsAny(hint, "\n\x1b\x07") {
		t.Errorf("RestoreHint carries control characters: %q", hint)
	}
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash to paste the quoted path into")
	}
	out, err := exec.Command(bash, "-c", "printf %s "+got).Output()
	if err != nil || string(out) != path {
		t.Errorf("bash reads %s as %q (%v), want %q", got, out, err, path)
	}
}
