package model

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func TestTestBankIsValid(t *testing.T) {
	b := load(t, testBankYAML, testPlanYAML)
	if b.Version != "test-1" || len(b.Facets) != 4 || len(b.Items) != 14 || len(b.Plan) != 4 || len(b.Guides) != 2 {
		t.Errorf("bank: version %q, %d facets, %d items, %d plans, %d guides", b.Version, len(b.Facets), len(b.Items), len(b.Plan), len(b.Guides))
	}
	it, ok := b.Item("b-scen-1")
	if !ok || it.Format != FormatScenario || it.Facet != "build" || len(it.Options) != 4 || it.Options[2] != (Option{Text: "Build a paid add-on", Score: 2, line: it.Options[2].line}) {
		t.Errorf("b-scen-1 = %+v", it)
	}
	if it.Line != lineOf(t, testBankYAML, "- id: b-scen-1") || it.Options[0].line != it.Line+5 {
		t.Errorf("b-scen-1 on line %d, option 1 on %d", it.Line, it.Options[0].line)
	}
	r, _ := b.Item("ops-1")
	if !r.NA || !r.Quick || r.Reverse || r.Anchors[3] != "Mostly written down." || len(r.Anchors) != 3 || r.Levels() != 5 {
		t.Errorf("ops-1 = %+v", r)
	}
	l, _ := b.Item("b-like-2")
	if !l.Reverse || l.Pair != "b-like-1" || l.Quick || l.Options != nil || l.Anchors != nil {
		t.Errorf("b-like-2 = %+v", l)
	}
	if it.Levels() != 4 {
		t.Errorf("scenario levels %d, want 4", it.Levels())
	}
	f, ok := b.Facet("area-x")
	if !ok || f.Layer != LayerReadiness || f.Group != "area" || f.Expect[RoleCTO] != 80 || f.Expect[RoleCIO] != 40 || f.Guide != "h#three" {
		t.Errorf("area-x = %+v", f)
	}
	if lean := facetsIn(b, LayerLean); len(lean) != 1 || lean[0].CTO != "The product" || lean[0].CIO != "The internal estate" {
		t.Errorf("lean facets %+v", lean)
	}
	if got := len(facetsIn(b, LayerReadiness)); got != 2 {
		t.Errorf("%d readiness facets, want 2", got)
	}
	if _, ok := b.Item("nope"); ok {
		t.Errorf("found an item that is not there")
	}
	if _, ok := b.Facet("nope"); ok {
		t.Errorf("found a facet that is not there")
	}
	if p := b.Plan["build"]; len(p.TowardCTO) != 2 || len(p.TowardCIO) != 3 || p.Actions != nil {
		t.Errorf("plan for build %+v", p)
	}
	if p := b.Plan["area-x"]; len(p.Actions) != 4 {
		t.Errorf("plan for area-x %+v", p)
	}
}

