package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/adrg/xdg"

	"github.com/cxo-dev/cxo/model"
	"github.com/cxo-dev/cxo/store"
)

// isolate points every data path at a temporary folder, so no test can
// touch the real home directory.
func isolate(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("HOME", dir)
	t.Setenv("XDG_DATA_HOME", filepath.Join(dir, "data"))
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "config"))
	t.Setenv("CXO_DB", "")
	t.Setenv("CXO_ACCESSIBLE", "")
	t.Setenv("CXO_THEME", "")
	t.Setenv("NO_COLOR", "1")
	xdg.Reload()
	t.Cleanup(xdg.Reload)
	return dir
}

type result struct {
	code           int
	stdout, stderr string
}

func cxo(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return result{code, out.String(), errb.String()}
}

func TestNoTerminalPointsToAccessible(t *testing.T) {
	isolate(t)
	for _, args := range [][]string{{}, {"new"}, {"new", "--quick"}, {"resume"}} {
		r := cxo(t, "", args...)
		if r.code != 1 {
			t.Errorf("cxo %v: exit %d, want 1", args, r.code)
		}
		if !strings.Contains(r.stderr, "--accessible") || strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 {
			t.Errorf("cxo %v: stderr %q, want one line pointing to --accessible", args, r.stderr)
		}
		if strings.Contains(r.stderr, "TTY") {
			t.Errorf("cxo %v: raw TTY error leaked: %q", args, r.stderr)
		}
	}
}

func TestUsageErrorsExit2(t *testing.T) {
	isolate(t)
	cases := [][]string{
		{"--nope"},
		{"new", "--target", "ceo"},
		{"export", "--format", "pdf"},
		{"delete"},
		{"list", "extra"},
		{"guide", "no-such-guide"},
		{"--theme", "blue", "new"},
		{"--theme", "blue", "guide", "cto-role"},
		{"guide", "cto-role", "--width", "-3"},
		{"expor"},
		{"bank", "nope"},
		{"--theme", "purple", "list"}, // a global flag is checked by every command
		{"new", "--quick=maybe"},
		{"guide", "cto-role", "--width", "abc"},
	}
	for _, args := range cases {
		r := cxo(t, "", args...)
		if r.code != 2 {
			t.Errorf("cxo %v: exit %d, want 2 (stderr %q)", args, r.code, r.stderr)
		}
		if lines := strings.Split(strings.TrimSpace(r.stderr), "\n"); len(lines) != 1 || lines[0] == "" {
			t.Errorf("cxo %v: stderr %q, want one line", args, r.stderr)
		}
		if strings.Contains(r.stderr, "strconv") {
			t.Errorf("cxo %v: stderr %q speaks Go, not the user's terms", args, r.stderr)
		}
	}
}

func TestUnknownCommandSuggestsTheNearestOne(t *testing.T) {
	isolate(t)
	if r := cxo(t, "", "expor"); r.code != 2 || r.stderr != "cxo: unknown command \"expor\"; did you mean \"export\"?\n" {
		t.Errorf("cxo expor: exit %d, stderr %q", r.code, r.stderr)
	}
	if r := cxo(t, "", "zzzz"); r.code != 2 || !strings.Contains(r.stderr, "cxo --help lists the commands") {
		t.Errorf("cxo zzzz: exit %d, stderr %q", r.code, r.stderr)
	}
}

func TestDataStaysInXDGDataHome(t *testing.T) {
	dir := isolate(t)
	r := cxo(t, strings.Repeat("3\n", 5), "--accessible", "new", "--quick")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	db := filepath.Join(dir, "data", "cxo", "cxo.db")
	fi, err := os.Stat(db)
	if err != nil {
		t.Fatalf("database not at %s: %v", db, err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("database mode %v, want 0600", fi.Mode().Perm())
	}
	di, _ := os.Stat(filepath.Dir(db))
	if di.Mode().Perm() != 0o700 {
		t.Errorf("data folder mode %v, want 0700", di.Mode().Perm())
	}
}

func TestDBFlagAndEnvOverride(t *testing.T) {
	dir := isolate(t)
	flagDB := filepath.Join(dir, "flag.db")
	envDB := filepath.Join(dir, "env.db")
	if r := cxo(t, "1\n", "--db", flagDB, "--accessible", "new", "--quick"); r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	t.Setenv("CXO_DB", envDB)
	if r := cxo(t, "1\n", "--accessible", "new", "--quick"); r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, p := range []string{flagDB, envDB} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("expected a database at %s: %v", p, err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "data", "cxo", "cxo.db")); err == nil {
		t.Errorf("the default database was created although --db/CXO_DB were given")
	}
}

