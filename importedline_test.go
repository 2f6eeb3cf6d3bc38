package main

import (
	"strings"
	"testing"

	"github.com/cxo-dev/cxo/store"
)

// cxo import says when it scored a result kept from an earlier method
// again, and says nothing of it otherwise.
func TestImportedLineSaysWhenItRescored(t *testing.T) {
	got := importedLine("r.json", store.Imported{Assessment: "a1", Responses: 3, Rescored: 1})
	if !strings.Contains(got, "kept as scoring method 1 gave it, is now scored with method 2") {
		t.Errorf("rescored: %q", got)
	}
	if got := importedLine("r.json", store.Imported{Assessment: "a1", Responses: 3}); strings.Contains(got, "method") {
		t.Errorf("not rescored: %q", got)
	}
}