// Every case breaks the valid test bank in one way and lists every
// problem LoadBank must report, as "file:line: message". Lines are found
// from a marker on the broken line, so the expectation reads like the bank.
func TestValidatorProblems(t *testing.T) {
	base := testBankYAML
	at := func(src, marker, format string, args ...any) string {
		return fmt.Sprintf("bank.yaml:%d: ", lineOf(t, src, marker)) + fmt.Sprintf(format, args...)
	}
	type tc struct {
		name string
		bank string
		want func(src string) []string
	}
	cases := []tc{
		{
			name: "unknown facet",
			bank: replace(t, base, "    facet: area-x\n    format: likert", "    facet: area-y\n    format: likert"),
			want: func(s string) []string {
				return []string{at(s, "- id: ax-2", `item ax-2: unknown facet "area-y"`)}
			},
		},
		{
			name: "duplicate item id",
			bank: replace(t, base, "- id: ops-3", "- id: ops-2"),
			want: func(s string) []string {
				return []string{at(base, "- id: ops-3", `duplicate item id "ops-2" (first on line %d)`, lineOf(t, base, "- id: ops-2"))}
			},
		},
		{
			name: "duplicate facet id",
			bank: replace(t, base, "- id: area-x", "- id: ops"),
			want: func(s string) []string {
				// area-x is gone, so its items lost their facet.
				return []string{
					at(base, "- id: area-x", `duplicate facet id "ops" (first on line %d)`, lineOf(t, base, "- id: ops")),
					at(s, "- id: ax-1", `item ax-1: unknown facet "area-x"`),
					at(s, "- id: ax-2", `item ax-2: unknown facet "area-x"`),
				}
			},
		},
		{
			name: "option without a score",
			bank: replace(t, base, "{text: Whichever is smaller, score: 0}", "{text: Whichever is smaller}"),
			want: func(s string) []string {
				return []string{at(s, "Whichever is smaller", "item b-scen-2: option 2 has no score")}
			},
		},
		{
			name: "option without text",
			bank: replace(t, base, "{text: Whichever is smaller, score: 0}", "{score: 0}"),
			want: func(s string) []string {
				return []string{at(s, "{score: 0}", "item b-scen-2: option 2 has no text")}
			},
		},
		{
			name: "reverse on a non-likert item",
			bank: replace(t, base, "    text: Which would you rather own?\n", "    text: Which would you rather own?\n    reverse: true\n"),
			want: func(s string) []string {
				return []string{at(s, "- id: b-choice-1", "item b-choice-1: reverse applies only to likert items, not choice")}
			},
		},
		{
			name: "pair on a non-likert item",
			bank: replace(t, base, "    text: How is area X planned?\n", "    text: How is area X planned?\n    pair: ax-2\n"),
			want: func(s string) []string {
				return []string{
					at(s, "- id: ax-1", "item ax-1: pair applies only to likert items"),
				}
			},
		},
		{
			name: "guide section that does not exist",
			bank: replace(t, base, "    guide: h#three\n  - id: ld-1", "    guide: h#four\n  - id: ld-1"),
			want: func(s string) []string {
				return []string{at(s, "- id: ax-2", `item ax-2: guide h has no section "four"`)}
			},
		},
		{
			name: "missing guide section",
			bank: replace(t, base, "    guide: h#three\n  - id: ld-1", "  - id: ld-1"),
			want: func(s string) []string {
				return []string{at(s, "- id: ax-2", "item ax-2: missing guide section")}
			},
		},
		{
			name: "unknown guide on an item",
			bank: replace(t, base, "{text: Revenue up, score: 2}\n    guide: g#one\n", "{text: Revenue up, score: 2}\n    guide: nope#one\n"),
			want: func(s string) []string {
				return []string{at(s, "- id: b-choice-2", `item b-choice-2: unknown guide "nope"`)}
			},
		},
		{
			name: "a field given twice",
			bank: replace(t, base, "{text: Revenue up, score: 2}\n    guide: g#one\n", "{text: Revenue up, score: 2}\n    guide: g#one\n    guide: g#two # again\n"),
			want: func(s string) []string {
				return []string{at(s, "# again", `item: "guide" given twice`)}
			},
		},
		{
			name: "unknown guide",
			bank: replace(t, base, "    cio: The internal estate\n    guide: g#one", "    cio: The internal estate\n    guide: nope#one"),
			want: func(s string) []string {
				return []string{at(s, "- id: build", `facet build: unknown guide "nope"`)}
			},
		},
		{
			name: "unknown format",
			bank: replace(t, base, "    format: likert\n    text: I could explain", "    format: essay\n    text: I could explain"),
			want: func(s string) []string {
				return []string{at(s, "- id: ax-2", `item ax-2: unknown format "essay" (want likert, preference, choice, scenario or rating)`)}
			},
		},
		{
			name: "missing format",
			bank: replace(t, base, "    format: likert\n    text: I could explain", "    text: I could explain"),
			want: func(s string) []string {
				return []string{at(s, "- id: ax-2", "item ax-2: missing format")}
			},
		},
		{
			name: "choice with three options",
			bank: replace(t, base, "      - {text: The help desk, score: -2}\n", "      - {text: The help desk, score: -2}\n      - {text: Neither, score: 0}\n"),
			want: func(s string) []string {
				return []string{at(s, "- id: b-choice-1", "item b-choice-1: a choice item needs exactly 2 options, has 3")}
			},
		},
		{
			// 7 is out of range but plainly CTO-side: only the range is wrong.
			name: "choice score out of range on its own side",
			bank: replace(t, base, "{text: Revenue up, score: 2}", "{text: Revenue up, score: 7}"),
			want: func(s string) []string {
				return []string{at(s, "Revenue up", "item b-choice-2: option 2 score 7 is outside -2..2")}
			},
		},
		{
			name: "choice option without a score",
			bank: replace(t, base, "{text: Revenue up, score: 2}", "{text: Revenue up}"),
			want: func(s string) []string {
				return []string{at(s, "Revenue up", "item b-choice-2: option 2 has no score")}
			},
		},
		{
			name: "choice with both options on one side, one out of range",
			bank: replace(t, base, "{text: Costs down, score: -2}", "{text: Costs down, score: 9}"),
			want: func(s string) []string {
				return []string{
					at(s, "- id: b-choice-2", "item b-choice-2: a choice needs one CTO-side (score > 0) and one CIO-side (score < 0) option"),
					at(s, "Costs down", "item b-choice-2: option 1 score 9 is outside -2..2"),
				}
			},
		},
		{
			name: "choice with both options on one side",
			bank: replace(t, base, "{text: Costs down, score: -2}", "{text: Costs down, score: 1}"),
			want: func(s string) []string {
				return []string{at(s, "- id: b-choice-2", "item b-choice-2: a choice needs one CTO-side (score > 0) and one CIO-side (score < 0) option")}
			},
		},
		{
			name: "scenario with two options",
			bank: replace(t, base, "      - {text: Whichever is smaller, score: 0}\n", ""),
			want: func(s string) []string {
				return []string{at(s, "- id: b-scen-2", "item b-scen-2: a scenario item needs 3 to 5 options, has 2")}
			},
		},
		{
			name: "choice on a readiness facet",
			bank: replace(t, base, "    facet: build\n    format: choice\n    text: Which would", "    facet: ops\n    format: choice\n    text: Which would"),
			want: func(s string) []string {
				return []string{at(s, "- id: b-choice-1", "item b-choice-1: choice items belong to a lean facet, not ops")}
			},
		},
		{
			name: "rating without anchor 5",
			bank: replace(t, base, "      5: Continuously.\n", ""),
			want: func(s string) []string {
				return []string{at(s, "- id: ax-1", "item ax-1: rating needs an anchor for level 5")}
			},
		},
		{
			name: "rating on a lean facet",
			bank: replace(t, base, "    facet: ops\n    format: rating\n    text: What happens", "    facet: build\n    format: rating\n    text: What happens"),
			want: func(s string) []string {
				return []string{at(s, "- id: ops-2", "item ops-2: rating items belong to a readiness or foundation facet, not build")}
			},
		},
		{
			name: "anchor level out of range",
			bank: replace(t, base, "      5: Continuously.\n", "      5: Continuously.\n      7: Beyond.\n"),
			want: func(s string) []string {
				return []string{at(s, "7: Beyond.", `anchors: level "7" is not 1 to 5`)}
			},
		},
		{
			name: "likert with options",
			bank: replace(t, base, "    text: I could explain area X to the board.\n", "    text: I could explain area X to the board.\n    options: []\n"),
			want: func(s string) []string {
				return []string{at(s, "- id: ax-2", "item ax-2: a likert item takes no options or anchors")}
			},
		},
		{
			name: "pair not naming back",
			bank: replace(t, base, "    reverse: true\n    pair: ld-1\n", "    reverse: true\n"),
			want: func(s string) []string {
				return []string{at(s, "- id: ld-1", "item ld-1: pair ld-2 does not name it back")}
			},
		},
		{
			name: "pair on another facet",
			bank: replace(t, base, "    pair: b-like-2\n", "    pair: ld-2\n"),
			want: func(s string) []string {
				return []string{
					at(s, "- id: b-like-1", "item b-like-1: pair ld-2 is on another facet (lead)"),
					at(s, "- id: b-like-2", "item b-like-2: pair b-like-1 does not name it back"),
				}
			},
		},
		{
			name: "pair keyed the same way",
			bank: replace(t, base, "    text: I avoid making calls that others might dispute.\n    reverse: true\n", "    text: I avoid making calls that others might dispute.\n"),
			want: func(s string) []string {
				return []string{
					at(s, "- id: ld-1", "item ld-1: pair ld-2 must be keyed the other way (one reverse, one not)"),
					at(s, "- id: ld-2", "item ld-2: pair ld-1 must be keyed the other way (one reverse, one not)"),
				}
			},
		},
		{
			name: "pair that is not an item",
			bank: replace(t, base, "    pair: b-like-2\n", "    pair: b-like-9\n"),
			want: func(s string) []string {
				return []string{
					at(s, "- id: b-like-1", `item b-like-1: pair "b-like-9" is not an item`),
					at(s, "- id: b-like-2", "item b-like-2: pair b-like-1 does not name it back"),
				}
			},
		},
		{
			name: "score out of range",
			bank: replace(t, base, "{text: Build a paid add-on, score: 2}", "{text: Build a paid add-on, score: 3}"),
			want: func(s string) []string {
				return []string{at(s, "Build a paid add-on", "item b-scen-1: option 3 score 3 is outside -2..2")}
			},
		},
		{
			name: "score that is not a number",
			bank: replace(t, base, "{text: Build a paid add-on, score: 2}", "{text: Build a paid add-on, score: lots}"),
			want: func(s string) []string {
				return []string{at(s, "Build a paid add-on", "option score: expected a whole number")}
			},
		},
		{
			name: "unknown field",
			bank: replace(t, base, "  - id: ops-3\n", "  - id: ops-3\n    colour: blue\n"),
			want: func(s string) []string {
				return []string{at(s, "colour: blue", `item: unknown field "colour"`)}
			},
		},
		{
			name: "quick that is not true or false",
			bank: replace(t, base, "    quick: true\n    guide: h#three", "    quick: often\n    guide: h#three"),
			want: func(s string) []string {
				return []string{at(s, "quick: often", "quick: expected true or false")}
			},
		},
		{
			name: "invalid YAML",
			bank: replace(t, base, "    text: How do newcomers learn the work?\n", "    text: How do newcomers: learn the work?\n"),
			want: func(s string) []string {
				return []string{at(s, "newcomers: learn", "not valid YAML: mapping values are not allowed in this context")}
			},
		},
		{
			name: "not a mapping",
			bank: "- just\n- a list\n",
			want: func(s string) []string { return []string{"bank.yaml:1: expected a mapping at the top level"} },
		},
		{
			name: "empty file",
			bank: "",
			want: func(s string) []string { return []string{"bank.yaml:1: expected a mapping at the top level"} },
		},
		{
			name: "missing version",
			bank: replace(t, base, "version: \"test-1\"\n", ""),
			want: func(s string) []string { return []string{"bank.yaml:1: bank: missing version"} },
		},
		{
			name: "missing items",
			bank: base[:strings.Index(base, "items:")],
			want: func(s string) []string { return []string{"bank.yaml:1: bank: missing items"} },
		},
		{
			name: "facet with no quick item",
			bank: replace(t, base, "    quick: true\n    guide: h#three", "    guide: h#three"),
			want: func(s string) []string {
				return []string{at(s, "- id: area-x", "facet area-x has no quick item")}
			},
		},
		{
			name: "facet with no items",
			bank: replace(t, base, "items:\n", "  - {id: spare, name: Spare, layer: foundation, group: foundation, guide: g, expect: {cto: 1, cio: 2}}\nitems:\n"),
			want: func(s string) []string {
				return []string{at(s, "- {id: spare", "facet spare has no items")}
			},
		},
		{
			name: "lean facet without pole labels",
			bank: replace(t, base, "    cio: The internal estate\n", ""),
			want: func(s string) []string {
				return []string{at(s, "- id: build", "facet build: a lean facet needs both cto and cio pole labels")}
			},
		},
		{
			name: "readiness facet without both expectations",
			bank: replace(t, base, "expect: {cto: 80, cio: 40}", "expect: {cto: 80}"),
			want: func(s string) []string {
				return []string{at(s, "- id: area-x", "facet area-x: needs expect levels for both cto and cio")}
			},
		},
		{
			name: "expectation out of range",
			bank: replace(t, base, "expect: {cto: 80, cio: 40}", "expect: {cto: 80, cio: 140}"),
			want: func(s string) []string {
				return []string{at(s, "cio: 140", "expect cio: 140 is outside 0-100")}
			},
		},
		{
			name: "unknown layer",
			bank: replace(t, base, "    layer: foundation\n", "    layer: basement\n"),
			want: func(s string) []string {
				return []string{at(s, "- id: lead", `facet lead: unknown layer "basement" (want lean, readiness or foundation)`)}
			},
		},
		{
			name: "group of another layer",
			bank: replace(t, base, "    group: area\n", "    group: orientation\n"),
			want: func(s string) []string {
				return []string{at(s, "- id: area-x", `facet area-x: group "orientation" does not belong to layer readiness (want [operational area cio])`)}
			},
		},
		{
			name: "badly formed item id",
			bank: replace(t, base, "- id: ops-3", "- id: Ops_3"),
			want: func(s string) []string {
				return []string{at(s, "- id: Ops_3", `item id "Ops_3": use lowercase letters, digits and '-'`)}
			},
		},
		{
			name: "item without id or text",
			bank: replace(t, base, "  - id: ops-3\n    facet: ops\n    format: rating\n    text: How do newcomers learn the work?\n", "  - facet: ops\n    format: rating\n"),
			want: func(s string) []string {
				line := lineOf(t, base, "- id: ops-3")
				return []string{
					fmt.Sprintf("bank.yaml:%d: item has no id", line),
					fmt.Sprintf("bank.yaml:%d: item : missing text", line),
				}
			},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := problems(t, c.bank)
			if want := c.want(c.bank); !reflect.DeepEqual(got, want) {
				t.Errorf("problems:\n got %q\nwant %q", got, want)
			}
		})
	}
}

