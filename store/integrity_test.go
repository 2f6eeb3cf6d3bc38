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

	"github.com/cxo-dev/cxo/model"
	bolt "go.etcd.io/bbolt"
)

// currentMeta reads the meta page bbolt opens a file's bytes from.
func currentMeta(t testing.TB, db []byte) boltMeta {
	t.Helper()
	m, err := readMetas(bytes.NewReader(db), int64(len(db)))
	if err != nil {
		t.Fatalf("meta pages: %v", err)
	}
	return m.cur
}

// freelistNaming adds page id to the free-page list of the current meta
// page, as a damaged list that names a page in use would.
func freelistNaming(t testing.TB, db []byte, id uint64) []byte {
	t.Helper()
	out := bytes.Clone(db)
	m := currentMeta(t, out)
	ids, _, err := readFreelist(bytes.NewReader(out), m)
	if err != nil {
		t.Fatal(err)
	}
	ids = append(ids, id)
	slices.Sort(ids)
	ps := uint64(m.pageSize)
	page := out[m.freelist*ps:]
	ne := binary.NativeEndian
	if len(ids) >= 0xFFFF || uint64(boltPageHeader+8*len(ids)) > ps {
		t.Fatalf("the test's freelist has %d ids: too many for this helper", len(ids))
	}
	ne.PutUint16(page[10:], uint16(len(ids)))
	for i, x := range ids {
		ne.PutUint64(page[boltPageHeader+8*i:], x)
	}
	return out
}

// rootOf returns the root page of the bucket at path (nil: the root
// bucket of the file) in a database's bytes.
func rootOf(t testing.TB, db []byte, path ...[]byte) uint64 {
	t.Helper()
	file := filepath.Join(t.TempDir(), "probe.db")
	if err := os.WriteFile(file, db, 0o600); err != nil {
		t.Fatal(err)
	}
	bdb, err := bolt.Open(file, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer bdb.Close()
	var root uint64
	bdb.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(path[0])
		for _, p := range path[1:] {
			b = b.Bucket(p)
		}
		root = uint64(b.RootPage())
		return nil
	})
	return root
}

