package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/cxo-dev/cxo/assets"
)

// cxo bank template prints the built-in bank, which bank check passes and
// --bank runs; an edit that breaks one of its new fields is named at the
// field's line.
func TestBankTemplate(t *testing.T) {
	dir := isolate(t)
	r := cxo(t, "", "bank", "template")
	if r.code != 0 || !strings.HasSuffix(r.stdout, string(assets.File("bank.yaml"))) || !strings.HasPrefix(r.stdout, "# A custom cxo question bank") {
		t.Fatalf("template: %d %q", r.code, r.stderr)
	}
	path := filepath.Join(dir, "mine.yaml")
	if err := os.WriteFile(path, []byte(r.stdout), 0o600); err != nil {
		t.Fatal(err)
	}
	if c := cxo(t, "", "bank", "check", path); c.code != 0 || !strings.Contains(c.stdout, "ok - bank") {
		t.Fatalf("bank check of the template: %d %q %q", c.code, c.stdout, c.stderr)
	}
	broken := strings.Replace(r.stdout, "observer: \"In the last year, how has {name} learned", "observer: \"In the last year, how has Sam learned", 1)
	line := 0
	for i, l := range strings.Split(broken, "\n") {
		if strings.Contains(l, "how has Sam learned") {
			line = i + 1
		}
	}
	if line == 0 {
		t.Fatal("the template has no observer wording to break")
	}
	if err := os.WriteFile(path, []byte(broken), 0o600); err != nil {
		t.Fatal(err)
	}
	c := cxo(t, "", "bank", "check", path)
	want := path + ":" + strconv.Itoa(line) + ": item ops-systems-4: observer wording needs {name} where the person's name goes"
	if c.code != 1 || strings.TrimSpace(c.stdout) != want {
		t.Errorf("bank check: %d %q, want %q", c.code, c.stdout, want)
	}
}
