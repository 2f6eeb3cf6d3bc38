package model_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/cxo-dev/cxo/model"
)

// Export version 2 adds, without renaming anything of version 1: the
// profile, the lean's size and certainty, the affinities, both roles'
// expected levels per area (cxo's judgement, with the reason), the method,
// whether the result is provisional, and the plan's "later" list.
func TestJSONExportVersion2(t *testing.T) {
	b, a := fixedAssessment(t)
	a.Length = model.LengthQuick
	var doc map[string]any
	if err := json.Unmarshal(model.JSON(model.BuildReport(b, a, model.Compute(b, a))), &doc); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"schema", "id", "bank_version", "status", "lean", "facets", "readiness", "flags", "plan", "answers",
		"profile", "affinities", "method", "provisional", "later", "held", "peers"} {
		if _, ok := doc[k]; !ok {
			t.Errorf("export lacks %q", k)
		}
	}
	if doc["schema"] != float64(2) || doc["method"] != float64(model.Method) || doc["provisional"] != true {
		t.Errorf("schema %v method %v provisional %v", doc["schema"], doc["method"], doc["provisional"])
	}
	lean := doc["lean"].(map[string]any)
	for _, k := range []string{"score", "low", "high", "verdict", "direction", "size", "certainty", "confidence"} {
		if _, ok := lean[k]; !ok {
			t.Errorf("lean lacks %q", k)
		}
	}
	if afs := doc["affinities"].([]any); len(afs) != 2 || afs[0].(map[string]any)["role"] != "cto" || afs[1].(map[string]any)["indicative"] != true {
		t.Errorf("affinities %v", afs)
	}
	area := doc["readiness"].([]any)[0].(map[string]any)
	exp := area["expect"].(map[string]any)
	if exp["cto"] == nil || exp["cio"] == nil || exp["basis"] != "cxo's judgement" || exp["reason"] == "" || exp["vs_cto"] == nil {
		t.Errorf("readiness expect %v", exp)
	}
	if plan := doc["plan"].([]any); len(plan) > model.Priorities {
		t.Errorf("%d priorities", len(plan))
	}
	md := model.Markdown(b, model.BuildReport(b, a, model.Compute(b, a)))
	quality, results := strings.Index(md, "## Answer quality"), strings.Index(md, "## Lean")
	if quality < 0 || quality > results || !strings.Contains(md, "Provisional: a quick assessment") {
		t.Error("the Markdown export does not put answer quality first, or does not say quick is provisional")
	}
}

func TestListLeanNamesTheMethod(t *testing.T) {
	cases := map[string]string{
		"clear CTO lean (+45)":             "clear CTO lean (+45) · method 1",
		"strong CTO lean (+72) · method 2": "strong CTO lean (+72) · method 2",
		"":                                 "",
		// kept before an unclear verdict lost its number
		"unclear - your trade-off answers pull too many ways to tell (provisional: quick assessment) (-44) · method 2": "unclear - your trade-off answers pull too many ways to tell (provisional: quick assessment) · method 2",
	}
	for in, want := range cases {
		if got := model.ListLean(in); got != want {
			t.Errorf("ListLean(%q) = %q, want %q", in, got, want)
		}
	}
	r := model.Result{Method: 2, Lean: model.Lean{Verdict: "unclear - answer 3 more trade-off items for a verdict", Score: 40}}
	if got := model.HeaderLean(r); got != "unclear - answer 3 more trade-off items for a verdict · method 2" {
		t.Errorf("HeaderLean = %q: no score without the evidence", got)
	}
	r = model.Result{Method: 2, Profile: model.ProfileUnclear, Lean: model.Lean{Verdict: "unclear - your trade-off answers pull too many ways to tell", Enough: true, Score: -44}}
	if got := model.HeaderLean(r); got != "unclear - your trade-off answers pull too many ways to tell · method 2" {
		t.Errorf("HeaderLean = %q: an unclear verdict carries no score", got)
	}
}