// flipInValue flips a byte inside the stored value at bucket path/key of
// the database at file: at every place its bytes lie in the file (older
// copies may lie in free pages), at offset at of the value.
func flipInValue(t testing.TB, file string, at int, key []byte, path ...[]byte) {
	t.Helper()
	bdb, err := bolt.Open(file, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	var v []byte
	bdb.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(path[0])
		for _, p := range path[1:] {
			b = b.Bucket(p)
		}
		v = bytes.Clone(b.Get(key))
		return nil
	})
	bdb.Close()
	if v == nil {
		t.Fatalf("no value %s under %q", key, path)
	}
	data := mustRead(t, file)
	n := 0
	for off := 0; ; {
		i := bytes.Index(data[off:], v)
		if i < 0 {
			break
		}
		data[off+i+at] ^= 0x04
		off += i + len(v)
		n++
	}
	if n == 0 {
		t.Fatalf("the value %s is not in the file as it is stored", key)
	}
	if err := os.WriteFile(file, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

// finishedDB is a database with two finished assessments, every item
// answered with a note of its own, and returns its path and the ids.
func finishedDB(t testing.TB) (string, []*model.Assessment) {
	t.Helper()
	bank := testBank(t)
	path := dbPath(t)
	s := New(path, "cxo test")
	var as []*model.Assessment
	for _, id := range []string{"20261123-170811-a3f", "20261124-090000-b4e"} {
		a := newAssessment(t, bank, id)
		if err := s.Create(a); err != nil {
			t.Fatal(err)
		}
		for j, item := range a.Order {
			ans := model.Answer{Value: j%5 + 1, Note: "note on " + item, At: testStart}
			a.Answers[item] = ans
			if err := s.SaveAnswer(a.ID, item, ans, j+1); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := s.Finish(bank, a); err != nil {
			t.Fatal(err)
		}
		as = append(as, a)
	}
	return path, as
}

// writers is every Store method that writes, called on a.
func writers(s *Store, bank *model.Bank, a *model.Assessment) []struct {
	name string
	fn   func() error
} {
	return []struct {
		name string
		fn   func() error
	}{
		{"Create", func() error {
			b := a.Clone()
			b.ID = "20261201-000000-fff"
			return s.Create(b)
		}},
		{"SaveAnswer", func() error { return s.SaveAnswer(a.ID, a.Order[0], model.Answer{Value: 1}, 1) }},
		{"SaveCursor", func() error { return s.SaveCursor(a.ID, 2) }},
		{"SaveOrder", func() error { return s.SaveOrder(a) }},
		{"Finish", func() error { _, err := s.Finish(bank, a); return err }},
		{"SaveSetting", func() error { return s.SaveSetting("new.length", "quick") }},
		{"Delete", func() error { return s.Delete(a.ID) }},
	}
}

// A free-page list that names a page in use would make the next write
// overwrite live data (cxo delete destroyed another assessment this way).
// Every write is refused, naming the file and the repair, and the bytes
// stay as they were; reading still works.
func TestFreelistNamingALivePageRefusesEveryWrite(t *testing.T) {
	path, as := finishedDB(t)
	data := mustRead(t, path)
	live := rootOf(t, data, bucketAssessments)
	if err := os.WriteFile(path, freelistNaming(t, data, live), 0o600); err != nil {
		t.Fatal(err)
	}
	sum := fileSum(t, path)
	s := New(path, "cxo test")
	for _, w := range writers(s, testBank(t), as[0]) {
		err := noPanic(t, w.name, w.fn)
		var d *DamagedError
		if !errors.As(err, &d) || !d.Repair || !strings.Contains(err.Error(), path) ||
			!strings.Contains(err.Error(), "free-page list names page") || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s on a file whose free-page list names a live page = %v", w.name, err)
		}
		if fileSum(t, path) != sum {
			t.Fatalf("%s changed the file", w.name)
		}
	}
	if list, _, err := s.List(); err != nil || len(list) != 2 {
		t.Errorf("List = %d, %v; the data is intact and should read", len(list), err)
	}
	if err := s.Check(); err == nil {
		t.Errorf("Check passed a free-page list that names a live page")
	}
	if _, err := s.Backup(); err == nil {
		t.Errorf("Backup copied a file whose free-page list names a live page")
	}
	if _, err := os.Stat(BackupPath(path)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a last-good copy was made of it")
	}
}

// The write guard passes a sound file once and trusts its own writes
// afterwards; a write by another process is walked again.
func TestWriteGuardWalksOnlyChangedStates(t *testing.T) {
	path, as := finishedDB(t)
	s := New(path, "cxo test")
	if err := s.SaveCursor(as[0].ID, 1); err != nil {
		t.Fatal(err)
	}
	first := s.verified
	if !first.full {
		t.Fatalf("the state after a write is not remembered as verified")
	}
	other := New(path, "another cxo")
	if err := other.SaveCursor(as[0].ID, 2); err != nil {
		t.Fatal(err)
	}
	// Damage the other process's state: this Store must walk it again.
	data := mustRead(t, path)
	os.WriteFile(path, freelistNaming(t, data, rootOf(t, data, bucketAssessments)), 0o600)
	if err := s.SaveCursor(as[0].ID, 3); err == nil {
		t.Errorf("a write trusted a state another process left without walking it")
	}
}

// A page that points back at itself: bbolt would descend for ever (a read
// grows without bound, DeleteBucket recurses until the stack overflows).
// Every call ends with one line naming the file; no page is visited twice.
func TestPageLoopIsOneLineError(t *testing.T) {
	data := realDB(t, 300)
	root := rootOf(t, data, bucketAssessments)
	m := currentMeta(t, data)
	ps := uint64(m.pageSize)
	page := data[root*ps:]
	ne := binary.NativeEndian
	if ne.Uint16(page[8:]) != pageBranch {
		t.Fatalf("the assessments bucket's root page %d is not a branch page", root)
	}
	loop := withBytes(data, func(b []byte) {
		// The last child of the root points back at the root.
		at := root*ps + boltPageHeader + uint64(ne.Uint16(page[10:])-1)*elementSize
		ne.PutUint64(b[at+8:], root)
	})
	path := filepath.Join(t.TempDir(), "cxo.db")
	if err := os.WriteFile(path, loop, 0o600); err != nil {
		t.Fatal(err)
	}
	sum := fileSum(t, path)
	s := New(path, "cxo test")
	a := newAssessment(t, testBank(t), "20261123-170811-000")
	calls := append(writers(s, testBank(t), a), []struct {
		name string
		fn   func() error
	}{
		{"List", func() error { _, _, err := s.List(); return err }},
		{"Load", func() error { _, _, err := s.Load(a.ID); return err }},
		{"Resolve", func() error { _, err := s.Resolve("2026"); return err }},
		{"Check", s.Check},
		{"Backup", func() error { _, err := s.Backup(); return err }},
		{"PlanRepair", func() error { _, err := s.PlanRepair(); return err }},
	}...)
	for _, c := range calls {
		err := noPanic(t, c.name, c.fn)
		var d *DamagedError
		if !errors.As(err, &d) || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "referenced twice") ||
			strings.Contains(err.Error(), "\n") || d.Repair {
			t.Errorf("%s on a page loop = %v", c.name, err)
		}
	}
	if fileSum(t, path) != sum {
		t.Errorf("the file changed")
	}
}

