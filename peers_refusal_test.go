package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cxo-dev/cxo/model"
)

// invitedDB is a database with a finished quick assessment and its
// invitation, and the invitation.
func invitedDB(t *testing.T) (dir, db, bank string, inv model.Invitation) {
	t.Helper()
	dir = isolate(t)
	bank = observerBank(t)
	db = filepath.Join(dir, "me.db")
	if r := cxo(t, strings.Repeat("1\n2\n", 40), "--db", db, "--bank", bank, "--accessible", "new", "--quick"); r.code != 0 {
		t.Fatalf("new: %s", r.stderr)
	}
	p := filepath.Join(dir, "inv.json")
	if r := cxo(t, "", "--db", db, "--bank", bank, "invite", "--name", "Sam", "-o", p); r.code != 0 {
		t.Fatalf("invite: %s", r.stderr)
	}
	inv, err := model.DecodeInvitation(mustRead(t, p))
	if err != nil {
		t.Fatal(err)
	}
	return dir, db, bank, inv
}

func responseTo(inv model.Invitation, v int) model.Response {
	r := model.Response{Format: model.ResponseFormat, Version: 1, Invitation: inv.ID, Bank: inv.Bank, Rater: model.NewToken(),
		Relationship: model.RelPeer, At: time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC), Answers: map[string]int{}}
	for _, it := range inv.Items {
		r.Answers[it.ID] = v
	}
	return r
}

func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestImportRefusals(t *testing.T) {
	dir, db, bank, inv := invitedDB(t)
	first := responseTo(inv, 4)
	firstPath := writeFile(t, dir, "first.json", model.EncodePeerFile(first))
	if r := cxo(t, "", "--db", db, "--bank", bank, "import", firstPath); r.code != 0 {
		t.Fatalf("import: %s", r.stderr)
	}
	mutate := func(f func(*model.Response)) []byte {
		r := responseTo(inv, 3)
		f(&r)
		return model.EncodePeerFile(r)
	}
	good := model.EncodePeerFile(responseTo(inv, 3))
	corrected := first
	corrected.At = first.At.Add(time.Hour)
	corrected.Answers = map[string]int{}
	for k := range first.Answers {
		corrected.Answers[k] = 2
	}
	older := corrected
	older.At = first.At.Add(-time.Hour)
	cases := []struct {
		name, want string
		data       []byte
	}{
		{"another invitation", "invitation this database did not make", mutate(func(r *model.Response) { r.Invitation = model.NewToken() })},
		{"another bank family", "asks other questions", mutate(func(r *model.Response) { r.Bank = "other-1" })},
		{"an item not asked", "did not ask", mutate(func(r *model.Response) { r.Answers["no-such-item"] = 3 })},
		{"already imported", "imported already", model.EncodePeerFile(first)},
		{"a correction without confirmation", "add --yes", model.EncodePeerFile(corrected)},
		{"older than the one imported", "older than the response", model.EncodePeerFile(older)},
		{"malformed", "malformed JSON", []byte("{\"format\": cxo}")},
		{"truncated", "cut short", good[:len(good)/2]},
		{"empty", "cut short", nil},
		{"unknown field", "unknown field", bytes.Replace(good, []byte(`"format"`), []byte(`"extra": 1, "format"`), 1)},
		{"two objects", "follows its end", append(append([]byte{}, good...), good...)},
		{"an invitation, not a response", "this file is a cxo invitation, not a response", mutate(func(r *model.Response) { r.Format = model.InvitationFormat })},
		{"a newer version", "newer cxo", mutate(func(r *model.Response) { r.Version = 2 })},
		{"a value above the scale", "answers run 1 to 5", mutate(func(r *model.Response) { r.Answers[inv.Items[0].ID] = 6 })},
		{"a negative value", "answers run 1 to 5", mutate(func(r *model.Response) { r.Answers[inv.Items[0].ID] = -1 })},
		{"no rating at all", "rates nothing", mutate(func(r *model.Response) {
			for k := range r.Answers {
				r.Answers[k] = 0
			}
		})},
		{"an unknown relationship", "none of manager", mutate(func(r *model.Response) { r.Relationship = "boss" })},
		{"control characters", "control character", mutate(func(r *model.Response) { r.Relationship = "peer\x1b[2J" })},
		{"a control character in an item id", "control character", mutate(func(r *model.Response) { r.Answers["x\u202e"] = 3 })},
		{"a bad rater token", "rater token", mutate(func(r *model.Response) { r.Rater = "me" })},
		{"over 1 MiB", "at most 1 MiB", append(append([]byte{}, good...), bytes.Repeat([]byte(" "), model.PeerFileLimit)...)},
		{"not UTF-8", "not UTF-8", append([]byte{0xff, 0xfe}, good...)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := writeFile(t, dir, "resp.json", c.data)
			before := mustRead(t, db)
			r := cxo(t, "", "--db", db, "--bank", bank, "import", p)
			if r.code == 0 || !strings.Contains(r.stderr, c.want) || strings.Count(strings.TrimSpace(r.stderr), "\n") > 0 {
				t.Errorf("import: exit %d, stderr %q; want one line with %q", r.code, r.stderr, c.want)
			}
			if !bytes.Equal(mustRead(t, db), before) {
				t.Errorf("the database changed")
			}
			if !bytes.Equal(mustRead(t, p), c.data) {
				t.Errorf("the file changed")
			}
		})
	}
	// A correction replaces the earlier response once confirmed.
	p := writeFile(t, dir, "corrected.json", model.EncodePeerFile(corrected))
	if r := cxo(t, "", "--db", db, "--bank", bank, "import", "--yes", p); r.code != 0 || !strings.Contains(r.stderr, "replaced the earlier response") {
		t.Fatalf("corrected: %d %s", r.code, r.stderr)
	}
}

func TestRateRefusals(t *testing.T) {
	dir, _, _, inv := invitedDB(t)
	good := model.EncodePeerFile(inv)
	other := model.EncodePeerFile(responseTo(inv, 3))
	cases := []struct {
		name, want string
		data       []byte
	}{
		{"malformed", "malformed JSON", []byte("{invitation")},
		{"truncated", "cut short", good[:len(good)/2]},
		{"a response, not an invitation", "this file is a cxo response (a colleague's answers), not an invitation", other},
		{"a foreign format", "not a cxo invitation", bytes.Replace(good, []byte(model.InvitationFormat), []byte("other-tool"), 1)},
		{"over 1 MiB", "at most 1 MiB", append(append([]byte{}, good...), bytes.Repeat([]byte(" "), model.PeerFileLimit)...)},
		{"control characters in the name", "control character", bytes.Replace(good, []byte(`"Sam"`), []byte(`"Sam\u001b]0;x\u0007"`), 1)},
		{"no items", "items", func() []byte { i := inv; i.Items = nil; return model.EncodePeerFile(i) }()},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := writeFile(t, dir, "inv-bad.json", c.data)
			db := filepath.Join(dir, "rater.db")
			out := filepath.Join(dir, "out.json")
			r := cxo(t, "1\n"+strings.Repeat("3\n", 100), "--db", db, "rate", p, "-o", out)
			if r.code == 0 || !strings.Contains(r.stderr, c.want) {
				t.Errorf("rate: exit %d, stderr %q; want %q", r.code, r.stderr, c.want)
			}
			for _, f := range []string{db, out} {
				if _, err := os.Stat(f); err == nil {
					t.Errorf("%s was written", f)
				}
			}
			if !bytes.Equal(mustRead(t, p), c.data) {
				t.Errorf("the file changed")
			}
		})
	}
}
