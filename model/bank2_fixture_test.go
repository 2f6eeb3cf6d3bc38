package model_test

import (
	"encoding/json"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

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
			// The stored result was written before a lean without enough
			// answers stopped carrying a size word; every number and the
			// verdict must read the same.
			want := stored.Lean
			if !want.Enough {
				want.Size = ""
			}
			if cur.Lean != want || !reflect.DeepEqual(cur.Affinities, stored.Affinities) {
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

// An assessment begun with bank 2026.11-2 and resumed with today's bank
// keeps every answer where it was, with its words; the items it left open
// are asked in today's words, and the successor of an item already
// answered is not asked as well.
func TestBank2InProgressResumes(t *testing.T) {
	b, err := assets.DefaultBank()
	if err != nil {
		t.Fatal(err)
	}
	a, _, _ := bank2(t, "full")
	a.Status, a.Finished = model.StatusInProgress, time.Time{}
	open := a.Order[len(a.Order)-20:]
	for _, id := range open {
		delete(a.Answers, id)
	}
	answered, _ := a.Progress()
	a.Reconcile(b)
	if n, _ := a.Progress(); n != answered {
		t.Errorf("%d answers count after resuming, %d before", n, answered)
	}
	seen := map[string]bool{}
	for _, id := range a.Order {
		it, ok := b.Item(id)
		if !ok || seen[id] {
			t.Fatalf("order holds %q twice or unknown", id)
		}
		seen[id] = true
		if it.Retired && !a.Answers[id].Given() {
			t.Errorf("%s: an open retired item is still asked", id)
		}
		if it.Retired && it.Successor != "" && slices.Contains(a.Order, it.Successor) {
			t.Errorf("%s was answered, yet its successor %s is asked too", id, it.Successor)
		}
	}
	for _, id := range open {
		if it, _ := b.Item(id); !it.Retired && !seen[id] {
			t.Errorf("%s, open and still asked, left the order", id)
		}
	}
	for _, id := range []string{"processes-1", "business-units-1", "alignment-1", "technologist-1"} {
		if !seen[id] {
			t.Errorf("the new item %s is not asked", id)
		}
	}
	if i := a.FirstOpen(); i >= len(a.Order) {
		t.Error("nothing left to answer")
	} else if it, _ := b.Item(a.Order[i]); it.Retired {
		t.Errorf("resumes at the retired item %s", it.ID)
	}
}