// A flipped byte inside a stored value (bbolt checksums only its header
// pages) is caught by its checksum: check names the assessment and item,
// the good last-good copy is kept, reading it says what is damaged instead
// of showing the answer as not given, and a damaged result is scored
// again from the intact answers.
func TestFlippedByteInsideAValue(t *testing.T) {
	bank := testBank(t)
	for _, tc := range []struct {
		name string
		key  []byte
		path func(id string) [][]byte
		want string // in the error
	}{
		{"answer", []byte("ops-likert-1"), func(id string) [][]byte { return [][]byte{bucketAssessments, []byte(id), bucketAnswers} }, "its answer to item ops-likert-1"},
		{"result", keyResult, func(id string) [][]byte { return [][]byte{bucketAssessments, []byte(id)} }, "its stored result"},
		{"record", keyRecord, func(id string) [][]byte { return [][]byte{bucketAssessments, []byte(id)} }, "its header"},
		{"order", keyOrder, func(id string) [][]byte { return [][]byte{bucketAssessments, []byte(id)} }, "its order of items"},
		{"cursor", keyCursor, func(id string) [][]byte { return [][]byte{bucketAssessments, []byte(id)} }, "where to resume"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path, as := finishedDB(t)
			s := New(path, "cxo test")
			bak, err := s.Backup()
			if err != nil {
				t.Fatal(err)
			}
			bakSum := fileSum(t, bak)
			id := as[1].ID
			flipInValue(t, path, 3, tc.key, tc.path(id)...) // inside the payload
			sum := fileSum(t, path)

			s = New(path, "cxo test")
			err = s.Check()
			var d *DamagedError
			if !errors.As(err, &d) || !d.Repair || !strings.Contains(err.Error(), id) || !strings.Contains(err.Error(), tc.want) ||
				!strings.Contains(err.Error(), path) || strings.Contains(err.Error(), "\n") {
				t.Fatalf("Check = %v; want it to name the file, %s and %q", err, id, tc.want)
			}
			if len(d.Records) != 1 || d.Records[0].Assessment() != id {
				t.Errorf("Check's damaged values = %v", d.Records)
			}
			if _, err := s.Backup(); err == nil {
				t.Errorf("Backup copied a file with a damaged value")
			}
			if fileSum(t, bak) != bakSum {
				t.Errorf("the good last-good copy was replaced")
			}
			// The other assessment is untouched and reads as before.
			if a, _, err := s.Load(as[0].ID); err != nil || len(a.Answers) != len(as[0].Order) {
				t.Errorf("the intact assessment: %v", err)
			}
			a, _, err := s.Load(id)
			switch tc.name {
			case "result":
				if err != nil {
					t.Fatalf("Load with a damaged result: %v", err)
				}
				if _, _, err := s.Result(id); err == nil || !strings.Contains(err.Error(), "stored result") {
					t.Errorf("Result = %v, want it named damaged", err)
				}
				_, res, err := s.LoadWithResult(bank, id)
				if want := model.Compute(bank, a); err != nil || res.Lean != want.Lean || res.Answered != want.Answered {
					t.Errorf("LoadWithResult with a damaged result = %+v, %v; want it scored again (%+v)", res.Lean, err, want.Lean)
				}
			case "cursor":
				if err != nil || a.Cursor != a.FirstOpen() {
					t.Errorf("Load with a damaged resume position = %v; want it to resume at the first open item", err)
				}
			default:
				if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), id) {
					t.Errorf("Load = %v; want the damaged %s named", err, tc.name)
				}
			}
			if tc.name == "record" {
				list, skipped, err := s.List()
				if err != nil || len(list) != 1 || len(skipped) != 1 || !strings.Contains(skipped[0].Error(), id) {
					t.Errorf("List = %v, %v, %v; want the damaged one reported by id", list, skipped, err)
				}
			}
			if fileSum(t, path) != sum {
				t.Errorf("reading changed the file")
			}
		})
	}
}

