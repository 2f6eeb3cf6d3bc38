package model

import (
	"strings"
	"testing"
	"time"
)

// testGuides are two tiny guides the test banks point at.
func testGuides() []Guide {
	return []Guide{
		ParseGuide("g", "# G\n\n## One\n\ntext\n## Two\n\nmore text\n"),
		ParseGuide("h", "# H\n\n## Three\n"),
	}
}

// testBankYAML is a small, valid bank: one lean facet with every lean
// format, two readiness facets and one foundation facet.
//
// Lean items and the value (-1..1, toward CTO) of each option:
//
//	b-like-1  likert, forward          (pair b-like-2)   quick
//	b-like-2  likert, reverse          (pair b-like-1)
//	b-choice-1 choice  [+2, -2]                          quick
//	b-choice-2 choice  [-2, +2]
//	b-scen-1  scenario [+1, -2, +2, 0]
//	b-scen-2  scenario [-2, 0, +2]
const testBankYAML = `version: "test-1"
facets:
  - id: build
    name: What you build
    layer: lean
    group: orientation
    cto: The product
    cio: The internal estate
    guide: g#one
  - id: ops
    name: Operations
    layer: readiness
    group: operational
    guide: g#two
    expect: {cto: 50, cio: 80}
  - id: area-x
    name: Area X
    layer: readiness
    group: area
    guide: h#three
    expect: {cto: 80, cio: 40}
  - id: lead
    name: Leadership
    layer: foundation
    group: foundation
    guide: g
    expect: {cto: 70, cio: 70}
items:
  - id: b-like-1
    facet: build
    format: likert
    text: I like shaping the product people buy.
    scale: cto
    pair: b-like-2
    quick: true
    guide: g#one
  - id: b-like-2
    facet: build
    format: likert
    text: I would rather leave the product's shape to others.
    scale: cto
    reverse: true
    pair: b-like-1
    guide: g#one
  - id: b-choice-1
    facet: build
    format: choice
    text: Which would you rather own?
    options:
      - {text: The product roadmap, score: 2}
      - {text: The help desk, score: -2}
    quick: true
    guide: g#one
  - id: b-choice-2
    facet: build
    format: choice
    text: Which win would you rather report?
    options:
      - {text: Costs down, score: -2}
      - {text: Revenue up, score: 2}
    guide: g#one
  - id: b-scen-1
    facet: build
    format: scenario
    text: A free quarter with a small team. What do you do?
    options:
      - {text: Polish the sign-up flow, score: 1}
      - {text: Automate approvals, score: -2}
      - {text: Build a paid add-on, score: 2}
      - {text: A bit of both, score: 0}
    guide: g#one
  - id: b-scen-2
    facet: build
    format: scenario
    text: Two requests arrive at once. Which first?
    options:
      - {text: The staff outage, score: -2}
      - {text: Whichever is smaller, score: 0}
      - {text: The big prospect, score: 2}
    guide: g#one
  - id: ops-1
    facet: ops
    format: rating
    text: How do routine jobs get done?
    anchors:
      1: From memory.
      3: Mostly written down.
      5: Owned, automated and reviewed.
    na: true
    quick: true
    guide: g#two
  - id: ops-2
    facet: ops
    format: rating
    text: What happens after an outage?
    anchors:
      1: Nothing.
      3: A write-up.
      5: Tracked fixes.
    guide: g#two
  - id: ops-3
    facet: ops
    format: rating
    text: How do newcomers learn the work?
    anchors:
      1: By shadowing.
      3: From notes.
      5: From current guides.
    guide: g#two
  - id: ax-1
    facet: area-x
    format: rating
    text: How is area X planned?
    anchors:
      1: Not at all.
      3: Yearly.
      5: Continuously.
    quick: true
    guide: h#three
  - id: ax-2
    facet: area-x
    format: likert
    text: I could explain area X to the board.
    guide: h#three
  - id: ld-1
    facet: lead
    format: likert
    text: People follow my lead when things get hard.
    pair: ld-2
    quick: true
    guide: g#one
  - id: ld-2
    facet: lead
    format: likert
    text: I avoid making calls that others might dispute.
    reverse: true
    pair: ld-1
    quick: true
    guide: g#one
  - id: ld-3
    facet: lead
    format: rating
    text: How do you handle a hard conversation?
    anchors:
      1: I put it off.
      3: I have it when I must.
      5: Early, kindly and clearly.
    guide: g#two
`

// testPlanYAML covers every facet of testBankYAML.
const testPlanYAML = `plan:
  - facet: build
    toward_cto:
      - Sit in on five customer calls.
      - Lead one product design review.
    toward_cio:
      - Shadow the help desk for a day.
      - Map the internal systems finance relies on.
      - Price the licences the company pays for.
  - facet: ops
    actions:
      - Write a runbook for the job you repeat most.
      - Review one outage with the team.
  - facet: area-x
    actions:
      - Draft a one-page plan for area X.
      - Present it to your manager.
      - Ask for written feedback.
      - A fourth action the plan must drop.
  - facet: lead
    actions:
      - Take the lead in one hard conversation.
      - Ask a peer how you came across.
`

