package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/cxo-dev/cxo/model"
)

// dumpAll lists every bucket, key and value in a bbolt file as
// "path=value" lines, nested buckets included.
func dumpAll(t testing.TB, path string) []string {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer db.Close()
	var out []string
	var walk func(prefix string, b *bolt.Bucket) error
	walk = func(prefix string, b *bolt.Bucket) error {
		return b.ForEach(func(k, v []byte) error {
			if v == nil {
				out = append(out, prefix+string(k)+"/")
				return walk(prefix+string(k)+"/", b.Bucket(k))
			}
			out = append(out, prefix+string(k)+"="+string(v))
			return nil
		})
	}
	err = db.View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			out = append(out, string(name)+"/")
			return walk(string(name)+"/", b)
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func writeFile(t testing.TB, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "cxo.db")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestCheckAndBackup(t *testing.T) {
	path := writeFile(t, realDB(t, 60))
	s := New(path, "cxo test")
	before := fileSum(t, path)
	if err := s.Check(); err != nil {
		t.Fatalf("Check on a clean file: %v", err)
	}
	bak, err := s.Backup()
	if err != nil || bak != path+".bak" {
		t.Fatalf("Backup = %q, %v; want %s.bak", bak, err, path)
	}
	if fileSum(t, path) != before {
		t.Errorf("Check or Backup changed the file")
	}
	if fi, err := os.Stat(bak); err != nil || fi.Mode() != 0o600 {
		t.Errorf("the copy: %v, %v; want mode 0600", fi, err)
	}
	if err := New(bak, "").Check(); err != nil {
		t.Errorf("the copy fails the check: %v", err)
	}
	if a, b := dumpAll(t, path), dumpAll(t, bak); !slices.Equal(a, b) {
		t.Errorf("the copy holds %d entries, the file %d", len(b), len(a))
	}
	if leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".*tmp*")); len(leftovers) > 0 {
		t.Errorf("temporary files left behind: %v", leftovers)
	}

	// The hint restores it.
	hint := RestoreHint(path)
	if want := "to restore the last good copy: cp " + bak + " " + path; hint != want {
		t.Errorf("RestoreHint = %q, want %q", hint, want)
	}
	if strings.Contains(hint, "\n") {
		t.Errorf("RestoreHint is more than one line: %q", hint)
	}
	if got := RestoreHint("/home/a b/it's/cxo.db"); got != `to restore the last good copy: cp '/home/a b/it'\''s/cxo.db.bak' '/home/a b/it'\''s/cxo.db'` {
		t.Errorf("RestoreHint with awkward characters = %s", got)
	}

	// A damaged file fails Backup, and the last good copy stays as it was.
	good := fileSum(t, bak)
	data, _ := os.ReadFile(path)
	if err := os.WriteFile(path, withBytes(data, func(b []byte) { fillPage(b, "root", randomBytes(7, 1<<16)) }), 0o600); err != nil {
		t.Fatal(err)
	}
	var d *DamagedError
	if _, err := s.Backup(); !errors.As(err, &d) || d.Path != path {
		t.Errorf("Backup of a damaged file = %v, want a *DamagedError naming it", err)
	}
	if fileSum(t, bak) != good {
		t.Errorf("the last good copy changed")
	}
}

