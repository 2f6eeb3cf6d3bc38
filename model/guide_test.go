package model

import (
	"reflect"
	"testing"
)

const sampleGuide = "# The CTO role\n" +
	"\n" +
	"Intro.\n" +
	"\n" +
	"## Overview\n" +
	"\n" +
	"Over.\n" +
	"\n" +
	"```markdown\n" +
	"## Not a section: inside a fence\n" +
	"```\n" +
	"\n" +
	"## Infrastructure: CTO or CIO?\n" +
	"\n" +
	"Both, sometimes.\n" +
	"### A sub-heading stays in its section\n" +
	"## Budgeting & resource allocation\n" +
	"Last.\n"

func TestParseGuide(t *testing.T) {
	g := ParseGuide("cto-role", sampleGuide)
	if g.Name != "cto-role" || g.Title != "The CTO role" || g.Markdown != sampleGuide {
		t.Errorf("guide %q titled %q", g.Name, g.Title)
	}
	want := []Section{
		{Slug: "overview", Title: "Overview", Line: 5},
		{Slug: "infrastructure-cto-or-cio", Title: "Infrastructure: CTO or CIO?", Line: 13},
		{Slug: "budgeting--resource-allocation", Title: "Budgeting & resource allocation", Line: 17},
	}
	if !reflect.DeepEqual(g.Sections, want) {
		t.Errorf("sections\n got %+v\nwant %+v", g.Sections, want)
	}
	if s, ok := g.Section("infrastructure-cto-or-cio"); !ok || s.Line != 13 {
		t.Errorf("Section = %+v, %v", s, ok)
	}
	if _, ok := g.Section("not-a-section-inside-a-fence"); ok {
		t.Errorf("a heading inside a code fence became a section")
	}
	// No # title: the name stands in.
	if g := ParseGuide("bare", "## Only\n"); g.Title != "bare" || len(g.Sections) != 1 {
		t.Errorf("bare guide %+v", g)
	}
}

func TestSectionText(t *testing.T) {
	g := ParseGuide("cto-role", sampleGuide)
	cases := []struct {
		slug, want string
	}{
		{"overview", "## Overview\n\nOver.\n\n```markdown\n## Not a section: inside a fence\n```\n"},
		{"infrastructure-cto-or-cio", "## Infrastructure: CTO or CIO?\n\nBoth, sometimes.\n### A sub-heading stays in its section\n"},
		{"budgeting--resource-allocation", "## Budgeting & resource allocation\nLast.\n"},
	}
	for _, c := range cases {
		got, ok := g.SectionText(c.slug)
		if !ok || got != c.want {
			t.Errorf("SectionText(%s) = %q, %v\nwant %q", c.slug, got, ok, c.want)
		}
	}
	if _, ok := g.SectionText("nope"); ok {
		t.Errorf("SectionText of a missing section succeeded")
	}
}

func TestSlug(t *testing.T) {
	cases := map[string]string{
		"Top line and bottom line":        "top-line-and-bottom-line",
		"Infrastructure: CTO or CIO?":     "infrastructure-cto-or-cio",
		"Is operational skill optional?":  "is-operational-skill-optional",
		"A RACI view":                     "a-raci-view",
		"Eight paired traits":             "eight-paired-traits",
		"Budgeting & resource allocation": "budgeting--resource-allocation",
		"Self-service, 24/7":              "self-service-247",
		"Café culture":                    "café-culture",
		"snake_case stays":                "snake_case-stays",
		"":                                "",
	}
	for in, want := range cases {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSplitRef(t *testing.T) {
	cases := []struct{ ref, guide, section string }{
		{"cio-vs-cto#shared-ground", "cio-vs-cto", "shared-ground"},
		{"cto-role", "cto-role", ""},
		{"a#b#c", "a", "b#c"},
		{"", "", ""},
	}
	for _, c := range cases {
		if g, s := SplitRef(c.ref); g != c.guide || s != c.section {
			t.Errorf("SplitRef(%q) = %q, %q; want %q, %q", c.ref, g, s, c.guide, c.section)
		}
	}
}
