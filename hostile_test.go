package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/cxo-dev/cxo/model"
)

// hostileBank is cxo's own bank with texts and an id that would drive a
// terminal: a window title (OSC 0), a screen clear, an OSC 8 hyperlink, C1
// controls and a bidi override, written with YAML's escapes.
func hostileBank(t *testing.T) (path string, lines []int) {
	t.Helper()
	data := string(mustRead(t, "assets/bank.yaml"))
	for _, c := range []struct{ old, new string }{
		{"name: Where value comes from", `name: "Where \e]0;pwned\a value comes from"`},
		{"cto: External customers who buy the product", `cto: "External \e[2J\e[H customers"`},
		{"cio: The IT organisation and its infrastructure", `cio: "IT \e]8;;https://evil.example/\e\\organisation\e]8;;\e\\"`},
		{"cto: Creative, innovative technologist", `cto: "Creative \u009b31m \u009d0;x\u009c technologist"`},
		{"  - id: customers\n", "  - id: \"cust\\u202eomers\"\n"},
	} {
		if !strings.Contains(data, c.old) {
			t.Fatalf("bank.yaml has no %q", c.old)
		}
		data = strings.Replace(data, c.old, c.new, 1)
		lines = append(lines, strings.Count(data[:strings.Index(data, c.new)], "\n")+1)
	}
	path = filepath.Join(t.TempDir(), "hostile.yaml")
	if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	return path, lines
}

// noControls fails when out holds anything that could drive a terminal.
func noControls(t *testing.T, what, out string) {
	t.Helper()
	for _, r := range out {
		if r != '\n' && model.IsControl(r) {
			t.Errorf("%s carries the control %U: %q", what, r, out)
			return
		}
	}
}

// Control characters in a bank are problems at their lines, written out
// (\x1b), never sent raw; the loader refuses the bank for every command.
func TestHostileBankIsCheckedAndRefused(t *testing.T) {
	isolate(t)
	path, lines := hostileBank(t)
	r := cxo(t, "", "bank", "check", path)
	noControls(t, "bank check stdout", r.stdout)
	noControls(t, "bank check stderr", r.stderr)
	if r.code != 1 {
		t.Errorf("bank check: exit %d, want 1", r.code)
	}
	for _, line := range lines {
		if !strings.Contains(r.stdout, path+":"+strconv.Itoa(line)+": ") || !strings.Contains(r.stdout, "control character") {
			t.Errorf("bank check names no control character at line %d:\n%s", line, r.stdout)
		}
	}
	if !strings.Contains(r.stdout, `\x1b]0;pwned\x07`) {
		t.Errorf("the title sequence is not written out:\n%s", r.stdout)
	}
	for _, args := range [][]string{{"--accessible", "new"}, {"list"}, {"new"}} {
		r := cxo(t, "", append([]string{"--bank", path}, args...)...)
		noControls(t, "cxo --bank "+strings.Join(args, " "), r.stdout+r.stderr)
		if r.code != 1 || !strings.Contains(r.stderr, "is not valid") || strings.Count(r.stderr, "\n") != 1 {
			t.Errorf("--bank hostile %v: exit %d, stderr %q; want one line refusing it", args, r.code, r.stderr)
		}
	}
	// A bank file whose name holds controls is named written out too.
	odd := filepath.Join(filepath.Dir(path), "b\x1b[2J.yaml")
	if err := os.Rename(path, odd); err != nil {
		t.Fatal(err)
	}
	r = cxo(t, "", "bank", "check", odd)
	noControls(t, "bank check of an odd name", r.stdout+r.stderr)
	if !strings.Contains(r.stderr, `b\x1b[2J.yaml has `) {
		t.Errorf("stderr %q does not name the file written out", r.stderr)
	}
}

// A bank file over 1 MiB, a folder or a named pipe is refused at once,
// with the limit or what it is named.
func TestBankFileLimits(t *testing.T) {
	dir := isolate(t)
	big := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(big, append(mustRead(t, "assets/bank.yaml"), strings.Repeat("# padding\n", 110_000)...), 0o600); err != nil {
		t.Fatal(err)
	}
	r := cxo(t, "", "bank", "check", big)
	if r.code != 1 || !strings.Contains(r.stderr, "at most 1 MiB") || strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("a 1.1 MB bank: exit %d, stderr %q", r.code, r.stderr)
	}
	if r := cxo(t, "", "--bank", dir, "list"); r.code != 1 || !strings.Contains(r.stderr, "it is a folder") {
		t.Errorf("a folder as the bank: exit %d, stderr %q", r.code, r.stderr)
	}
}

// An id or a path holding control characters is shown written out in
// errors, in check's report and in its hint (quoted so it pastes back).
func TestControlCharactersInIdsAndPaths(t *testing.T) {
	dir := isolate(t)
	r := cxo(t, "", "export", "zz\x1b]0;x\x07")
	if r.code != 1 || r.stderr != "cxo: no such assessment: zz\\x1b]0;x\\x07 (cxo list shows the ids)\n" {
		t.Errorf("export of an odd id: %d %q", r.code, r.stderr)
	}
	db := filepath.Join(dir, "a\x1b[2Jb", "cxo.db")
	if r := cxo(t, "q\n", "--db", db, "--accessible", "new", "--quick"); r.code != 0 {
		t.Fatalf("creating %q: %d %s", db, r.code, r.stderr)
	}
	r = cxo(t, "", "--db", db, "check")
	noControls(t, "check", r.stdout+r.stderr)
	shown := filepath.Join(dir, `a\x1b[2Jb`, "cxo.db")
	if r.code != 0 || !strings.HasPrefix(r.stdout, shown+": ok; last good copy kept at "+shown+".bak") ||
		!strings.Contains(r.stdout, "cp $'"+shown+".bak' $'"+shown+"'") || strings.Count(r.stdout, "\n") != 1 {
		t.Errorf("check of an odd path: %d\n%s", r.code, r.stdout)
	}
}
