package model

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// The fields bank v2 added, each problem reported at the line of the field
// that has it.
func TestNewFieldProblemsAtTheirLines(t *testing.T) {
	base := testBankYAML
	at := func(src, marker, format string, args ...any) string {
		return fmt.Sprintf("bank.yaml:%d: ", lineOf(t, src, marker)) + fmt.Sprintf(format, args...)
	}
	cases := []struct {
		name string
		bank string
		want func(s string) []string
	}{
		{
			name: "unknown industry",
			bank: replace(t, base, "    text: Two requests arrive at once. Which first?\n", "    text: Two requests arrive at once. Which first?\n    industry: fishing\n"),
			want: func(s string) []string {
				return []string{at(s, "industry: fishing", "item b-scen-2: industry %q is not one of %s", "fishing", strings.Join(Industries, ", "))}
			},
		},
		{
			name: "industry on a rating",
			bank: replace(t, base, "    text: What happens after an outage?\n", "    text: What happens after an outage?\n    industry: health\n"),
			want: func(s string) []string {
				return []string{at(s, "industry: health", "item ops-2: industry applies only to preference, scenario and choice items")}
			},
		},
		{
			name: "observer without the name",
			bank: replace(t, base, "    text: What happens after an outage?\n", "    text: What happens after an outage?\n    observer: What happens after an outage they handle?\n"),
			want: func(s string) []string {
				return []string{at(s, "observer: What happens", "item ops-2: observer wording needs {name} where the person's name goes")}
			},
		},
		{
			name: "observer on a lean item",
			bank: replace(t, base, "    text: Which win would you rather report?\n", "    text: Which win would you rather report?\n    observer: Which win would {name} report?\n"),
			want: func(s string) []string {
				return []string{at(s, "observer: Which win", "item b-choice-2: observer wording applies only to readiness and foundation items (colleagues rate behaviour, not preferences)")}
			},
		},
		{
			name: "chance on a statement",
			bank: replace(t, base, "    text: I would rather leave the product's shape to others.\n", "    text: I would rather leave the product's shape to others.\n    chance: shape a product\n"),
			want: func(s string) []string {
				return []string{at(s, "chance: shape", "item b-like-2: chance applies only to rating items (it is what \"no opportunity yet\" invites the person to seek)")}
			},
		},
		{
			name: "successor outside retired",
			bank: replace(t, base, "    text: What happens after an outage?\n", "    text: What happens after an outage?\n    successor: ops-3\n"),
			want: func(s string) []string {
				return []string{at(s, "successor: ops-3", "item ops-2: successor applies only to items under retired:")}
			},
		},
		{
			name: "retired item with a successor the bank does not ask",
			bank: base + retiredYAML("    successor: ops-9\n"),
			want: func(s string) []string {
				return []string{at(s, "successor: ops-9", "item ops-0: successor %q is not an item the bank asks", "ops-9")}
			},
		},
		{
			name: "retired id taken by an asked item",
			bank: base + strings.Replace(retiredYAML(""), "- id: ops-0", "- id: ops-2", 1),
			want: func(s string) []string {
				return []string{fmt.Sprintf("bank.yaml:%d: duplicate item id \"ops-2\" (first on line %d)", strings.Count(base, "\n")+2, lineOf(t, base, "- id: ops-2"))}
			},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got, want := problems(t, c.bank), c.want(c.bank); !reflect.DeepEqual(got, want) {
				t.Errorf("problems:\n got %q\nwant %q", got, want)
			}
		})
	}
}

// retiredYAML is a retired: section with one rating the bank used to ask.
func retiredYAML(extra string) string {
	return `retired:
  - id: ops-0
    facet: ops
    format: rating
    text: How tidy is the server room?
    anchors:
      1: Messy.
      3: Tidy.
      5: Spotless.
` + extra + `    guide: g#two
`
}