// A whole quick assessment piped through the line mode: results printed,
// every answer stored, then listed and exported.
func TestAccessibleQuickAssessmentEndToEnd(t *testing.T) {
	dir := isolate(t)
	db := filepath.Join(dir, "cxo.db")
	// Answers 1 and 2 disagree with both statements of each true-opposite
	// pair the quick assessment asks, so the verdict is held back; the
	// line after the last item asks to see it anyway.
	var in strings.Builder
	for i := 0; i < 30; i++ {
		in.WriteString([]string{"1", "2", "1", "2"}[i%4] + "\n")
	}
	in.WriteString("a\n")
	r := cxo(t, in.String(), "--db", db, "--accessible", "new", "--quick")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{"Item 1 of", "Results for", "Lean, set aside the quality checks:", "Assessment id:", model.HonestSentence} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if strings.ContainsRune(r.stdout, 0x1b) {
		t.Errorf("line mode output holds an escape byte")
	}
	list, _, err := store.New(db, "test").List()
	if err != nil || len(list) != 1 {
		t.Fatalf("list: %v %v", list, err)
	}
	s := list[0]
	if s.Status != model.StatusFinished || s.Answered != s.Total || s.Total < 20 {
		t.Fatalf("stored summary %+v, want finished with every item answered", s)
	}
	// Answers read from a pipe come faster than anyone reads: each has a
	// measured time (never "unknown") and the fast flag says so.
	a, _, err := store.New(db, "test").Load(s.ID)
	if err != nil {
		t.Fatal(err)
	}
	for id, ans := range a.Answers {
		if ans.Given() && ans.Took <= 0 {
			t.Errorf("answer to %s has no time", id)
		}
	}
	if !strings.Contains(r.stdout, "Answer quality ("+model.FlagTitle("fast")+")") {
		t.Errorf("piped answers were not flagged as fast")
	}

	lr := cxo(t, "", "--db", db, "list")
	if lr.code != 0 || !strings.Contains(lr.stdout, s.ID) || !strings.Contains(lr.stdout, strconv.Itoa(s.Total)+"/"+strconv.Itoa(s.Total)) {
		t.Errorf("cxo list: %d %q", lr.code, lr.stdout)
	}

	md := cxo(t, "", "--db", db, "export")
	if md.code != 0 || !strings.HasPrefix(md.stdout, "# cxo results "+s.ID) || !strings.Contains(md.stdout, "## Appendix") {
		t.Errorf("markdown export: %d %q", md.code, md.stderr)
	}
	js := cxo(t, "", "--db", db, "export", "--format", "json")
	var rep map[string]any
	if err := json.Unmarshal([]byte(js.stdout), &rep); err != nil {
		t.Fatalf("json export: %v", err)
	}
	for _, k := range []string{"schema", "id", "bank_version", "status", "lean", "facets", "readiness", "flags", "plan", "answers"} {
		if _, ok := rep[k]; !ok {
			t.Errorf("json export lacks %q", k)
		}
	}
}

func TestAccessibleEndOfInputResumes(t *testing.T) {
	dir := isolate(t)
	db := filepath.Join(dir, "cxo.db")
	r := cxo(t, "1\n2\n1\n", "--db", db, "--accessible", "new", "--quick")
	if r.code != 0 || !strings.Contains(r.stdout, "saved") {
		t.Fatalf("exit %d, out %q", r.code, r.stdout)
	}
	list, _, _ := store.New(db, "test").List()
	if len(list) != 1 || list[0].Answered != 3 {
		t.Fatalf("after three answers: %+v", list)
	}
	if want := "Input ended at item 4 of " + strconv.Itoa(list[0].Total) + "; every answer so far is saved. Resume with: cxo --db " + db + " --accessible resume " + list[0].ID; !strings.Contains(r.stdout, want) {
		t.Errorf("the end of input did not say %q:\n%s", want, r.stdout)
	}
	r = cxo(t, "q\n", "--db", db, "--accessible", "resume")
	if r.code != 0 || !strings.Contains(r.stdout, "Resuming "+list[0].ID+": 3 answered of") || !strings.Contains(r.stdout, "Item 4 of") {
		t.Fatalf("resume: exit %d, out %q", r.code, r.stdout)
	}
	if !strings.Contains(r.stdout, "Stopped at item 4 of") {
		t.Errorf("q did not say where it stopped:\n%s", r.stdout)
	}
	// Input that ends at the home menu started nothing, and says so.
	r = cxo(t, "", "--db", db, "--accessible")
	if r.code != 0 || !strings.Contains(r.stdout, "Input ended; nothing was started.") {
		t.Errorf("home menu at end of input: exit %d, out %q", r.code, r.stdout)
	}
}

