package model

import (
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzMarkdownNote puts arbitrary text where a user types (an evidence
// note) and checks the Markdown export stays clean: no control characters
// and no table broken by the note.
func FuzzMarkdownNote(f *testing.F) {
	for _, seed := range []string{"plain note", "a | b", "\x1b[31mred\x1b[0m", "\x1b]8;;http://x\x07link\x1b]8;;\x07", "line\nbreak", "# heading", "<script>", "`code`", "\x00\x7f\u0085"} {
		f.Add(seed)
	}
	b := testBank(f)
	f.Fuzz(func(t *testing.T, note string) {
		a := NewAssessment(b, "20260101-000000-abc", time.Unix(0, 0), LengthFull, "")
		for _, id := range a.Order {
			a.Answers[id] = Answer{Value: 1, Note: note}
		}
		md := Markdown(b, BuildReport(b, a, Compute(b, a)))
		for _, r := range md {
			if r != '\n' && (r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0)) {
				t.Fatalf("control character %U in the export", r)
			}
		}
		if !utf8.ValidString(note) {
			return
		}
		for _, line := range strings.Split(md, "\n") {
			// Appendix rows: "| n | id | question | answer | note |".
			if appendixRow.MatchString(line) && strings.Count(strings.ReplaceAll(line, `\|`, ""), "|") != 6 {
				t.Fatalf("a table row lost its shape: %q", line)
			}
		}
	})
}

var appendixRow = regexp.MustCompile(`^\| \d+ \| `)