// LoadBank reports every problem of a stage, sorted by line, not only the
// first.
func TestValidatorReportsEveryProblem(t *testing.T) {
	bank := testBankYAML
	bank = replace(t, bank, "    cio: The internal estate\n", "")                                             // facet build
	bank = replace(t, bank, "{text: Costs down, score: -2}", "{text: Costs down, score: 1}")                  // b-choice-2
	bank = replace(t, bank, "{text: Build a paid add-on, score: 2}", "{text: Build a paid add-on, score: 3}") // b-scen-1
	bank = replace(t, bank, "    facet: area-x\n    format: likert", "    facet: area-y\n    format: likert") // ax-2
	bank = replace(t, bank, "    reverse: true\n    pair: ld-1\n", "    reverse: true\n")                     // ld-1
	got := problems(t, bank)
	want := []string{
		fmt.Sprintf("bank.yaml:%d: facet build: a lean facet needs both cto and cio pole labels", lineOf(t, bank, "- id: build")),
		fmt.Sprintf("bank.yaml:%d: item b-choice-2: a choice needs one CTO-side (score > 0) and one CIO-side (score < 0) option", lineOf(t, bank, "- id: b-choice-2")),
		fmt.Sprintf("bank.yaml:%d: item b-scen-1: option 3 score 3 is outside -2..2", lineOf(t, bank, "Build a paid add-on")),
		fmt.Sprintf("bank.yaml:%d: item ax-2: unknown facet \"area-y\"", lineOf(t, bank, "- id: ax-2")),
		fmt.Sprintf("bank.yaml:%d: item ld-1: pair ld-2 does not name it back", lineOf(t, bank, "- id: ld-1")),
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("problems:\n got %q\nwant %q", got, want)
	}

	// Parse problems: all of them too.
	bank = replace(t, testBankYAML, "  - id: ops-3\n", "  - id: ops-3\n    colour: blue\n")
	bank = replace(t, bank, "    quick: true\n    guide: h#three", "    quick: often\n    guide: h#three")
	bank = replace(t, bank, "    layer: foundation\n", "    layer: foundation\n    size: big\n")
	got = problems(t, bank)
	want = []string{
		fmt.Sprintf("bank.yaml:%d: facet: unknown field \"size\"", lineOf(t, bank, "size: big")),
		fmt.Sprintf("bank.yaml:%d: item: unknown field \"colour\"", lineOf(t, bank, "colour: blue")),
		fmt.Sprintf("bank.yaml:%d: quick: expected true or false", lineOf(t, bank, "quick: often")),
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("problems:\n got %q\nwant %q", got, want)
	}

	// A misspelt key does not hide the rule problems behind it.
	bank = replace(t, testBankYAML, "  - id: ops-3\n", "  - id: ops-3\n    qiuck: true\n")
	bank = replace(t, bank, "    reverse: true\n    pair: ld-1\n", "    reverse: true\n")
	got = problems(t, bank)
	want = []string{
		fmt.Sprintf("bank.yaml:%d: item: unknown field \"qiuck\"", lineOf(t, bank, "qiuck: true")),
		fmt.Sprintf("bank.yaml:%d: item ld-1: pair ld-2 does not name it back", lineOf(t, bank, "- id: ld-1")),
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("problems:\n got %q\nwant %q", got, want)
	}
}