func TestAccessibleInvalidInputReprompts(t *testing.T) {
	dir := isolate(t)
	r := cxo(t, "9\nhello\n\n2\n", "--db", filepath.Join(dir, "x.db"), "--accessible", "new", "--quick")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if n := strings.Count(r.stdout, "Please type a number from 1 to"); n != 3 {
		t.Errorf("%d re-prompts, want 3:\n%s", n, r.stdout)
	}
	if !strings.Contains(r.stdout, "Item 2 of") {
		t.Errorf("the valid answer did not move on")
	}
}

// g prints the item's guide section as plain text, then says which item
// the reader is back on; the answer that follows still counts.
func TestAccessibleGuidePrintsTheSectionAndReturns(t *testing.T) {
	dir := isolate(t)
	r := cxo(t, "g\n2\n", "--db", filepath.Join(dir, "x.db"), "--accessible", "new", "--quick")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	_, afterPrompt, _ := strings.Cut(r.stdout, "Answer 1-")
	section, rest, ok := strings.Cut(afterPrompt, "Back to item 1 of ")
	if !ok {
		t.Fatalf("g did not say which item the reader is back on:\n%s", r.stdout)
	}
	if lines := strings.Count(section, "\n"); lines < 5 || strings.ContainsRune(section, 0x1b) {
		t.Errorf("the guide section is %d lines (escape bytes: %v):\n%s", lines, strings.ContainsRune(section, 0x1b), section)
	}
	if !strings.Contains(rest, "Item 2 of ") {
		t.Errorf("the answer after g did not move on:\n%s", rest)
	}
}

// e TEXT keeps an evidence note with the item on show (saved at once,
// kept when the answer follows), as the section intro promises.
func TestAccessibleEvidenceNote(t *testing.T) {
	dir := isolate(t)
	db := filepath.Join(dir, "x.db")
	r := cxo(t, "e\ne ran the on-call rota\x1b[31m for two years\n1\n", "--db", db, "--accessible", "new", "--quick")
	if r.code != 0 || !strings.Contains(r.stdout, "Type e and the note") || !strings.Contains(r.stdout, "Note kept with item 1.") {
		t.Fatalf("exit %d:\n%s", r.code, r.stdout)
	}
	list, _, _ := store.New(db, "test").List()
	a, _, err := store.New(db, "test").Load(list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if ans := a.Answers[a.Order[0]]; ans.Note != "ran the on-call rota for two years" || ans.Value != 1 {
		t.Errorf("item 1 stored as %+v", ans)
	}
	// The next start checks the file and keeps a last good copy, as the
	// full-screen one does.
	if r := cxo(t, "q\n", "--db", db, "--accessible", "resume"); r.code != 0 {
		t.Fatalf("resume: %d %s", r.code, r.stderr)
	}
	if _, err := os.Stat(store.BackupPath(db)); err != nil {
		t.Errorf("no last good copy after a line-mode start: %v", err)
	}
}

func TestExportRefusesToOverwriteAndCreates0600(t *testing.T) {
	dir := isolate(t)
	db := filepath.Join(dir, "cxo.db")
	if r := cxo(t, strings.Repeat("2\n", 40), "--db", db, "--accessible", "new", "--quick"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	out := filepath.Join(dir, "me.md")
	if r := cxo(t, "", "--db", db, "export", "-o", out); r.code != 0 {
		t.Fatalf("export: %s", r.stderr)
	}
	fi, err := os.Stat(out)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("export file: %v %v", fi, err)
	}
	os.WriteFile(out, []byte("keep me"), 0o600)
	r := cxo(t, "", "--db", db, "export", "-o", out)
	if r.code != 1 || !strings.Contains(r.stderr, "--force") {
		t.Errorf("overwrite without --force: exit %d %q", r.code, r.stderr)
	}
	if data, _ := os.ReadFile(out); string(data) != "keep me" {
		t.Errorf("the existing file was changed")
	}
	if r := cxo(t, "", "--db", db, "export", "-o", out, "--force"); r.code != 0 {
		t.Errorf("--force: %s", r.stderr)
	}
	if data, _ := os.ReadFile(out); !strings.HasPrefix(string(data), "# cxo results") {
		t.Errorf("--force did not write the export")
	}
}

func TestExportWithNothingFinished(t *testing.T) {
	dir := isolate(t)
	r := cxo(t, "", "--db", filepath.Join(dir, "none.db"), "export")
	if r.code != 1 || !strings.Contains(r.stderr, "no finished assessment") {
		t.Errorf("exit %d %q", r.code, r.stderr)
	}
}

func TestDeleteNeedsYesWithoutTerminal(t *testing.T) {
	dir := isolate(t)
	db := filepath.Join(dir, "cxo.db")
	cxo(t, "1\n", "--db", db, "--accessible", "new", "--quick")
	list, _, _ := store.New(db, "t").List()
	id := list[0].ID
	if r := cxo(t, "", "--db", db, "delete", id); r.code != 2 || !strings.Contains(r.stderr, "--yes") {
		t.Errorf("delete without --yes: %d %q", r.code, r.stderr)
	}
	if r := cxo(t, "", "--db", db, "delete", id, "--yes"); r.code != 0 {
		t.Errorf("delete --yes: %d %q", r.code, r.stderr)
	}
	if list, _, _ := store.New(db, "t").List(); len(list) != 0 {
		t.Errorf("still listed after delete: %v", list)
	}
}

func TestGuideListsAndPrintsMarkdownWhenPiped(t *testing.T) {
	isolate(t)
	r := cxo(t, "", "guide")
	for _, name := range []string{"cto-role", "cio-vs-cto", "operational-skills", "disagreements"} {
		if !strings.Contains(r.stdout, name) {
			t.Errorf("guide list lacks %s", name)
		}
	}
	r = cxo(t, "", "guide", "cio-vs-cto")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "# ") || strings.ContainsRune(r.stdout, 0x1b) {
		t.Errorf("piped guide should be plain Markdown: %d %q", r.code, r.stdout[:min(80, len(r.stdout))])
	}
	r = cxo(t, "", "guide", "cto-role", "--style", "light", "--width", "60")
	if r.code != 0 || strings.HasPrefix(r.stdout, "# ") {
		t.Errorf("styled guide: %d", r.code)
	}
}

