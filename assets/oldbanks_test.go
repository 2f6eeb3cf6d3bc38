package assets

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/cxo-dev/cxo/model"
)

// Custom banks written in the first bank's format, as a coach would have
// copied them: bank 2026.11-2 loads as a custom bank, and its results are
// labelled with its own version; bank 2026.11-1 is refused, and bank check
// names exactly what it lacks, at each line: a balanced option in each of
// its four scenarios.
func TestCustomBanksWrittenForTheFirstBank(t *testing.T) {
	data, err := os.ReadFile("../model/testdata/bank2/bank-2026.11-2.yaml")
	if err != nil {
		t.Fatal(err)
	}
	b, err := LoadBank("coach.yaml", data)
	if err != nil {
		t.Fatalf("bank 2026.11-2 as a custom bank: %v", err)
	}
	a := model.NewAssessment(b, "20261201-120000-c0a", time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC), model.LengthQuick, "")
	for _, id := range a.Order {
		a.Answers[id] = model.Answer{Value: 2}
	}
	r := model.Compute(b, a)
	md := model.Markdown(b, model.BuildReport(b, a, r))
	if r.BankVersion != "2026.11-2" || !strings.Contains(md, "- Question bank: 2026.11-2\n") || r.Answered != len(a.Order) {
		t.Errorf("result of bank %q, %d of %d answered; the export must name the bank it was taken with", r.BankVersion, r.Answered, len(a.Order))
	}

	first, err := os.ReadFile("testdata/bank-2026.11-1.yaml")
	if err != nil {
		t.Fatal(err)
	}
	_, err = LoadBank("first.yaml", first)
	ps, ok := err.(model.Problems)
	if !ok || len(ps) != 4 {
		t.Fatalf("bank 2026.11-1: %v, want its four scenarios named", err)
	}
	for i, id := range []string{"value-5", "customers-5", "runs-5", "strength-5"} {
		want := "item " + id + ": a scenario needs a balanced option (score 0)"
		line := 0
		for n, l := range strings.Split(string(first), "\n") {
			if l == "  - id: "+id {
				line = n + 1
			}
		}
		if ps[i].Line != line || !strings.HasPrefix(ps[i].Msg, want) {
			t.Errorf("problem %d: %s, want line %d: %s", i, ps[i], line, want)
		}
	}
}
