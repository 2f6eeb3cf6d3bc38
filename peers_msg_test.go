package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// cxo import of a path that is not there says "no such file: PATH" on
// one line, not the system call's error; cxo invite with a blank --name
// names the flag (the results screen says it without).
func TestPeersCLISaysMissingFileAndBlankNamePlainly(t *testing.T) {
	dir, db, bank, _ := invitedDB(t)
	missing := filepath.Join(dir, "gone.json")
	r := cxo(t, "", "--db", db, "--bank", bank, "import", missing)
	if r.code == 0 || !strings.Contains(r.stderr, "no such file: "+missing) || strings.Contains(r.stderr, "stat ") {
		t.Errorf("import of a missing file: %d %q", r.code, r.stderr)
	}
	r = cxo(t, "", "--db", db, "--bank", bank, "invite", "--name", "   ", "-o", filepath.Join(dir, "inv2.json"))
	if r.code != 2 || !strings.Contains(r.stderr, "--name") {
		t.Errorf("invite with a blank name: %d %q", r.code, r.stderr)
	}
}