func TestBankCheck(t *testing.T) {
	dir := isolate(t)
	good := filepath.Join(dir, "good.yaml")
	os.WriteFile(good, mustRead(t, "assets/bank.yaml"), 0o600)
	if r := cxo(t, "", "bank", "check", good); r.code != 0 || !strings.Contains(r.stdout, "ok") {
		t.Errorf("good bank: %d %q %q", r.code, r.stdout, r.stderr)
	}
	bad := filepath.Join(dir, "bad.yaml")
	data := strings.Replace(string(mustRead(t, "assets/bank.yaml")), "format: rating", "format: slider", 1)
	os.WriteFile(bad, []byte(data), 0o600)
	r := cxo(t, "", "bank", "check", bad)
	if r.code != 1 || !strings.Contains(r.stdout, bad+":") || !strings.Contains(r.stdout, "unknown format \"slider\"") {
		t.Errorf("bad bank: %d %q", r.code, r.stdout)
	}
	if r := cxo(t, "", "--bank", bad, "--accessible", "new"); r.code != 1 || !strings.Contains(r.stderr, "bank check") {
		t.Errorf("--bank with a bad file: %d %q", r.code, r.stderr)
	}
}

func TestVersionNamesTheBank(t *testing.T) {
	isolate(t)
	r := cxo(t, "", "--version")
	if r.code != 0 || !strings.Contains(r.stdout, "question bank") {
		t.Errorf("--version: %d %q", r.code, r.stdout)
	}
}

