package main

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cxo-dev/cxo/assets"
	"github.com/cxo-dev/cxo/model"
	"github.com/cxo-dev/cxo/store"
)

// twoAssessments stores two assessments with every answer carrying a note
// of its own, and returns their ids.
func twoAssessments(t *testing.T, db string) []string {
	t.Helper()
	bank, err := assets.DefaultBank()
	if err != nil {
		t.Fatal(err)
	}
	s := store.New(db, "test")
	var ids []string
	for i, id := range []string{"20261123-170811-a3f", "20261124-090000-b4e"} {
		a := model.NewAssessment(bank, id, time.Date(2026, 11, 23+i, 17, 0, 0, 0, time.UTC), model.LengthQuick, model.RoleCTO)
		if err := s.Create(a); err != nil {
			t.Fatal(err)
		}
		for j, item := range a.Order[:5] {
			if err := s.SaveAnswer(id, item, model.Answer{Value: 3, Note: "note " + id + " " + item}, j+1); err != nil {
				t.Fatal(err)
			}
		}
		ids = append(ids, id)
	}
	return ids
}

// flipEverywhere flips a byte of every copy of text in the file.
func flipEverywhere(t *testing.T, path, text string) {
	t.Helper()
	data := mustRead(t, path)
	if !bytes.Contains(data, []byte(text)) {
		t.Fatalf("%q is not in the file", text)
	}
	for off := 0; ; {
		i := bytes.Index(data[off:], []byte(text))
		if i < 0 {
			break
		}
		data[off+i] ^= 0x01
		off += i + len(text)
	}
	os.WriteFile(path, data, 0o600)
}

func TestCheckRepairNamesLossesFirstAndRepairs(t *testing.T) {
	dir := isolate(t)
	db := filepath.Join(dir, "cxo.db")
	ids := twoAssessments(t, db)
	a, _, _ := store.New(db, "t").Load(ids[1])
	item := a.Order[2]
	flipEverywhere(t, db, "note "+ids[1]+" "+item)
	damaged := mustRead(t, db)

	r := cxo(t, "", "--db", db, "check")
	if r.code != 1 || !strings.Contains(r.stderr, db) || !strings.Contains(r.stderr, ids[1]) || !strings.Contains(r.stderr, item) ||
		!strings.Contains(r.stderr, "check --repair") || strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 {
		t.Errorf("check on a flipped answer: %d %q", r.code, r.stderr)
	}
	r = cxo(t, "", "--db", db, "--accessible", "resume", ids[1])
	if r.code == 0 || !strings.Contains(r.stderr, item) {
		t.Errorf("resume of the damaged assessment: %d %q", r.code, r.stderr)
	}
	r = cxo(t, "", "--db", db, "check", "--repair")
	if r.code != 2 || !strings.Contains(r.stdout, "its answer to item "+item) || !strings.Contains(r.stderr, "--yes") {
		t.Errorf("check --repair without --yes in a pipe: %d %q %q", r.code, r.stdout, r.stderr)
	}
	if !bytes.Equal(mustRead(t, db), damaged) {
		t.Fatalf("the file changed without --yes")
	}
	r = cxo(t, "", "--db", db, "check", "--repair", "--yes")
	if r.code != 0 || !strings.Contains(r.stdout, "repaired") || !strings.Contains(r.stdout, ".corrupt-") {
		t.Fatalf("check --repair --yes: %d %q %q", r.code, r.stdout, r.stderr)
	}
	asides, _ := filepath.Glob(db + ".corrupt-*")
	if len(asides) != 1 || !bytes.Equal(mustRead(t, asides[0]), damaged) {
		t.Errorf("the old file was not kept aside as it was: %v", asides)
	}
	if r := cxo(t, "", "--db", db, "check"); r.code != 0 || !strings.Contains(r.stdout, "ok") {
		t.Errorf("check after the repair: %d %q %q", r.code, r.stdout, r.stderr)
	}
	list, _, err := store.New(db, "t").List()
	if err != nil || len(list) != 2 {
		t.Fatalf("after the repair: %v, %v", list, err)
	}
	for _, s := range list {
		if want := map[string]int{ids[0]: 5, ids[1]: 4}[s.ID]; s.Answered != want {
			t.Errorf("%s lists %d answered, want %d", s.ID, s.Answered, want)
		}
	}
	if r := cxo(t, "", "--db", db, "check", "--repair"); r.code != 0 || !strings.Contains(r.stdout, "nothing to repair") {
		t.Errorf("check --repair on a sound file: %d %q %q", r.code, r.stdout, r.stderr)
	}
}