// load parses a bank (and optional plan) from strings, failing the test on
// any problem.
func load(t testing.TB, bank, plan string) *Bank {
	t.Helper()
	var ps Source
	if plan != "" {
		ps = Source{Name: "plan.yaml", Data: []byte(plan)}
	}
	b, err := LoadBank(Source{Name: "bank.yaml", Data: []byte(bank)}, ps, testGuides())
	if err != nil {
		t.Fatalf("LoadBank: %v\nall problems:\n%s", err, problemList(err))
	}
	return b
}

func testBank(t testing.TB) *Bank { return load(t, testBankYAML, "") }

// problems runs LoadBank on a bank that should be broken and returns every
// problem as "file:line: message".
func problems(t testing.TB, bank string) []string {
	t.Helper()
	b, err := LoadBank(Source{Name: "bank.yaml", Data: []byte(bank)}, Source{}, testGuides())
	if err == nil {
		t.Fatalf("LoadBank accepted a broken bank:\n%s", bank)
	}
	if b != nil {
		t.Errorf("LoadBank returned a bank along with problems")
	}
	ps, ok := err.(Problems)
	if !ok {
		t.Fatalf("error is %T, want Problems", err)
	}
	var out []string
	for _, p := range ps {
		out = append(out, p.String())
	}
	return out
}

func problemList(err error) string {
	ps, ok := err.(Problems)
	if !ok {
		return err.Error()
	}
	var sb strings.Builder
	for _, p := range ps {
		sb.WriteString("  " + p.String() + "\n")
	}
	return sb.String()
}

// lineOf is the 1-based line of the first line of text containing marker.
func lineOf(t testing.TB, text, marker string) int {
	t.Helper()
	for i, l := range strings.Split(text, "\n") {
		if strings.Contains(l, marker) {
			return i + 1
		}
	}
	t.Fatalf("marker %q not in text", marker)
	return 0
}

// replace swaps one exact, unique occurrence of old for new.
func replace(t testing.TB, text, old, new string) string {
	t.Helper()
	if n := strings.Count(text, old); n != 1 {
		t.Fatalf("%q occurs %d times, want once", old, n)
	}
	return strings.Replace(text, old, new, 1)
}

// bankOrder is the item ids in bank order: an order with no shuffle, so a
// test can reason about runs and neighbours.
func bankOrder(b *Bank) []string {
	var ids []string
	for _, it := range b.Items {
		ids = append(ids, it.ID)
	}
	return ids
}

// assess makes an assessment over the given order (bank order when nil)
// with answers from fn; fn returning ok=false leaves the item unanswered.
func assess(b *Bank, order []string, fn func(it Item) (Answer, bool)) *Assessment {
	if order == nil {
		order = bankOrder(b)
	}
	a := &Assessment{ID: "t", Length: LengthFull, BankVersion: b.Version, Order: order, Answers: map[string]Answer{}, Status: StatusInProgress}
	for _, id := range order {
		it, _ := b.Item(id)
		if ans, ok := fn(it); ok {
			a.Answers[id] = ans
		}
	}
	return a
}

// bestOption is the 1-based option with the highest (toCTO) or lowest score.
func bestOption(it Item, toCTO bool) int {
	best := 0
	for i, o := range it.Options {
		if best == 0 || (toCTO && o.Score > it.Options[best-1].Score) || (!toCTO && o.Score < it.Options[best-1].Score) {
			best = i + 1
		}
	}
	return best
}

// sided answers every lean item as far toward one role as it goes, and
// every readiness and foundation item at capability level 4 of 5.
func sided(b *Bank, toCTO bool) func(it Item) (Answer, bool) {
	return func(it Item) (Answer, bool) {
		f, _ := b.Facet(it.Facet)
		switch it.Format {
		case FormatChoice, FormatScenario:
			return Answer{Value: bestOption(it, toCTO)}, true
		case FormatLikert:
			agree := toCTO
			if f.Layer != LayerLean {
				agree = true
			}
			if it.Reverse {
				agree = !agree
			}
			if f.Layer != LayerLean {
				return Answer{Value: map[bool]int{true: 4, false: 2}[agree]}, true
			}
			return Answer{Value: map[bool]int{true: 5, false: 1}[agree]}, true
		}
		return Answer{Value: 4}, true
	}
}

// only answers the listed items with the given answers.
func only(answers map[string]Answer) func(it Item) (Answer, bool) {
	return func(it Item) (Answer, bool) {
		a, ok := answers[it.ID]
		return a, ok
	}
}

func v(n int) Answer { return Answer{Value: n} }

func codes(fs []Flag) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Code)
	}
	return out
}

var t0 = time.Date(2026, 11, 23, 17, 8, 11, 0, time.UTC)
