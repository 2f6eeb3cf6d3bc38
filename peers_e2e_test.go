package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/cxo-dev/cxo/assets"
	"github.com/cxo-dev/cxo/model"
)

// observerBank writes the built-in bank with an observer wording on every
// readiness and foundation item that lacks one, and returns its path.
func observerBank(t testing.TB) string { return bankWithObservers(t, false) }

// bankWithObservers is observerBank; with dropOne, the first readiness
// item has no observer wording.
func bankWithObservers(t testing.TB, dropOne bool) string {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal(assets.File("bank.yaml"), &doc); err != nil {
		t.Fatal(err)
	}
	root := doc.Content[0]
	field := func(m *yaml.Node, key string) *yaml.Node {
		for i := 0; i+1 < len(m.Content); i += 2 {
			if m.Content[i].Value == key {
				return m.Content[i+1]
			}
		}
		return nil
	}
	layers := map[string]string{}
	for _, f := range field(root, "facets").Content {
		layers[field(f, "id").Value] = field(f, "layer").Value
	}
	dropped := false
	for _, it := range field(root, "items").Content {
		l := layers[field(it, "facet").Value]
		if dropOne && !dropped && l == "readiness" {
			dropped = true
			for i := 0; i+1 < len(it.Content); i += 2 {
				if it.Content[i].Value == "observer" {
					it.Content = append(it.Content[:i], it.Content[i+2:]...)
					break
				}
			}
			continue
		}
		if (l == "readiness" || l == "foundation") && field(it, "observer") == nil {
			it.Content = append(it.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: "observer"},
				&yaml.Node{Kind: yaml.ScalarNode, Value: "How well does {name} do this: " + field(it, "text").Value})
		}
	}
	data, err := yaml.Marshal(&doc)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "bank.yaml")
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// answers is n lines of the same answer.
func answers(first, each string, n int) string {
	return first + "\n" + strings.Repeat(each+"\n", n)
}

func TestPeersEndToEnd(t *testing.T) {
	dir := isolate(t)
	bank := observerBank(t)
	db := filepath.Join(dir, "me.db")
	r := cxo(t, strings.Repeat("1\n2\n", 40), "--db", db, "--bank", bank, "--accessible", "new", "--quick")
	if r.code != 0 {
		t.Fatalf("new: %d %s", r.code, r.stderr)
	}
	inv := filepath.Join(dir, "invitation.json")
	if r = cxo(t, "", "--db", db, "--bank", bank, "invite", "--name", "Sam Lee", "-o", inv); r.code != 0 {
		t.Fatalf("invite: %d %s", r.code, r.stderr)
	}
	data := mustRead(t, inv)
	invitation, err := model.DecodeInvitation(data)
	if err != nil || invitation.Name != "Sam Lee" || !strings.Contains(invitation.Items[0].Text, "Sam Lee") {
		t.Fatalf("invitation: %v %s", err, data)
	}
	// The observer wording asks what the person did, so the rater picks
	// from the item's own five anchors, as the person did.
	for _, it := range invitation.Items {
		if len(it.Anchors) != 5 || it.Choices(invitation.Scale)[0] != it.Anchors[0] {
			t.Fatalf("item %s carries %d anchors, want the bank's five", it.ID, len(it.Anchors))
		}
	}
	// Inviting again keeps the invitation (responses to it still import)
	// and replaces its own file; another file needs --force.
	if r = cxo(t, "", "--db", db, "--bank", bank, "invite", "--name", "Sam Lee", "-o", inv); r.code != 0 {
		t.Fatalf("invite again: %d %s", r.code, r.stderr)
	}
	if again, _ := model.DecodeInvitation(mustRead(t, inv)); again.ID != invitation.ID {
		t.Errorf("inviting again made another invitation")
	}
	other := filepath.Join(dir, "other.txt")
	writeFile(t, dir, "other.txt", []byte("mine"))
	if r = cxo(t, "", "--db", db, "--bank", bank, "invite", "--name", "Sam Lee", "-o", other); r.code == 0 || string(mustRead(t, other)) != "mine" {
		t.Errorf("invite over another file: %d %s", r.code, r.stderr)
	}
	// It holds none of the person's answers or scores.
	for _, no := range []string{"\"answers\"", "score", "lean"} {
		if strings.Contains(string(data), no) {
			t.Errorf("the invitation holds %q", no)
		}
	}
	var responses []string
	for i, rel := range []string{"1", "2", "3"} {
		resp := filepath.Join(dir, "resp"+rel+".json")
		each := []string{"2", "3", "2"}[i]
		r := cxo(t, answers(rel, each, 200), "--db", filepath.Join(dir, "rater"+rel+".db"), "rate", inv, "-o", resp)
		if r.code != 0 || !strings.Contains(r.stdout, "Whoever receives your response file can read it") {
			t.Fatalf("rate %d: %d %s %s", i, r.code, r.stderr, r.stdout)
		}
		got := mustRead(t, resp)
		if strings.Contains(string(got), "Sam") {
			t.Errorf("a response holds the name")
		}
		responses = append(responses, resp)
	}
	if r = cxo(t, "", "--db", db, "--bank", bank, "import", responses[0], responses[1]); r.code != 0 {
		t.Fatalf("import: %d %s", r.code, r.stderr)
	}
	md := cxo(t, "", "--db", db, "--bank", bank, "export")
	if !strings.Contains(md.stdout, "## Colleagues' view") || !strings.Contains(md.stdout, "1 more response is needed") || strings.Contains(md.stdout, "| Area | You |") {
		t.Fatalf("with two responses the export shows:\n%s", section(md.stdout))
	}
	if r = cxo(t, "", "--db", db, "--bank", bank, "import", responses[2]); r.code != 0 {
		t.Fatalf("import: %d %s", r.code, r.stderr)
	}
	md = cxo(t, "", "--db", db, "--bank", bank, "export")
	sec := section(md.stdout)
	if !strings.Contains(sec, "| Area | You |") || !strings.Contains(sec, "3 responses imported") {
		t.Fatalf("with three responses the export shows:\n%s", sec)
	}
	js := cxo(t, "", "--db", db, "--bank", bank, "export", "--format", "json")
	var rep model.Report
	if err := json.Unmarshal([]byte(js.stdout), &rep); err != nil || rep.Peers == nil {
		t.Fatalf("json export: %v", err)
	}
	shown := 0
	for _, a := range rep.Peers.Areas {
		if a.Shown {
			shown++
			// Raters answered 2, 3 and 2: a mean of 7/3 on 1..5 is 33.
			if a.Others == nil || *a.Others != 33 || !strings.Contains(sec, "| "+a.Name+" |") {
				t.Errorf("area %s: others %v", a.Name, a.Others)
			}
		}
	}
	if shown == 0 {
		t.Fatalf("no area shown with three responses")
	}
}

