package model

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// hostile is text that would drive a terminal if printed raw: a window
// title (OSC 0), a screen clear, an OSC 8 hyperlink, C1 controls (CSI and
// OSC as single characters) and bidi overrides and isolates.
var hostile = map[string]string{
	"title":     "a\x1b]0;pwned\x07b",
	"clear":     "a\x1b[2J\x1b[Hb",
	"hyperlink": "a\x1b]8;;https://evil.example/\x1b\\b\x1b]8;;\x1b\\",
	"c1":        "a\u009b31mb\u009d0;x\u009c",
	"bidi":      "a\u202egnp.exe\u202c\u2066b\u2069\u200f",
	"raw 0x9b":  "a\x9b2Jb",
	"bell":      "a\x07\x7fb",
}

func TestCleanLeavesNoControls(t *testing.T) {
	for name, s := range hostile {
		for _, got := range []string{Clean(s), CleanLines(s), Escaped(s)} {
			for _, r := range got {
				if IsControl(r) {
					t.Errorf("%s: %q keeps the control %U", name, got, r)
				}
			}
			if !strings.HasPrefix(got, "a") {
				t.Errorf("%s: %q lost the text", name, got)
			}
		}
	}
	if got := Clean(hostile["title"]); got != "ab" {
		t.Errorf("title: %q, want the sequence removed whole", got)
	}
	if got := Clean(hostile["hyperlink"]); got != "ab" {
		t.Errorf("hyperlink: %q", got)
	}
	if got := Escaped("id\x1b[2J\u202e"); got != `id\x1b[2J\u202e` {
		t.Errorf("Escaped = %q", got)
	}
	if got := CleanStyled("\x1b[1;38;2;1:2:3mbold\x1b[m\n\x1b]0;t\x07\x1b[2Jx\x1b[?25l"); got != "\x1b[1;38;2;1:2:3mbold\x1b[m\nx" {
		t.Errorf("CleanStyled = %q", got)
	}
	if got := CleanLines("one\r\ntwo\x1b[31m\n\tthree\u2028four"); got != "one\ntwo\nthree four" {
		t.Errorf("CleanLines = %q", got)
	}
	for in, want := range map[string]string{
		"line one\nline two":        "line one line two",
		"red \x1b[31malert\x1b[0m!": "red alert!",
		"bell\x07 and nul\x00 gone": "bell and nul gone",
		"a\u202eb":                  "ab",
	} {
		if got := Clean(in); got != want {
			t.Errorf("Clean(%q) = %q, want %q", in, got, want)
		}
	}
}

// Every text field of a bank holding a control character is a problem at
// its line, written out escaped; the bank is refused.
func TestHostileBankIsRefusedAtItsLines(t *testing.T) {
	quoted := func(s string) string { return fmt.Sprintf("%q", s) } // YAML reads Go's \x and \u escapes
	for name, s := range hostile {
		t.Run(name, func(t *testing.T) {
			bank := replace(t, testBankYAML, "name: What you build", "name: "+quoted("What you "+s))
			bank = replace(t, bank, "text: I like shaping the product people buy.", "text: "+quoted(s))
			bank = replace(t, bank, "      - {text: The help desk, score: -2}", "      - {text: "+quoted(s)+", score: -2}")
			got := problems(t, bank)
			var want []string
			for _, marker := range []string{"What you a", "text: \"a", "score: -2}"} {
				want = append(want, fmt.Sprintf("bank.yaml:%d:", lineOf(t, bank, marker)))
			}
			if len(got) != 3 {
				t.Fatalf("problems %q, want one on each of lines %v", got, want)
			}
			for i, p := range got {
				if !strings.HasPrefix(p, want[i]) || !strings.Contains(p, "control character") {
					t.Errorf("problem %q, want %s... control character", p, want[i])
				}
				if Clean(p) != p {
					t.Errorf("problem %q carries a control character", p)
				}
			}
		})
	}
	// Tabs and line breaks in a block of text are text, not controls.
	bank := replace(t, testBankYAML, "text: I like shaping the product people buy.", "text: \"I like\\tshaping\\nthe product.\"")
	if b := load(t, bank, ""); b == nil {
		t.Fatal("no bank")
	}
}

// A user's bank is checked against cxo's built-in plan, a file the user
// does not have: its problems are the bank's, at the bank's lines.
func TestLentPlanProblemsAreTheBanks(t *testing.T) {
	// The plan knows a facet this bank leaves out, and plans "ops" as a
	// readiness facet while this bank makes it a lean one.
	plan := testPlanYAML + "  - facet: extra\n    actions: [a, b]\n"
	bank := replace(t, testBankYAML, "  - id: ops\n    name: Operations\n    layer: readiness", "  - id: ops\n    name: Operations\n    layer: lean\n    cto: x\n    cio: y")
	bank = replace(t, bank, "    expect: {cto: 50, cio: 80}\n", "")
	_, err := LoadBank(Source{Name: "/home/me/my-bank.yaml", Data: []byte(bank)}, Source{Name: "assets/plan.yaml", Data: []byte(plan), Lent: true}, testGuides())
	ps, ok := err.(Problems)
	if !ok {
		t.Fatalf("err = %v, want problems", err)
	}
	var got []string
	for _, p := range ps {
		got = append(got, p.String())
	}
	want := fmt.Sprintf("/home/me/my-bank.yaml:%d: facet ops: cxo's built-in plan has no actions toward the CTO and the CIO for it, which a lean facet needs; use another layer or a lean facet id of cxo's bank", lineOf(t, bank, "- id: ops"))
	if !slices.Contains(got, want) {
		t.Errorf("problems\n got %q\nwant among them %q", got, want)
	}
	for _, p := range got {
		if !strings.HasPrefix(p, "/home/me/my-bank.yaml:") {
			t.Errorf("problem %q is not reported against the user's file", p)
		}
	}
}

// Control characters typed into the file as they are (not as YAML
// escapes) are reported at their own lines, not as a YAML error on line 1;
// a C1 NEL is not taken for a line break.
func TestRawControlsInABankFile(t *testing.T) {
	bank := replace(t, testBankYAML, "name: What you build", "name: What \x1b]0;x\x07you build")
	bank = replace(t, bank, "text: I like shaping the product people buy.", "text: I like \u0085shaping \u202ethe product.")
	got := problems(t, bank)
	want := []string{
		fmt.Sprintf(`bank.yaml:%d: holds the control character \x1b; bank text may hold no escape sequences, control or bidi characters`, lineOf(t, bank, "What \x1b")),
		fmt.Sprintf(`bank.yaml:%d: holds the control character \x85; bank text may hold no escape sequences, control or bidi characters`, lineOf(t, bank, "I like \u0085")),
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems\n got %q\nwant %q", got, want)
	}
}
