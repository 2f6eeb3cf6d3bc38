package ui

import (
	"strings"
	"testing"

	"github.com/cxo-dev/cxo/model"
)

// "Gather evidence" is numbered like every other priority: "priority 1
// of 2", not a bare "priority 1" above "priority 2 of 2".
func TestEvidenceStepSaysOfN(t *testing.T) {
	res := model.Result{Plan: []model.PlanStep{
		{Name: "Gather evidence", Actions: []string{"Answer the open items."}},
		{FacetID: "customers", Name: "Whom you serve", Band: model.MarkGap},
	}}
	got := ansiStrip(evidenceStep(NewTheme(true), res, 100))
	if !strings.Contains(got, "Gather evidence · priority 1 of 2 for the next 90 days") {
		t.Errorf("evidence step:\n%s", got)
	}
	if got := planSlot(res, "customers"); got != " · priority 2 of 2 for the next 90 days" {
		t.Errorf("plan slot %q", got)
	}
}
