package main

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/cxo-dev/cxo/assets"
	"github.com/cxo-dev/cxo/model"
)

// docs/method.md is what the command writes from the code's constants.
func TestMethodPageIsFresh(t *testing.T) {
	b, err := assets.DefaultBank()
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../../docs/method.md")
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != Page(b) {
		t.Fatal("docs/method.md is stale: run go run ./internal/methoddoc > docs/method.md")
	}
}

// The page prints the numbers from the constants, not copies of them.
func TestMethodPagePrintsTheConstants(t *testing.T) {
	b, err := assets.DefaultBank()
	if err != nil {
		t.Fatal(err)
	}
	page := Page(b)
	for _, want := range []string{
		"fewer than **" + strconv.Itoa(model.MinTradeoffs) + "** trade-off answers",
		"strong from " + strconv.Itoa(model.StrongFrom),
		"at most " + strconv.Itoa(model.BalancedWidth) + " points wide",
		"At most **" + strconv.Itoa(model.Priorities) + " priorities** for the next " + strconv.Itoa(model.PlanDays) + " days",
		"cxo's judgement",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}

// README's "How the scores work" states the numbers the code uses.
func TestReadmeScoresSectionMatchesTheCode(t *testing.T) {
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, _ := strings.Cut(string(data), "## How the scores work")
	section, _, _ = strings.Cut(section, "\n## ")
	section = strings.Join(strings.Fields(section), " ")
	for _, want := range []string{
		"fewer than " + strconv.Itoa(model.MinTradeoffs) + " trade-off answers (" + strconv.Itoa(model.MinPerFacet) + " on each facet)",
		"at " + strings.TrimSuffix(pct(model.LeanConfidenceFull), "") + " in full and " + pct(model.LeanConfidenceQuick) + " in quick",
		"moderate (from " + strconv.Itoa(model.ModerateFrom) + ") or strong (from " + strconv.Itoa(model.StrongFrom) + ")",
		"at most " + strconv.Itoa(model.BalancedWidth) + " points wide",
		"at least " + strconv.Itoa(model.StrengthMargin) + " above",
		"three priorities for " + strconv.Itoa(model.PlanDays) + " days",
		"weigh " + strconv.FormatFloat(model.OperationalWeightCIO, 'f', -1, 64) + " only against the CIO's levels",
		"docs/method.md", "docs/validation.md",
	} {
		if !strings.Contains(section, want) {
			t.Errorf("README's scores section lacks %q", want)
		}
	}
	if model.Priorities != 3 {
		t.Error("README says three priorities")
	}
}
