package model_test

import (
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/cxo-dev/cxo/assets"
	"github.com/cxo-dev/cxo/model"
)

// method1 loads an assessment finished with bank 2026.11-1 under the first
// scoring rules, its stored result and its export as they were written
// then (testdata/method1, committed before the bank and the rules changed).
func method1(t *testing.T, length string) (*model.Assessment, model.Result, string) {
	t.Helper()
	var a model.Assessment
	var r model.Result
	for name, v := range map[string]any{"assessment": &a, "result": &r} {
		data, err := os.ReadFile("testdata/method1/" + length + "-" + name + ".json")
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(data, v); err != nil {
			t.Fatal(err)
		}
	}
	md, err := os.ReadFile("testdata/method1/" + length + "-export.md")
	if err != nil {
		t.Fatal(err)
	}
	return &a, r, string(md)
}

// appendix reads the answers column of an export's appendix by item id.
func appendix(md string) map[string]string {
	out := map[string]string{}
	_, table, _ := strings.Cut(md, "## Appendix")
	for _, line := range strings.Split(table, "\n") {
		cells := strings.Split(line, " | ")
		if len(cells) >= 4 && strings.HasPrefix(line, "| ") && !strings.HasPrefix(line, "| #") && !strings.HasPrefix(line, "| ---") {
			out[strings.ReplaceAll(cells[1], `\-`, "-")] = cells[3]
		}
	}
	return out
}

// An assessment finished under method 1 still opens, exports and compares
// with today's bank and rules: its stored result is kept and labelled
// method 1, the current method's reading is shown beside it, every answer
// is present and shown against the words it was given to, and nothing
// stored changes.
func TestMethod1AssessmentsStillOpenExportAndCompare(t *testing.T) {
	b, err := assets.DefaultBank()
	if err != nil {
		t.Fatal(err)
	}
	for _, length := range []string{"full", "quick"} {
		t.Run(length, func(t *testing.T) {
			a, stored, oldMD := method1(t, length)
			pristine, _, _ := method1(t, length)
			if a.BankVersion == b.Version || stored.MethodOf() != 1 {
				t.Fatalf("fixture bank %s method %d: want an older bank and method 1", a.BankVersion, stored.MethodOf())
			}
			if err := a.CheckBank(b); err != nil {
				t.Fatalf("opens: %v", err)
			}
			cur := model.Compute(b, a)
			if cur.Method != model.Method || cur.Answered != stored.Answered || cur.Skipped != stored.Skipped || cur.NA != stored.NA || cur.Unscored != 0 {
				t.Errorf("rescored counts %d/%d/%d unscored %d, stored %d/%d/%d: every answer must still count",
					cur.Answered, cur.Skipped, cur.NA, cur.Unscored, stored.Answered, stored.Skipped, stored.NA)
			}
			rep := model.BuildReport(b, a, stored)
			if rep.Method != 1 || rep.Rescored == nil || rep.Rescored.Method != model.Method || rep.Lean.Score == nil || *rep.Lean.Score != stored.Lean.Score {
				t.Errorf("export method %d rescored %+v lean %+v: the stored result labelled method 1 with method %d beside it", rep.Method, rep.Rescored, rep.Lean, model.Method)
			}
			md := model.Markdown(b, rep)
			if !strings.Contains(md, "Scoring method: 1") || !strings.Contains(md, "scored with method 1 when it was finished") {
				t.Error("the Markdown export does not say the result is method 1 with method 2 beside it")
			}
			// Every answer shows the words it was given to: the same text,
			// or for a two-option choice now a five-point preference, the
			// same statement at the extreme.
			before, after := appendix(oldMD), appendix(md)
			if len(before) == 0 || len(before) != len(after) {
				t.Fatalf("appendix rows %d before, %d after", len(before), len(after))
			}
			for id, was := range before {
				now := after[id]
				if _, replaced := b.ReplacedBy(id); replaced && was != "not answered" && was != "skipped" {
					if now != "Much more: "+was {
						t.Errorf("%s: %q, was %q", id, now, was)
					}
					continue
				}
				if now != was {
					t.Errorf("%s: %q, was %q", id, now, was)
				}
			}
			// Compare reads both sides with one method and says which.
			fresh := model.Compute(b, a)
			if _, err := model.Compare(stored, fresh); err == nil {
				t.Error("compared a method 1 result with a method 2 one")
			}
			x, y := model.OneMethod(b, a, stored, a, fresh)
			cmp, err := model.Compare(x, y)
			if err != nil || cmp.Method != model.Method || cmp.Lean.Changed {
				t.Errorf("compare: %+v %v", cmp, err)
			}
			if !reflect.DeepEqual(a, pristine) {
				t.Error("opening, scoring or exporting changed the stored assessment")
			}
		})
	}
}
