package model

import "testing"

func TestFormatFor(t *testing.T) {
	for name, want := range map[string]string{"r.json": FormatJSON, "R.JSON": FormatJSON, "r.md": FormatMarkdown,
		"r": FormatMarkdown, "": FormatMarkdown, "json": FormatMarkdown, "dir.json/r.txt": FormatMarkdown} {
		if got := FormatFor(name); got != want {
			t.Errorf("%q: %s, want %s", name, got, want)
		}
	}
}
