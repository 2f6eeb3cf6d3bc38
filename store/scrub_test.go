package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/cxo-dev/cxo/model"
	bolt "go.etcd.io/bbolt"
)

const (
	secretNote = "SECRET-EVIDENCE-7f3a9c"
	keptNote   = "KEPT-EVIDENCE-41b2d8"
)

// deletionFixture stores two assessments, the first with a distinctive
// note edited several times (so old versions sit in free pages), and
// every kind of copy cxo keeps beside the database, all holding the
// note: the last-good copies (three generations), a copy taken before an
// upgrade and a half-written start-up copy. It returns the paths that
// must not hold the note after the delete.
func deletionFixture(t *testing.T) (s *Store, gone, kept *model.Assessment, files []string) {
	t.Helper()
	bank := testBank(t)
	s = New(dbPath(t), "test")
	gone, kept = newAssessment(t, bank, "20261123-170811-aaa"), newAssessment(t, bank, "20261123-170812-bbb")
	for _, a := range []*model.Assessment{gone, kept} {
		if err := s.Create(a); err != nil {
			t.Fatal(err)
		}
	}
	for i, v := range []int{1, 2, 3} {
		note := secretNote + " version " + string(rune('a'+i))
		if err := s.SaveAnswer(gone.ID, gone.Order[0], model.Answer{Value: v, Note: note}, 1); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SaveAnswer(kept.ID, kept.Order[0], model.Answer{Value: 4, Note: keptNote}, 1); err != nil {
		t.Fatal(err)
	}
	bak, err := s.Backup()
	if err != nil || bak == "" {
		t.Fatalf("Backup: %q %v", bak, err)
	}
	files = []string{s.Path}
	gens := BackupGenerations(s.Path)
	for _, c := range append(gens, PreMigrationPath(s.Path, SchemaVersion)) {
		if c != bak {
			copyTestFile(t, bak, c)
		}
		files = append(files, c)
	}
	stale := filepath.Join(filepath.Dir(s.Path), "."+filepath.Base(s.Path)+".bak.tmp-123456")
	copyTestFile(t, bak, stale)
	files = append(files, stale)
	for _, f := range files {
		if !fileHolds(t, f, secretNote) {
			t.Fatalf("%s does not hold the note before the delete: the test proves nothing", f)
		}
	}
	return s, gone, kept, files
}

func copyTestFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

// fileHolds searches the bytes of path for text; a missing file holds
// nothing.
func fileHolds(t *testing.T, path, text string) bool {
	t.Helper()
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return false
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return bytes.Contains(data, []byte(text))
}

// A deleted assessment's text is in neither the database file nor any
// copy cxo keeps beside it; what was not deleted is still there, and every
// copy still opens.
func TestDeleteLeavesNoTrace(t *testing.T) {
	s, gone, kept, files := deletionFixture(t)
	if err := s.Delete(gone.ID); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if fileHolds(t, f, secretNote) {
			t.Errorf("%s still holds the deleted note", f)
		}
	}
	if _, _, err := s.Load(gone.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("Load of the deleted one: %v", err)
	}
	got, _, err := s.Load(kept.ID)
	if err != nil || got.Answers[kept.Order[0]].Note != keptNote {
		t.Fatalf("the kept assessment after the delete: %v %+v", err, got)
	}
	if err := s.Check(); err != nil {
		t.Errorf("Check after the delete: %v", err)
	}
	for _, c := range BackupGenerations(s.Path) {
		cs := New(c, "test")
		if err := cs.Check(); err != nil {
			t.Errorf("%s after the delete: %v", c, err)
		}
		if a, _, err := cs.Load(kept.ID); err != nil || a.Answers[kept.Order[0]].Note != keptNote {
			t.Errorf("%s lost the kept assessment: %v", c, err)
		}
	}
	if fi, err := os.Stat(s.Path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("the rewritten database: %v %v", fi.Mode(), err)
	}
	// Answering goes on in the rewritten file.
	if err := s.SaveAnswer(kept.ID, kept.Order[1], model.Answer{Value: 2}, 2); err != nil {
		t.Fatal(err)
	}
}

// delete --all: no assessment's text is left anywhere; settings stay.
func TestDeleteAllLeavesNoTrace(t *testing.T) {
	s, _, _, files := deletionFixture(t)
	if err := s.SaveSetting("new.length", "quick"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DeleteAll(); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if fileHolds(t, f, secretNote) || fileHolds(t, f, keptNote) {
			t.Errorf("%s still holds a deleted note", f)
		}
	}
	if list, _, err := s.List(); err != nil || len(list) != 0 {
		t.Errorf("List after delete --all: %v %v", list, err)
	}
	if v, _ := s.Setting("new.length"); v != "quick" {
		t.Errorf("setting lost: %q", v)
	}
}

// A copy that cannot be read, so cannot be rewritten, is removed rather
// than left holding the deleted text.
func TestDeleteRemovesAnUnreadableCopy(t *testing.T) {
	s, gone, _, _ := deletionFixture(t)
	bak1 := BackupGenerations(s.Path)[1]
	data, _ := os.ReadFile(bak1)
	copy(data[16:], "damaged meta page")
	if err := os.WriteFile(bak1, data, 0o600); err != nil {
		t.Fatal(err)
	}
	done, err := s.DeleteScrubbed([]string{gone.ID})
	if err != nil {
		t.Fatal(err)
	}
	if len(done.Removed) != 1 || done.Removed[0] != bak1 {
		t.Errorf("removed %v, want %s", done.Removed, bak1)
	}
	if _, err := os.Stat(bak1); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the unreadable copy is still there: %v", err)
	}
}

