package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxo-dev/cxo/model"
)

// Rating and importing say plainly what they mean: each relationship
// reads one way only, two colleagues' default response files do not
// clash, and a file of the other kind is named for what it is.
func TestPeersWording(t *testing.T) {
	dir := isolate(t)
	t.Chdir(dir) // the default response name is written here
	bank := observerBank(t)
	db := filepath.Join(dir, "me.db")
	if r := cxo(t, strings.Repeat("1\n2\n", 40), "--db", db, "--bank", bank, "--accessible", "new", "--quick"); r.code != 0 {
		t.Fatalf("new: %d %s", r.code, r.stderr)
	}
	inv := filepath.Join(dir, "invitation.json")
	if r := cxo(t, "", "--db", db, "--bank", bank, "invite", "--name", "Sam Lee", "-o", inv); r.code != 0 {
		t.Fatalf("invite: %d %s", r.code, r.stderr)
	}
	var files []string
	for i, rel := range []string{"1", "3"} {
		r := cxo(t, answers(rel, "2", 200), "--db", filepath.Join(dir, "rater"+rel+".db"), "rate", inv)
		if r.code != 0 {
			t.Fatalf("rate %d: %d %s %s", i, r.code, r.stderr, r.stdout)
		}
		for _, want := range []string{"1. I am Sam Lee's manager", "2. I am Sam Lee's peer", "3. Sam Lee is my manager", "4. Another working relationship"} {
			if !strings.Contains(r.stdout, want) {
				t.Errorf("rate offers no %q:\n%s", want, r.stdout[:min(len(r.stdout), 600)])
			}
		}
		got, _ := filepath.Glob(filepath.Join(dir, "cxo-response-*.json"))
		if len(got) != i+1 {
			t.Fatalf("after %d raters, response files %v", i+1, got)
		}
		files = got
	}
	for i, want := range []model.Relationship{model.RelManager, model.RelReport} {
		var resp model.Response
		for _, f := range files {
			data, _ := os.ReadFile(f)
			if x, err := model.DecodeResponse(data); err == nil && x.Relationship == want {
				resp = x
				if !strings.Contains(filepath.Base(f), resp.Rater[:8]) || strings.Contains(f, "Sam") {
					t.Errorf("response file %s: want the rater token's first characters and no name", f)
				}
			}
		}
		if resp.Relationship != want {
			t.Errorf("rater %d stored %q, want the code %q", i+1, resp.Relationship, want)
		}
	}
	r := cxo(t, "", "--db", db, "--bank", bank, "import", inv)
	if r.code == 0 || !strings.Contains(r.stderr+r.stdout, "is a cxo invitation, not a response") || strings.Contains(r.stderr+r.stdout, "unknown field") {
		t.Errorf("import of the invitation: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = cxo(t, "", "--db", filepath.Join(dir, "rater9.db"), "rate", files[0])
	if r.code == 0 || !strings.Contains(r.stderr, "is a cxo response (a colleague's answers), not an invitation") || strings.Contains(r.stderr, "unknown field") {
		t.Errorf("rate of a response: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}