func mustRead(t *testing.T, p string) []byte {
	t.Helper()
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// Piped output carries no escape sequences, NO_COLOR or not; CLICOLOR_FORCE
// brings styling back for the guide.
func TestPipedOutputHasNoEscapes(t *testing.T) {
	dir := isolate(t)
	t.Setenv("NO_COLOR", "")
	db := filepath.Join(dir, "cxo.db")
	runs := []result{
		cxo(t, strings.Repeat("1\n", 40), "--db", db, "--accessible", "new", "--quick"),
		cxo(t, "", "--db", db, "list"),
		cxo(t, "", "guide", "cto-role"),
		cxo(t, "", "guide"),
		cxo(t, "", "--db", db, "export"),
		cxo(t, "", "--nope"),
		cxo(t, "", "--db", db, "resume", "no-such-id"),
		cxo(t, "", "new"),
	}
	for i, r := range runs {
		if strings.ContainsRune(r.stdout, 0x1b) || strings.ContainsRune(r.stderr, 0x1b) {
			t.Errorf("run %d: escape byte in piped output: %q %q", i, r.stdout[:min(len(r.stdout), 80)], r.stderr)
		}
	}
	t.Setenv("CLICOLOR_FORCE", "1")
	if r := cxo(t, "", "guide", "cto-role"); !strings.ContainsRune(r.stdout, 0x1b) {
		t.Error("CLICOLOR_FORCE=1 did not style the guide")
	}
}

func TestFullAndQuickLengths(t *testing.T) {
	dir := isolate(t)
	full := cxo(t, "q\n", "--db", filepath.Join(dir, "a.db"), "--accessible", "new")
	quick := cxo(t, "q\n", "--db", filepath.Join(dir, "b.db"), "--accessible", "new", "--quick")
	n := func(out string) int {
		var got int
		for _, f := range strings.Fields(out[strings.Index(out, "Item 1 of ")+len("Item 1 of "):]) {
			got, _ = strconv.Atoi(f)
			break
		}
		return got
	}
	// The brief: full at most 90 items (~20 minutes), quick at most 30.
	if got := n(full.stdout); got < 55 || got > 90 {
		t.Errorf("cxo new presents %d items, want 55 to 90", got)
	}
	if got := n(quick.stdout); got < 22 || got > 30 {
		t.Errorf("cxo new --quick presents %d items, want 22 to 30", got)
	}
}

func TestCheckAndMoveAside(t *testing.T) {
	dir := isolate(t)
	db := filepath.Join(dir, "cxo.db")
	cxo(t, "1\n", "--db", db, "--accessible", "new", "--quick")
	if r := cxo(t, "", "--db", db, "check"); r.code != 0 || !strings.Contains(r.stdout, "ok") || !strings.Contains(r.stdout, ".bak") {
		t.Errorf("check on a clean file: %d %q %q", r.code, r.stdout, r.stderr)
	}
	junk := []byte(strings.Repeat("garbage ", 1000))
	os.WriteFile(db, junk, 0o600)
	r := cxo(t, "", "--db", db, "list")
	if r.code != 1 || !strings.Contains(r.stderr, db) || !strings.Contains(r.stderr, "check --move-aside") || strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 {
		t.Errorf("list on a damaged file: %d %q", r.code, r.stderr)
	}
	if r := cxo(t, "", "--db", db, "check"); r.code != 1 {
		t.Errorf("check on a damaged file: exit %d", r.code)
	}
	if got, _ := os.ReadFile(db); string(got) != string(junk) {
		t.Fatal("the damaged file was changed without --move-aside")
	}
	r = cxo(t, "", "--db", db, "check", "--move-aside")
	if r.code != 0 || !strings.Contains(r.stdout, ".corrupt-") {
		t.Fatalf("check --move-aside: %d %q %q", r.code, r.stdout, r.stderr)
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("the damaged file is still in place")
	}
	if r := cxo(t, "1\n", "--db", db, "--accessible", "new", "--quick"); r.code != 0 {
		t.Errorf("fresh start after moving aside: %d %q", r.code, r.stderr)
	}
}

// go-runewidth v0.0.27 (what bubbles v2.2.1 asks for) spends about 25 ms
// building tables at every start; v0.0.31 does not. Keep the floor.
func TestRunewidthFloor(t *testing.T) {
	data := string(mustRead(t, "go.mod"))
	i := strings.Index(data, "github.com/mattn/go-runewidth v0.0.")
	if i < 0 {
		t.Fatal("go.mod does not require github.com/mattn/go-runewidth")
	}
	rest := data[i+len("github.com/mattn/go-runewidth v0.0."):]
	patch, _ := strconv.Atoi(strings.FieldsFunc(rest, func(r rune) bool { return r < '0' || r > '9' })[0])
	if patch < 31 {
		t.Errorf("go-runewidth v0.0.%d; require v0.0.31 or later", patch)
	}
}

func TestDatabasePathThatIsAFolder(t *testing.T) {
	dir := isolate(t)
	r := cxo(t, "", "--db", dir, "list")
	if r.code != 1 || !strings.Contains(r.stderr, "is a folder") || strings.Contains(r.stderr, "move-aside") {
		t.Errorf("--db at a folder: %d %q", r.code, r.stderr)
	}
}