func TestProblemsError(t *testing.T) {
	one := Problems{{File: "b.yaml", Line: 3, Msg: "bad"}}
	if one.Error() != "b.yaml:3: bad" {
		t.Errorf("one problem: %q", one.Error())
	}
	three := append(one, Problem{File: "b.yaml", Msg: "worse"}, Problem{File: "p.yaml", Line: 1, Msg: "x"})
	if three.Error() != "b.yaml:3: bad (and 2 more problems)" {
		t.Errorf("three problems: %q", three.Error())
	}
	if three[1].String() != "b.yaml: worse" {
		t.Errorf("a problem with no line: %q", three[1].String())
	}
	if (Problems{}).Error() != "no problems" {
		t.Errorf("no problems: %q", Problems{}.Error())
	}
}

func TestPlanProblems(t *testing.T) {
	load := func(plan string) []string {
		_, err := LoadBank(Source{Name: "bank.yaml", Data: []byte(testBankYAML)}, Source{Name: "plan.yaml", Data: []byte(plan)}, testGuides())
		if err == nil {
			t.Fatalf("plan accepted:\n%s", plan)
		}
		var out []string
		for _, p := range err.(Problems) {
			out = append(out, p.String())
		}
		return out
	}
	cases := []struct {
		name string
		plan string
		want []string
	}{
		{
			name: "a facet without actions",
			plan: replace(t, testPlanYAML, "  - facet: lead\n    actions:\n      - Take the lead in one hard conversation.\n      - Ask a peer how you came across.\n", ""),
			want: []string{"bank.yaml:22: facet lead has no development plan: a bank draws on the plan in plan.yaml, which has no actions for it (use one of its facet ids)"},
		},
		{
			name: "one action only",
			plan: replace(t, testPlanYAML, "      - Ask a peer how you came across.\n", ""),
			want: []string{fmt.Sprintf("plan.yaml:%d: plan for lead: needs at least 2 actions", lineOf(t, testPlanYAML, "- facet: lead"))},
		},
		{
			name: "a lean facet with one action toward the CTO",
			plan: replace(t, testPlanYAML, "      - Lead one product design review.\n", ""),
			want: []string{"plan.yaml:2: plan for build: a lean facet needs at least 2 actions toward_cto and 2 toward_cio"},
		},
		{
			name: "unknown facet",
			plan: testPlanYAML + "  - facet: nope\n    actions: [a, b]\n",
			want: []string{fmt.Sprintf("plan.yaml:%d: plan for unknown facet \"nope\"", strings.Count(testPlanYAML, "\n")+1)},
		},
		{
			name: "unknown field",
			plan: replace(t, testPlanYAML, "  - facet: ops\n", "  - facet: ops\n    when: soon\n"),
			want: []string{fmt.Sprintf("plan.yaml:%d: plan entry: unknown field \"when\"", lineOf(t, testPlanYAML, "- facet: ops")+1)},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := load(c.plan); !reflect.DeepEqual(got, c.want) {
				t.Errorf("problems:\n got %q\nwant %q", got, c.want)
			}
		})
	}
}

// facetsIn lists the facets of a layer in bank order.
func facetsIn(b *Bank, l Layer) []Facet {
	var out []Facet
	for _, f := range b.Facets {
		if f.Layer == l {
			out = append(out, f)
		}
	}
	return out
}
