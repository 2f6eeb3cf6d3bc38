package model_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/cxo-dev/cxo/assets"
	"github.com/cxo-dev/cxo/model"
)

// fixedAssessment is a finished full assessment with varied answers, a
// skip, a "not applicable" and an evidence note holding escape sequences.
func fixedAssessment(t testing.TB) (*model.Bank, *model.Assessment) {
	t.Helper()
	b, err := assets.DefaultBank()
	if err != nil {
		t.Fatal(err)
	}
	start := time.Date(2026, 11, 2, 9, 30, 0, 0, time.UTC)
	a := model.NewAssessment(b, "20261102-093000-abc", start, model.LengthFull, model.RoleCIO)
	for i, id := range a.Order {
		it, _ := b.Item(id)
		ans := model.Answer{Value: i%it.Levels() + 1, At: start.Add(time.Duration(i) * 20 * time.Second), Took: 9 * time.Second}
		switch i {
		case 3:
			ans = model.Answer{Skipped: true, At: ans.At}
		case 30:
			if it.NA {
				ans = model.Answer{NA: true, At: ans.At, Took: ans.Took}
			}
		case 31:
			ans.Note = "ran the \x1b[31mDR test\x1b[0m | twice\x07 <b>bold</b>"
		case 40, 41:
			if it.Format == model.FormatRating {
				ans = model.Answer{NoOpportunity: true, At: ans.At, Took: ans.Took}
			}
		}
		a.Answers[id] = ans
	}
	a.Status = model.StatusFinished
	a.Finished = start.Add(25 * time.Minute)
	return b, a
}

func TestMarkdownExportGolden(t *testing.T) {
	b, a := fixedAssessment(t)
	md := model.Markdown(b, model.BuildReport(b, a, model.Compute(b, a)))
	if strings.ContainsRune(md, 0x1b) || strings.ContainsRune(md, 0x07) {
		t.Fatal("control characters from a note reached the export")
	}
	if !strings.Contains(md, "ran the DR test \\| twice &lt;b&gt;bold&lt;/b&gt;") {
		t.Error("the evidence note is not in the export, cleaned and escaped")
	}
	golden.RequireEqual(t, []byte(md))
}

func TestJSONExportGolden(t *testing.T) {
	b, a := fixedAssessment(t)
	data := model.JSON(model.BuildReport(b, a, model.Compute(b, a)))
	var doc struct {
		Schema      int    `json:"schema"`
		ID          string `json:"id"`
		BankVersion string `json:"bank_version"`
		Status      string `json:"status"`
		Lean        struct {
			Score, Low, High int
			Verdict          string
		} `json:"lean"`
		Facets []struct {
			ID, Name string
			Score    int
		} `json:"facets"`
		Readiness []struct {
			ID, Name string
			Score    int
		} `json:"readiness"`
		Flags   []struct{ Code, Message string }    `json:"flags"`
		Plan    []any                               `json:"plan"`
		Answers []struct{ ID, Text, Answer string } `json:"answers"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Schema != model.ExportSchema || doc.ID != a.ID || doc.BankVersion != b.Version || doc.Status != "finished" {
		t.Errorf("header fields: %+v", doc)
	}
	if len(doc.Facets) != 4 || len(doc.Readiness) != 18 || len(doc.Answers) != len(a.Order) || doc.Lean.Verdict == "" {
		t.Errorf("sections: %d facets, %d readiness, %d answers", len(doc.Facets), len(doc.Readiness), len(doc.Answers))
	}
	if strings.ContainsRune(string(data), 0x1b) {
		t.Error("escape byte in the JSON export")
	}
	golden.RequireEqual(t, data)
}

// BenchmarkExport is scoring plus the Markdown of a finished full
// assessment: what cxo export does beyond reading the store.
func BenchmarkExport(b *testing.B) {
	bank, a := fixedAssessment(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = model.Markdown(bank, model.BuildReport(bank, a, model.Compute(bank, a)))
	}
}

func TestCleanKeepsWordsApart(t *testing.T) {
	for in, want := range map[string]string{
		"line one\nline two":        "line one line two",
		"end\r\n# heading":          "end # heading",
		"a\tb":                      "a b",
		"a \nb":                     "a b",
		"red \x1b[31malert\x1b[0m!": "red alert!",
		"title\x1b]0;evil\x07 kept": "title kept",
		"  padded\n":                "padded",
		"bell\x07 and nul\x00 gone": "bell and nul gone",
	} {
		if got := model.Clean(in); got != want {
			t.Errorf("Clean(%q) = %q, want %q", in, got, want)
		}
	}
}

// Nothing rated reads as nothing rated: no 0 scores that look like level 1,
// no facet placed in the middle, no claim that every area meets its level.
func TestExportOfAnUnratedAssessment(t *testing.T) {
	b, err := assets.DefaultBank()
	if err != nil {
		t.Fatal(err)
	}
	a := model.NewAssessment(b, "20261102-093000-abc", time.Date(2026, 11, 2, 9, 30, 0, 0, time.UTC), model.LengthQuick, "")
	rep := model.BuildReport(b, a, model.Compute(b, a))
	var doc struct {
		Facets    []map[string]any `json:"facets"`
		Readiness []map[string]any `json:"readiness"`
		Answers   []map[string]any `json:"answers"`
	}
	if err := json.Unmarshal(model.JSON(rep), &doc); err != nil {
		t.Fatal(err)
	}
	for _, s := range append(doc.Facets, doc.Readiness...) {
		if s["score"] != nil || s["low"] != nil || s["high"] != nil || s["answers"] != float64(0) {
			t.Errorf("unrated %v carries a score: %v", s["id"], s)
		}
	}
	for _, ans := range doc.Answers {
		if ans["answer"] != "not answered" {
			t.Errorf("an item never reached reads %q", ans["answer"])
		}
	}
	md := model.Markdown(b, rep)
	if strings.Contains(md, "| 50 | 0-100 |") || !strings.Contains(md, "| not rated | - |") {
		t.Errorf("unrated facets are placed on the scale:\n%s", md)
	}
	if !strings.Contains(md, "Nothing was rated yet") || strings.Contains(md, "every rated area meets") {
		t.Errorf("the gaps section claims areas meet their level:\n%s", md)
	}
}
