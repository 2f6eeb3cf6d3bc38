package assets

import (
	"testing"

	"github.com/cxo-dev/cxo/model"
)

func TestEmbeddedBankIsValid(t *testing.T) {
	b, err := DefaultBank()
	if err != nil {
		t.Fatalf("embedded bank: %v", err)
	}
	if n, _ := model.Estimate(b, model.LengthFull); n < 55 || n > 90 {
		t.Errorf("full length has %d items, want 55 to 90 (about 20 minutes at most)", n)
	}
	if n, _ := model.Estimate(b, model.LengthQuick); n < 22 || n > 30 {
		t.Errorf("quick length has %d items, want 22 to 30 (about 6 minutes at most)", n)
	}
}

// Every item and facet names a guide section that exists; LoadBank checks
// this, and this test proves the embedded content keeps to it.
func TestEveryGuideSectionExists(t *testing.T) {
	b, err := DefaultBank()
	if err != nil {
		t.Fatal(err)
	}
	check := func(what, ref string) {
		name, slug := model.SplitRef(ref)
		g, ok := b.Guide(name)
		if !ok {
			t.Errorf("%s: no guide %q", what, name)
			return
		}
		if _, ok := g.Section(slug); !ok {
			t.Errorf("%s: guide %s has no section %q", what, name, slug)
		}
	}
	for _, it := range b.Items {
		check("item "+it.ID, it.Guide)
	}
	for _, f := range b.Facets {
		check("facet "+f.ID, f.Guide)
	}
}

func TestGuidesAreTheFiveExpected(t *testing.T) {
	var names []string
	for _, g := range Guides() {
		names = append(names, g.Name)
	}
	want := []string{"cto-role", "cio-role", "cio-vs-cto", "operational-skills", "disagreements"}
	if len(names) != len(want) {
		t.Fatalf("guides %v, want %v", names, want)
	}
	for i := range want {
		if names[i] != want[i] {
			t.Fatalf("guides %v, want %v", names, want)
		}
	}
}

func TestBankVersionMatchesTheParsedBank(t *testing.T) {
	b, err := DefaultBank()
	if err != nil {
		t.Fatal(err)
	}
	if got := BankVersion(); got != b.Version {
		t.Errorf("BankVersion() = %q, parsed bank says %q", got, b.Version)
	}
}