func TestCheckNothingYet(t *testing.T) {
	path := dbPath(t)
	s := New(path, "")
	if err := s.Check(); err != nil {
		t.Errorf("Check with no file = %v", err)
	}
	if bak, err := s.Backup(); bak != "" || err != nil {
		t.Errorf("Backup with no file = %q, %v; want nothing done", bak, err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := s.Check(); err != nil {
		t.Errorf("Check on an empty file = %v", err)
	}
	if bak, err := s.Backup(); bak != "" || err != nil {
		t.Errorf("Backup of an empty file = %q, %v; want nothing done", bak, err)
	}
	if _, err := os.Stat(BackupPath(path)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a copy was made of nothing: %v", err)
	}
}

// pageKinds maps every page below the high-water mark to what bbolt says
// it is: "leaf", "branch", "free", "meta", "freelist".
func pageKinds(t *testing.T, path string) (map[int]string, int) {
	t.Helper()
	copyPath := filepath.Join(t.TempDir(), "kinds.db") // bolt.Open for writing may touch the file
	data, _ := os.ReadFile(path)
	if err := os.WriteFile(copyPath, data, 0o600); err != nil {
		t.Fatal(err)
	}
	db, err := bolt.Open(copyPath, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	kinds := map[int]string{}
	err = db.View(func(tx *bolt.Tx) error {
		for id := 0; ; id++ {
			p, err := tx.Page(id)
			if err != nil || p == nil {
				return err
			}
			kinds[id] = p.Type
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return kinds, db.Info().PageSize
}

// Damage anywhere in the file never crashes Check: it reports a
// *DamagedError naming the file, or nothing when the damage is to a page
// not in use. Damage bbolt's own check finds (keys out of order) and the
// page walk finds (a page in use twice) are reported.
func TestCheckFindsDamage(t *testing.T) {
	clean := realDB(t, 300)
	path := writeFile(t, clean)
	kinds, ps := pageKinds(t, path)
	var leaves, branches []int
	for id, k := range kinds {
		switch k {
		case "leaf":
			leaves = append(leaves, id)
		case "branch":
			branches = append(branches, id)
		}
	}
	slices.Sort(leaves)
	slices.Sort(branches)
	if len(leaves) < 5 || len(branches) == 0 {
		t.Fatalf("the test file has %d leaves and %d branches", len(leaves), len(branches))
	}
	ne := binary.NativeEndian
	check := func(t *testing.T, data []byte, mustFind bool) {
		t.Helper()
		p := writeFile(t, data)
		err := noPanic(t, "Check", New(p, "").Check)
		var d *DamagedError
		switch {
		case err == nil && mustFind:
			t.Errorf("Check found nothing")
		case err != nil && (!errors.As(err, &d) || d.Path != p):
			t.Errorf("Check = %v (%T), want a *DamagedError naming the file", err, err)
		case err != nil && strings.Contains(err.Error(), "\n"):
			t.Errorf("the error is more than one line: %q", err)
		}
	}
	t.Run("pages zeroed or garbled", func(t *testing.T) {
		// Every fourth page and every branch, zeroed or filled with
		// random bytes in turn: enough to cover each kind of page.
		found, tried := 0, 0
		p := filepath.Join(t.TempDir(), "cxo.db")
		for id := 2; id < len(clean)/ps; id++ {
			if id%4 != 0 && kinds[id] != "branch" {
				continue
			}
			inUse := kinds[id] == "leaf" || kinds[id] == "branch"
			junk := make([]byte, ps)
			if id%8 != 0 {
				junk = randomBytes(uint64(id), ps)
			}
			data := withBytes(clean, func(b []byte) { copy(b[id*ps:], junk) })
			if err := os.WriteFile(p, data, 0o600); err != nil {
				t.Fatal(err)
			}
			err := noPanic(t, "Check", New(p, "").Check)
			var d *DamagedError
			switch {
			case err != nil && (!errors.As(err, &d) || d.Path != p):
				t.Errorf("page %d (%s): Check = %v (%T)", id, kinds[id], err, err)
			case err == nil && inUse:
				t.Errorf("page %d (%s): Check found nothing", id, kinds[id])
			case err != nil:
				found++
			}
			tried++
		}
		t.Logf("%d pages (%d leaves, %d branches): %d damaged copies, %d reported", len(clean)/ps, len(leaves), len(branches), tried, found)
	})
	t.Run("keys out of order", func(t *testing.T) {
		// Raise the first key of a leaf above the others: the pages are
		// all well formed, only bbolt's key order check can see it.
		for _, id := range leaves {
			base := id * ps
			if ne.Uint16(clean[base+10:]) < 2 {
				continue
			}
			pos := int(ne.Uint32(clean[base+16+4:]))
			data := withBytes(clean, func(b []byte) { b[base+16+pos] = 0xff })
			check(t, data, true)
			return
		}
		t.Fatal("no leaf with two keys")
	})
	t.Run("a page used twice", func(t *testing.T) {
		id := branches[0]
		base := id * ps
		if ne.Uint16(clean[base+10:]) < 2 {
			t.Skip("the branch has one child")
		}
		// Point the second child at the first.
		first := ne.Uint64(clean[base+16+8:])
		data := withBytes(clean, func(b []byte) { ne.PutUint64(b[base+32+8:], first) })
		check(t, data, true)
	})
	t.Run("a child outside the file", func(t *testing.T) {
		base := branches[0] * ps
		data := withBytes(clean, func(b []byte) { ne.PutUint64(b[base+16+8:], 1<<40) })
		check(t, data, true)
	})
	t.Run("a key pointing past the page", func(t *testing.T) {
		base := leaves[len(leaves)/2] * ps
		data := withBytes(clean, func(b []byte) { ne.PutUint32(b[base+16+4:], 1<<30) })
		check(t, data, true)
	})
	if !bytes.Equal(clean, mustRead(t, path)) {
		t.Errorf("the clean file changed")
	}
}

func mustRead(t testing.TB, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestMoveAside(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "cxo.db")
	junk := []byte("not a database\n")
	if err := os.WriteFile(path, junk, 0o600); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 23, 17, 8, 11, 0, time.UTC)
	got, err := MoveAside(path, now)
	if want := path + ".corrupt-20261123-170811"; err != nil || got != want {
		t.Fatalf("MoveAside = %q, %v; want %s", got, err, want)
	}
	if data, err := os.ReadFile(got); err != nil || !bytes.Equal(data, junk) {
		t.Errorf("moved file holds %q, %v", data, err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the old name is still there: %v", err)
	}

	// The same second again: the first one is not overwritten.
	other := []byte("another broken one\n")
	if err := os.WriteFile(path, other, 0o600); err != nil {
		t.Fatal(err)
	}
	got2, err := MoveAside(path, now)
	if err != nil || got2 != got+"-2" {
		t.Fatalf("second MoveAside = %q, %v; want %s-2", got2, err, got)
	}
	if data, _ := os.ReadFile(got); !bytes.Equal(data, junk) {
		t.Errorf("the first moved file was overwritten: %q", data)
	}
	if data, _ := os.ReadFile(got2); !bytes.Equal(data, other) {
		t.Errorf("the second moved file holds %q", data)
	}

	if _, err := MoveAside(path, now); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("MoveAside of a missing file = %v, want ErrNotExist", err)
	}

	// Afterwards a fresh database starts at the same path.
	s := New(path, "")
	if err := s.Create(newAssessment(t, testBank(t), "20261123-170811-a3f")); err != nil {
		t.Fatalf("Create after moving aside: %v", err)
	}
	if err := s.Check(); err != nil {
		t.Errorf("Check of the fresh file: %v", err)
	}
}

// Every start runs Backup; when nothing changed since the last copy it
// checks the file but does not copy it again.
func TestBackupSkipsAnUnchangedFile(t *testing.T) {
	bank := testBank(t)
	s := New(dbPath(t), "")
	a := newAssessment(t, bank, "20261123-170811-a3f")
	if err := s.Create(a); err != nil {
		t.Fatal(err)
	}
	bak, err := s.Backup()
	if err != nil {
		t.Fatal(err)
	}
	first, _ := os.Stat(bak)
	if _, err := s.Backup(); err != nil {
		t.Fatal(err)
	}
	// A copy is written to a new file renamed over the old one, so a
	// second copy is a different file (timestamps may be too coarse to
	// tell).
	if again, _ := os.Stat(bak); !os.SameFile(again, first) {
		t.Error("an unchanged database was copied again")
	}
	if err := s.SaveAnswer(a.ID, a.Order[0], model.Answer{Value: 2}, 1); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Backup(); err != nil {
		t.Fatal(err)
	}
	if after, _ := os.Stat(bak); os.SameFile(after, first) {
		t.Error("a changed database was not copied")
	}
	restored := New(bak, "")
	got, _, err := restored.Load(a.ID)
	if err != nil {
		t.Fatalf("loading the copy: %v", err)
	}
	if _, ok := got.Answers[a.Order[0]]; !ok {
		t.Error("the new copy does not hold the answer saved after the first copy")
	}
}
