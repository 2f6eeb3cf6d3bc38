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

// bank2 loads an assessment finished with bank 2026.11-2 under method 2,
// its stored result and its Markdown export as they were written then
// (testdata/bank2, committed before bank 2026.11-3 retired and rewrote
// most of its items; bank-2026.11-2.yaml is that bank).
func bank2(t *testing.T, length string) (*model.Assessment, model.Result, string) {
	t.Helper()
	var a model.Assessment
	var r model.Result
	for name, v := range map[string]any{"assessment": &a, "result": &r} {
		data, err := os.ReadFile("testdata/bank2/" + length + "-" + name + ".json")
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(data, v); err != nil {
			t.Fatal(err)
		}
	}
	md, err := os.ReadFile("testdata/bank2/" + length + "-export.md")
	if err != nil {
		t.Fatal(err)
	}
	return &a, r, string(md)
}

// An assessment finished with bank 2026.11-2 opens, exports and compares
// with today's bank: every answer counts as it did, and each is shown
// against the very words it was given to, in the export's appendix.
func TestBank2AssessmentsOpenExportAndCompare(t *testing.T) {
	b, err := assets.DefaultBank()
	if err != nil {
		t.Fatal(err)
	}
	for _, length := range []string{"full", "quick"} {
		t.Run(length, func(t *testing.T) {
			a, stored, oldMD := bank2(t, length)
			pristine, _, _ := bank2(t, length)
			if err := a.CheckBank(b); err != nil {
				t.Fatalf("opens: %v", err)
			}
			cur := model.Compute(b, a)
			if cur.Answered != stored.Answered || cur.Skipped != stored.Skipped || cur.NA != stored.NA || cur.Unscored != 0 {
				t.Errorf("counts %d/%d/%d unscored %d, stored %d/%d/%d: every answer must still count",
					cur.Answered, cur.Skipped, cur.NA, cur.Unscored, stored.Answered, stored.Skipped, stored.NA)
			}
			if cur.Lean != stored.Lean || !reflect.DeepEqual(cur.Affinities, stored.Affinities) {
				t.Errorf("lean %+v affinities %+v, stored %+v %+v: the same answers read the same", cur.Lean, cur.Affinities, stored.Lean, stored.Affinities)
			}
			md := model.Markdown(b, model.BuildReport(b, a, stored))
			before, after := appendixRows(oldMD), appendixRows(md)
			if len(before) == 0 || len(before) != len(after) {
				t.Fatalf("appendix rows %d before, %d after", len(before), len(after))
			}
			for id, was := range before {
				if now := after[id]; now != was {
					t.Errorf("%s: %q, was %q", id, now, was)
				}
			}
			x, y := model.OneMethod(b, a, stored, a, cur)
			if cmp, err := model.Compare(x, y); err != nil || cmp.Lean.Changed {
				t.Errorf("compare: %+v %v", cmp, err)
			}
			if !reflect.DeepEqual(a, pristine) {
				t.Error("opening, scoring or exporting changed the stored assessment")
			}
		})
	}
}

// appendixRows reads the question and answer columns of an export's
// appendix by item id.
func appendixRows(md string) map[string]string {
	out := map[string]string{}
	_, table, _ := strings.Cut(md, "## Appendix")
	for _, line := range strings.Split(table, "\n") {
		cells := strings.Split(line, " | ")
		if len(cells) >= 4 && strings.HasPrefix(line, "| ") && !strings.HasPrefix(line, "| #") && !strings.HasPrefix(line, "| ---") {
			out[strings.ReplaceAll(cells[1], `\-`, "-")] = cells[2] + " => " + cells[3]
		}
	}
	return out
}
