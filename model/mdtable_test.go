package model_test

import (
	"os"
	"strings"
	"testing"
)

// Every table cell of the golden Markdown export is padded one way, one
// space each side of its text (markdownlint's MD060, "compact"): an empty
// cell "|  |" among them fails the lint.
func TestMarkdownTablesUseOnePaddingStyle(t *testing.T) {
	data, err := os.ReadFile("testdata/TestMarkdownExportGolden.golden")
	if err != nil {
		t.Fatal(err)
	}
	rows := 0
	for n, line := range strings.Split(string(data), "\n") {
		if !strings.HasPrefix(line, "|") {
			continue
		}
		rows++
		// Split on pipes not escaped as \|.
		cells := strings.Split(strings.ReplaceAll(line, `\|`, "\x00"), "|")
		for _, c := range cells[1 : len(cells)-1] {
			if len(c) < 3 || c[0] != ' ' || c[len(c)-1] != ' ' || c[1] == ' ' || c[len(c)-2] == ' ' {
				t.Errorf("line %d: cell %q is not padded with one space each side: %s", n+1, strings.ReplaceAll(c, "\x00", `\|`), line)
			}
		}
	}
	if rows == 0 {
		t.Fatal("no table in the golden export")
	}
}