// A retired item is never asked, but an answer to it keeps its words and
// its score; resuming an older assessment keeps the answered retired
// items, gives an open one's place to its successor, and does not ask the
// successor of an answered one as well.
func TestRetiredItemsKeepTheirAnswers(t *testing.T) {
	b := load(t, testBankYAML+retiredYAML("    successor: ops-3\n"), "")
	old, ok := b.Item("ops-0")
	if !ok || !old.Retired || old.Text != "How tidy is the server room?" || old.Successor != "ops-3" {
		t.Fatalf("retired item: %+v %v", old, ok)
	}
	for _, l := range []Length{LengthFull, LengthQuick} {
		if slices.Contains(Order(b, l, "x"), "ops-0") {
			t.Errorf("%s order asks the retired item", l)
		}
	}
	if n, _ := Estimate(b, LengthFull); n != len(b.Items) {
		t.Errorf("the estimate counts %d items, want the %d asked", n, len(b.Items))
	}

	// An assessment from before ops-3 replaced ops-0, answered 5 on it.
	a := NewAssessment(b, "r1", t0, LengthFull, "")
	a.Order = slices.DeleteFunc(a.Order, func(id string) bool { return id == "ops-3" })
	a.Order = append(a.Order[:1], append([]string{"ops-0"}, a.Order[1:]...)...)
	a.Answers["ops-0"] = v(5)
	fresh := a.Clone()
	a.Reconcile(b)
	if !slices.Contains(a.Order, "ops-0") {
		t.Fatal("the answered retired item left the order")
	}
	if slices.Contains(a.Order, "ops-3") {
		t.Error("the successor of an answered retired item was added")
	}
	r := Compute(b, a)
	ops := r.Readiness[0]
	if ops.ID != "ops" || ops.N != 1 || ops.Score != 100 || r.Unscored != 0 {
		t.Errorf("ops %+v unscored %d: the retired answer counts", ops, r.Unscored)
	}
	rep := BuildReport(b, a, r)
	found := false
	for _, ra := range rep.Answers {
		if ra.ID == "ops-0" {
			found = ra.Text == "How tidy is the server room?" && ra.Answer == "5 - Spotless."
		}
	}
	if !found {
		t.Errorf("the export does not show ops-0 with its own words: %+v", rep.Answers)
	}

	// The same assessment with ops-0 left open: its successor takes over.
	delete(fresh.Answers, "ops-0")
	fresh.Reconcile(b)
	if slices.Contains(fresh.Order, "ops-0") || !slices.Contains(fresh.Order, "ops-3") {
		t.Errorf("order %v: an open retired item gives way to its successor", fresh.Order)
	}
}

// An answer the order no longer holds (an item a custom bank dropped)
// stays visible in the export.
func TestExportKeepsAnswersToRemovedItems(t *testing.T) {
	b := testBank(t)
	a := NewAssessment(b, "r2", t0, LengthFull, "")
	a.Answers["gone-1"] = Answer{Value: 4, Note: "kept"}
	a.Answers["gone-2"] = Answer{Skipped: true}
	rep := BuildReport(b, a, Compute(b, a))
	last := rep.Answers[len(rep.Answers)-1]
	if len(rep.Answers) != len(a.Order)+1 || last.ID != "gone-1" || last.Answer != "answer 4" || last.Note != "kept" || !strings.Contains(last.Text, "no longer in the question bank") {
		t.Errorf("appendix ends %+v (%d rows, %d in the order)", last, len(rep.Answers), len(a.Order))
	}
}

// "No opportunity yet" is not a score: the area is scored from its other
// answers, and the plan lists the item under "later" as a chance to seek.
func TestNoOpportunityIsAChanceNotAScore(t *testing.T) {
	b := load(t, strings.Replace(testBankYAML, "      5: Tracked fixes.\n", "      5: Tracked fixes.\n    chance: lead the review after an outage\n", 1), "")
	a := assess(b, nil, func(it Item) (Answer, bool) {
		if it.ID == "ops-2" {
			return Answer{NoOpportunity: true}, true
		}
		return v(4), true
	})
	r := Compute(b, a)
	var ops Score
	for _, s := range r.Readiness {
		if s.ID == "ops" {
			ops = s
		}
	}
	if ops.N != 2 || ops.Score != 75 || r.NoOpportunity != 1 || r.Answered+r.Skipped+r.NA+r.NoOpportunity != r.Total {
		t.Errorf("ops %+v, counts %d/%d/%d/%d of %d", ops, r.Answered, r.Skipped, r.NA, r.NoOpportunity, r.Total)
	}
	var chance *PlanStep
	for i, s := range r.Later {
		if s.Band == MarkNoOpportunity {
			chance = &r.Later[i]
		}
	}
	if chance == nil || chance.Name != "Seek the chance to lead the review after an outage" || chance.FacetID != "ops" || chance.Guide != "g#two" {
		t.Errorf("later %+v", r.Later)
	}
	if got := AnswerText(Item{}, Answer{NoOpportunity: true}); got != "no opportunity yet" {
		t.Errorf("answer text %q", got)
	}
}