// A key's bytes are in its value's checksum: an answer whose item id is
// flipped cannot move to another item unnoticed.
func TestSealCoversTheName(t *testing.T) {
	v := seal("a/answers/ops-likert-1", []byte(`{"v":1,"value":3}`))
	if _, err := unseal("a/answers/ops-likert-3", v); err == nil {
		t.Errorf("a value read under another name passed its checksum")
	}
	if p, err := unseal("a/answers/ops-likert-1", v); err != nil || string(p) != `{"v":1,"value":3}` {
		t.Errorf("unseal = %q, %v", p, err)
	}
	for i := range v {
		b := bytes.Clone(v)
		b[i] ^= 0x01
		if _, err := unseal("a/answers/ops-likert-1", b); err == nil {
			t.Errorf("a flip at byte %d passed", i)
		}
	}
}

// One bad header page: bbolt opens from the other, so cxo reads the data
// (intact), refuses to write until it is repaired, and the repair copies
// everything to a fresh file, keeping the old one aside.
func TestOneBadHeaderPageOpensAndRepairs(t *testing.T) {
	for _, newer := range []bool{false, true} {
		path, as := finishedDB(t)
		beforeLast := dumpAll(t, path)
		if err := New(path, "").SaveSetting("new.length", "quick"); err != nil {
			t.Fatal(err)
		}
		last := dumpAll(t, path)
		data := mustRead(t, path)
		ps := int(currentMeta(t, data).pageSize)
		cur := currentMeta(t, data).txid % 2 // bbolt writes meta page txid%2
		page := int(cur)
		want := beforeLast // the newest header page is bad: the last save is not in the older one
		if !newer {
			page, want = 1-page, last
		}
		data[page*ps+metaOffset+20] ^= 0xff // the root field
		os.WriteFile(path, data, 0o600)
		sum := fileSum(t, path)

		s := New(path, "cxo test")
		for _, a := range as {
			if _, _, err := s.Load(a.ID); err != nil {
				t.Fatalf("newer %v: Load %s = %v", newer, a.ID, err)
			}
		}
		err := s.SaveCursor(as[0].ID, 1)
		if err == nil || !strings.Contains(err.Error(), "header page is damaged but the other is sound") {
			t.Errorf("newer %v: a write = %v", newer, err)
		}
		if err := s.Check(); err == nil || !strings.Contains(err.Error(), "header page is damaged but the other is sound") ||
			strings.Contains(err.Error(), "last change saved before the damage") != newer {
			t.Errorf("newer %v: Check = %v", newer, err)
		}
		if fileSum(t, path) != sum {
			t.Fatalf("newer %v: the file changed before the repair", newer)
		}
		plan, err := s.PlanRepair()
		if err != nil || plan.Found == "" || len(plan.Lost) != 0 || plan.Assessments != 2 {
			t.Fatalf("newer %v: PlanRepair = %+v, %v", newer, plan, err)
		}
		aside, err := s.Repair(plan, testStart)
		if err != nil {
			t.Fatalf("newer %v: Repair: %v", newer, err)
		}
		if fileSum(t, aside) != sum {
			t.Errorf("the old file was not kept aside as it was")
		}
		if err := New(path, "").Check(); err != nil {
			t.Errorf("the repaired file fails the check: %v", err)
		}
		if got := dumpAll(t, path); !slices.Equal(got, want) {
			t.Errorf("newer %v: the repaired file holds\n%q\nwant\n%q", newer, got, want)
		}
		if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
			t.Errorf("the repaired file: %v, %v", fi, err)
		}
		if err := s.SaveCursor(as[0].ID, 1); err != nil {
			t.Errorf("a write after the repair: %v", err)
		}
	}
}

