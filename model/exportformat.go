package model

import (
	"path/filepath"
	"strings"
)

// Export formats.
const (
	FormatMarkdown = "md"
	FormatJSON     = "json"
)

// FormatFor is the export format a file name asks for: JSON for a name
// ending in .json (in any case), Markdown for any other. `cxo export -o`
// and the TUI's export screen both ask it.
func FormatFor(name string) string {
	if strings.EqualFold(filepath.Ext(name), ".json") {
		return FormatJSON
	}
	return FormatMarkdown
}

// Encode writes a report in a format: JSON for FormatJSON, else Markdown.
func Encode(b *Bank, rep Report, format string) []byte {
	if format == FormatJSON {
		return JSON(rep)
	}
	return []byte(Markdown(b, rep))
}