// Deleting an id that is not there changes nothing and says so.
func TestDeleteUnknownID(t *testing.T) {
	s, _, _, _ := deletionFixture(t)
	before := fileSum(t, s.Path)
	if err := s.Delete("20990101-000000-zzz"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Delete of an unknown id: %v", err)
	}
	if fileSum(t, s.Path) != before {
		t.Error("the file changed")
	}
}

// A delete interrupted after its transaction and before the rewrite (a
// crash, a full disk) is finished by the next start, before the
// last-good copy is taken, so the copy never holds what was deleted.
func TestInterruptedDeleteIsFinishedAtStart(t *testing.T) {
	s, gone, kept, files := deletionFixture(t)
	deleteWithoutRewrite(t, s, gone.ID)
	if !fileHolds(t, s.Path, secretNote) {
		t.Fatal("the note is not in free pages after the delete alone: the test proves nothing")
	}
	if _, err := s.Backup(); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if fileHolds(t, f, secretNote) {
			t.Errorf("%s still holds the deleted note", f)
		}
	}
	if a, _, err := s.Load(kept.ID); err != nil || a.Answers[kept.Order[0]].Note != keptNote {
		t.Errorf("the kept assessment: %v", err)
	}
	// The record of the pending rewrite is gone: the next start copies
	// without rewriting again.
	err := s.view(func(tx *bolt.Tx) error {
		if _, pending := readScrub(tx); pending {
			t.Error("the rewrite is still recorded as pending")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// A pending rewrite is never carried out on a damaged database: a copy of
// it could lose what a repair would still find. The file stays as it was
// and the rewrite stays pending.
func TestRewriteRefusesADamagedDatabase(t *testing.T) {
	s, gone, _, _ := deletionFixture(t)
	deleteWithoutRewrite(t, s, gone.ID)
	// The free-page list names a page in use: bbolt reads on without a
	// word (and would hand that page to new data), so only the check
	// before the rewrite stops it.
	kinds, ps := pageKinds(t, s.Path)
	data, _ := os.ReadFile(s.Path)
	metas, err := readMetas(bytes.NewReader(data), int64(len(data)))
	if err != nil || metas.cur.freelist == boltNoFreelist {
		t.Fatalf("no free-page list: %v", err)
	}
	ne := binary.NativeEndian
	fl := data[metas.cur.freelist*uint64(ps):]
	count := int(ne.Uint16(fl[10:]))
	live := 0
	for id, k := range kinds {
		if k == "leaf" && (live == 0 || id < live) {
			live = id
		}
	}
	// Kept in order: the live page goes before the free ones above it.
	ids := []uint64{uint64(live)}
	for i := range count {
		ids = append(ids, ne.Uint64(fl[16+8*i:]))
	}
	slices.Sort(ids)
	for i, id := range ids {
		ne.PutUint64(fl[16+8*i:], id)
	}
	ne.PutUint16(fl[10:], uint16(len(ids)))
	if err := os.WriteFile(s.Path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	before := fileSum(t, s.Path)
	_, err = New(s.Path, "other").scrub() // as resumeScrub or DeleteScrubbed would, after their own checks
	var d *DamagedError
	if !errors.As(err, &d) {
		t.Errorf("rewrite of a damaged file: %v, want a *DamagedError", err)
	}
	if fileSum(t, s.Path) != before {
		t.Error("the damaged file was changed")
	}
}

// failingTemps is the real file system, except that no rewrite can
// create its temporary file (a full disk, say).
type failingTemps struct{ osFS }

func (failingTemps) CreateTemp(dir, pattern string) (tempFile, error) {
	if strings.Contains(pattern, ".scrub-") {
		return nil, syscall.ENOSPC
	}
	return osFS{}.CreateTemp(dir, pattern)
}

// A delete whose rewrite fails says the assessment is deleted and the
// rewrite is not done yet; the next start finishes it.
func TestDeleteWhoseRewriteFails(t *testing.T) {
	s, gone, _, files := deletionFixture(t)
	old := fsys
	fsys = failingTemps{}
	err := s.Delete(gone.ID)
	fsys = old
	var se *ScrubError
	if !errors.As(err, &se) || !strings.Contains(err.Error(), "deleted, but") || strings.Contains(err.Error(), "\n") {
		t.Fatalf("Delete with no room to rewrite: %v", err)
	}
	if _, _, err := s.Load(gone.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("the assessment is still there: %v", err)
	}
	if _, err := s.Backup(); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if fileHolds(t, f, secretNote) {
			t.Errorf("%s still holds the deleted note after the next start", f)
		}
	}
}

// Deleting from a small file never makes it larger: the rewrite keeps
// bbolt's own sizes (it once grew a 64 KiB file to 4 MiB).
func TestDeleteDoesNotGrowASmallFile(t *testing.T) {
	path, as := finishedDB(t)
	before, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := New(path, "t").Delete(as[0].ID); err != nil {
		t.Fatal(err)
	}
	after, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if after.Size() > before.Size() {
		t.Errorf("delete grew the file from %d to %d bytes", before.Size(), after.Size())
	}
}

// deleteWithoutRewrite deletes id and records the rewrite as pending, as
// a delete cut short between its transaction and its rewrite leaves it.
func deleteWithoutRewrite(t *testing.T, s *Store, id string) {
	t.Helper()
	err := s.update(func(tx *bolt.Tx) error {
		if err := deleteIn(tx, []string{id}, true); err != nil {
			return err
		}
		return markScrub(tx, []string{id})
	})
	if err != nil {
		t.Fatal(err)
	}
}