// freelistNamingRoot makes the free-page list of a bbolt file name the
// root page, a page in use (what made cxo delete destroy another
// assessment). It reads the layout by hand: see store/boltformat.go.
func freelistNamingRoot(t *testing.T, path string) {
	t.Helper()
	data := mustRead(t, path)
	ne := binary.NativeEndian
	ps := uint64(ne.Uint32(data[16+8:]))
	meta := data[16:]
	if ne.Uint64(data[ps+16+48:]) > ne.Uint64(meta[48:]) {
		meta = data[ps+16:]
	}
	root, freelist := ne.Uint64(meta[16:]), ne.Uint64(meta[32:])
	page := data[freelist*ps:]
	n := int(ne.Uint16(page[10:]))
	ids := []uint64{root}
	for i := range n {
		ids = append(ids, ne.Uint64(page[16+8*i:]))
	}
	slices.Sort(ids)
	ne.PutUint16(page[10:], uint16(len(ids)))
	for i, id := range ids {
		ne.PutUint64(page[16+8*i:], id)
	}
	os.WriteFile(path, data, 0o600)
}

func TestWritingCommandsRefuseABadFreelist(t *testing.T) {
	dir := isolate(t)
	db := filepath.Join(dir, "cxo.db")
	ids := twoAssessments(t, db)
	freelistNamingRoot(t, db)
	before := mustRead(t, db)
	for _, args := range [][]string{
		{"delete", ids[0], "--yes"},
		{"--accessible", "new", "--quick"},
		{"--accessible", "resume", ids[1]},
		{"check"},
	} {
		r := cxo(t, "3\n3\n3\n", append([]string{"--db", db}, args...)...)
		if r.code == 0 || !strings.Contains(r.stderr, db) || !strings.Contains(r.stderr, "free-page list") {
			t.Errorf("cxo %s on a bad free-page list: %d %q", strings.Join(args, " "), r.code, r.stderr)
		}
		if !bytes.Equal(mustRead(t, db), before) {
			t.Fatalf("cxo %s changed the file", strings.Join(args, " "))
		}
	}
	if r := cxo(t, "", "--db", db, "list"); r.code != 0 || !strings.Contains(r.stdout, ids[0]) {
		t.Errorf("list (the data is intact): %d %q %q", r.code, r.stdout, r.stderr)
	}
	if r := cxo(t, "", "--db", db, "check", "--repair"); r.code != 0 || !strings.Contains(r.stdout, "repaired") {
		t.Fatalf("check --repair: %d %q %q", r.code, r.stdout, r.stderr)
	}
	if r := cxo(t, "", "--db", db, "delete", ids[0], "--yes"); r.code != 0 {
		t.Errorf("delete after the repair: %d %q", r.code, r.stderr)
	}
	list, _, err := store.New(db, "t").List()
	if err != nil || len(list) != 1 || list[0].ID != ids[1] {
		t.Errorf("after the repair and delete: %v, %v", list, err)
	}
}

// Damage no repair reaches (here a file that is not a database at all)
// is refused by --repair saying so, not with plain check's words, and the
// file is left as it was.
func TestCheckRepairSaysWhenItCannotHelp(t *testing.T) {
	dir := isolate(t)
	db := filepath.Join(dir, "cxo.db")
	garbage := bytes.Repeat([]byte("not a database "), 4096)
	if err := os.WriteFile(db, garbage, 0o600); err != nil {
		t.Fatal(err)
	}
	r := cxo(t, "", "--db", db, "check", "--repair", "--yes")
	if r.code != 1 || !strings.Contains(r.stderr, "--repair cannot help") || strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("check --repair on a foreign file: exit %d, stderr %q", r.code, r.stderr)
	}
	if got, _ := os.ReadFile(db); !bytes.Equal(got, garbage) {
		t.Error("check --repair changed a file it could not repair")
	}
}