// The repair names, before it starts, the answers it cannot bring back;
// the rest comes across, the count is worked out again, and a damaged
// result is left to be scored afresh.
func TestRepairNamesWhatItCannotBringBack(t *testing.T) {
	path, as := finishedDB(t)
	flipInValue(t, path, 2, []byte("ops-likert-1"), bucketAssessments, []byte(as[1].ID), bucketAnswers)
	flipInValue(t, path, 2, keyResult, bucketAssessments, []byte(as[1].ID))
	flipInValue(t, path, 2, keyRecord, bucketAssessments, []byte(as[0].ID))
	sum := fileSum(t, path)
	s := New(path, "cxo test")
	plan, err := s.PlanRepair()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"assessment " + as[0].ID + " with all its answers (its record is damaged)", "assessment " + as[1].ID + ", its answer to item ops-likert-1"}
	if !slices.Equal(plan.Lost, want) || plan.Assessments != 1 {
		t.Fatalf("plan = %q (%d assessments), want %q", plan.Lost, plan.Assessments, want)
	}
	if fileSum(t, path) != sum {
		t.Fatalf("planning changed the file")
	}
	aside, err := s.Repair(plan, testStart)
	if err != nil {
		t.Fatal(err)
	}
	if fileSum(t, aside) != sum {
		t.Errorf("the old file was not kept as it was")
	}
	if err := New(path, "").Check(); err != nil {
		t.Fatalf("the repaired file fails the check: %v", err)
	}
	list, skipped, err := s.List()
	if err != nil || len(skipped) != 0 || len(list) != 1 || list[0].ID != as[1].ID || list[0].Answered != len(as[1].Order)-1 {
		t.Fatalf("after the repair List = %+v, %v, %v", list, skipped, err)
	}
	a, res, err := s.LoadWithResult(testBank(t), as[1].ID)
	if err != nil || len(a.Answers) != len(as[1].Order)-1 || res.Answered != len(as[1].Order)-1 {
		t.Errorf("after the repair: %d answers, result over %d, %v", len(a.Answers), res.Answered, err)
	}
	if _, ok, _ := s.Result(as[1].ID); ok {
		t.Errorf("the damaged result came across")
	}
}

func TestRepairOfASoundFileDoesNothing(t *testing.T) {
	path, _ := finishedDB(t)
	sum := fileSum(t, path)
	s := New(path, "")
	plan, err := s.PlanRepair()
	if err != nil || plan.Found != "" {
		t.Fatalf("PlanRepair on a sound file = %+v, %v", plan, err)
	}
	if _, err := s.Repair(plan, time.Now()); err == nil {
		t.Errorf("Repair of a sound file went ahead")
	}
	if fileSum(t, path) != sum {
		t.Errorf("the file changed")
	}
}

// A write between the plan and the repair (another cxo) stops the repair
// with nothing changed: what was planned is no longer what is there.
func TestRepairStopsWhenTheFileChangedSinceThePlan(t *testing.T) {
	path, as := finishedDB(t)
	flipInValue(t, path, 2, []byte(as[1].Order[0]), bucketAssessments, []byte(as[1].ID), bucketAnswers)
	s := New(path, "cxo test")
	plan, err := s.PlanRepair()
	if err != nil || len(plan.Lost) != 1 {
		t.Fatalf("PlanRepair = %+v, %v", plan, err)
	}
	if err := New(path, "another cxo").SaveCursor(as[0].ID, 1); err != nil {
		t.Fatal(err) // the damage is in one value: writing elsewhere is allowed
	}
	sum := fileSum(t, path)
	if _, err := s.Repair(plan, testStart); err == nil || !strings.Contains(err.Error(), "run the repair again") {
		t.Errorf("Repair after a write = %v", err)
	}
	if fileSum(t, path) != sum {
		t.Errorf("the file changed")
	}
	if asides, _ := filepath.Glob(path + ".corrupt-*"); len(asides) != 0 {
		t.Errorf("left %v behind", asides)
	}
	if plan, err = s.PlanRepair(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Repair(plan, testStart); err != nil {
		t.Errorf("Repair with a fresh plan: %v", err)
	}
}