// section is the export's colleagues' view.
func section(md string) string {
	_, after, _ := strings.Cut(md, "## Colleagues' view")
	before, _, _ := strings.Cut(after, "## Strengths")
	return before
}

// invite refuses, in one line and storing nothing, when the bank has no
// observer wording for an item colleagues would rate, and without a
// terminal it needs --name.
func TestInviteRefusals(t *testing.T) {
	dir := isolate(t)
	bank := bankWithObservers(t, true)
	db := filepath.Join(dir, "me.db")
	if r := cxo(t, strings.Repeat("1\n2\n", 40), "--db", db, "--bank", bank, "--accessible", "new", "--quick"); r.code != 0 {
		t.Fatalf("new: %s", r.stderr)
	}
	before := mustRead(t, db)
	out := filepath.Join(dir, "inv.json")
	r := cxo(t, "", "--db", db, "--bank", bank, "invite", "--name", "Sam", "-o", out)
	if r.code != 1 || !strings.Contains(r.stderr, "no observer wording for item") || strings.Count(strings.TrimSpace(r.stderr), "\n") > 0 {
		t.Errorf("invite with a bank lacking observer wording: %d %q", r.code, r.stderr)
	}
	r = cxo(t, "", "--db", db, "--bank", observerBank(t), "invite", "-o", out)
	if r.code != 2 || !strings.Contains(r.stderr, "--name") {
		t.Errorf("invite without a name in a pipe: %d %q", r.code, r.stderr)
	}
	r = cxo(t, "", "--db", db, "--bank", observerBank(t), "invite", "--name", "Sam\x1b[2J", "-o", out)
	if r.code != 1 || !strings.Contains(r.stderr, "control character") {
		t.Errorf("a name with an escape: %d %q", r.code, r.stderr)
	}
	if !bytes.Equal(mustRead(t, db), before) {
		t.Errorf("a refused invite changed the database")
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("a refused invite wrote %s", out)
	}
}
