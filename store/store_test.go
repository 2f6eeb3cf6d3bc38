package store

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/adrg/xdg"
	"github.com/cxo-dev/cxo/model"
)

func sameAnswer(a, b model.Answer) bool {
	return a.Value == b.Value && a.NA == b.NA && a.Skipped == b.Skipped && a.Note == b.Note &&
		a.Took == b.Took && a.At.Equal(b.At)
}

func checkAnswers(t *testing.T, got, want map[string]model.Answer) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("got %d answers, want %d: %+v", len(got), len(want), got)
	}
	for id, w := range want {
		g, ok := got[id]
		switch {
		case !ok:
			t.Errorf("answer %s missing", id)
		case !sameAnswer(g, w):
			t.Errorf("answer %s = %+v, want %+v", id, g, w)
		}
	}
}

func summaryOf(t *testing.T, s *Store, id string) Summary {
	t.Helper()
	list, skipped, err := s.List()
	if err != nil || len(skipped) > 0 {
		t.Fatalf("List: %v (skipped %v)", err, skipped)
	}
	for _, sum := range list {
		if sum.ID == id {
			return sum
		}
	}
	t.Fatalf("List has no %s: %+v", id, list)
	return Summary{}
}

func TestRoundTrip(t *testing.T) {
	bank := testBank(t)
	path := dbPath(t)
	s := New(path, "cxo test")
	const id = "20261123-170811-a3f"
	a := newAssessment(t, bank, id)
	if len(a.Order) != 6 {
		t.Fatalf("order has %d items, want 6", len(a.Order))
	}
	if err := s.Create(a); err != nil {
		t.Fatalf("Create: %v", err)
	}
	if err := s.Create(a); !errors.Is(err, ErrIDTaken) {
		t.Errorf("second Create = %v, want ErrIDTaken", err)
	}
	sum := summaryOf(t, s, id)
	want := Summary{ID: id, Length: model.LengthFull, Target: model.RoleCTO, Status: model.StatusInProgress,
		Answered: 0, Total: 6, BankVersion: "test-1"}
	if !sum.Started.Equal(testStart) {
		t.Errorf("Started = %v, want %v", sum.Started, testStart)
	}
	sum.Started = time.Time{}
	if sum != want {
		t.Errorf("new summary = %+v, want %+v", sum, want)
	}

	at := time.Date(2026, 11, 23, 17, 9, 0, 250*int(time.Millisecond), time.UTC)
	o := a.Order
	saves := []struct {
		item     string
		ans      model.Answer
		cursor   int
		answered int
	}{
		{o[0], model.Answer{Value: 4, Note: "mostly true", Took: 3500 * time.Millisecond, At: at}, 1, 1},
		{o[1], model.Answer{NA: true, Took: time.Second, At: at.Add(time.Second)}, 2, 2},
		{o[2], model.Answer{Skipped: true, At: at.Add(2 * time.Second)}, 3, 2},
		{o[3], model.Answer{Value: 2, At: at.Add(3 * time.Second)}, 4, 3},
		// Re-answering an item does not count it twice.
		{o[3], model.Answer{Value: 5, Note: "changed my mind", Took: 12 * time.Second, At: at.Add(4 * time.Second)}, 4, 3},
		{o[4], model.Answer{Value: 1, Note: "ünïcode ✓ \"quoted\"\nline", At: at.Add(5 * time.Second)}, 5, 4},
		// A skip is not an answer: it never erases one (another process
		// may have given it after this one loaded), and the count stays.
		{o[4], model.Answer{Skipped: true, At: at.Add(6 * time.Second)}, 5, 4},
		// Skipping something already skipped changes nothing.
		{o[2], model.Answer{Skipped: true, At: at.Add(7 * time.Second)}, 5, 4},
	}
	wantAnswers := map[string]model.Answer{}
	for i, sv := range saves {
		if err := s.SaveAnswer(id, sv.item, sv.ans, sv.cursor); err != nil {
			t.Fatalf("save %d: %v", i, err)
		}
		if prev, ok := wantAnswers[sv.item]; ok && sv.ans.Skipped && prev.Given() {
			continue // the earlier answer stands
		}
		wantAnswers[sv.item] = sv.ans
		if got := summaryOf(t, s, id); got.Answered != sv.answered || got.Total != 6 {
			t.Errorf("after save %d (%s %+v): progress %d/%d, want %d/6", i, sv.item, sv.ans, got.Answered, got.Total, sv.answered)
		}
	}
	if err := s.SaveCursor(id, 2); err != nil {
		t.Fatalf("SaveCursor: %v", err)
	}

	got, skipped, err := s.Load(id)
	if err != nil || len(skipped) > 0 {
		t.Fatalf("Load: %v (skipped %v)", err, skipped)
	}
	checkAnswers(t, got.Answers, wantAnswers)
	if !slices.Equal(got.Order, a.Order) {
		t.Errorf("order = %v, want %v", got.Order, a.Order)
	}
	if got.Cursor != 2 {
		t.Errorf("cursor = %d, want 2", got.Cursor)
	}
	if got.ID != id || got.Length != model.LengthFull || got.Target != model.RoleCTO || got.BankVersion != "test-1" ||
		got.Status != model.StatusInProgress || !got.Started.Equal(testStart) || !got.Finished.IsZero() {
		t.Errorf("loaded header = %+v", got)
	}
	if n, total := got.Progress(); n != 4 || total != 6 {
		t.Errorf("loaded progress %d/%d, want 4/6", n, total)
	}

	// A cursor past the end resumes at the first open item.
	if err := s.SaveCursor(id, 99); err != nil {
		t.Fatal(err)
	}
	if got, _, _ := s.Load(id); got.Cursor != got.FirstOpen() || got.Cursor != 2 {
		t.Errorf("cursor out of range resumed at %d, want first open %d", got.Cursor, got.FirstOpen())
	}

	if _, ok, err := s.Result(id); ok || err != nil {
		t.Errorf("Result before Finish = ok %v, err %v; want no result", ok, err)
	}

	// Finish keeps the status and a snapshot of the result.
	wantRes := model.Compute(bank, got)
	res, err := s.Finish(bank, got)
	if err != nil {
		t.Fatalf("Finish: %v", err)
	}
	if got.Status != model.StatusFinished || got.Finished.IsZero() {
		t.Errorf("Finish left status %q finished %v", got.Status, got.Finished)
	}
	if res.Lean != wantRes.Lean {
		t.Errorf("Finish scored lean %+v, want %+v", res.Lean, wantRes.Lean)
	}
	fin, _, err := s.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	if fin.Status != model.StatusFinished || !fin.Finished.Equal(got.Finished) {
		t.Errorf("after Finish: status %q finished %v, want finished at %v", fin.Status, fin.Finished, got.Finished)
	}
	checkAnswers(t, fin.Answers, wantAnswers)
	sum = summaryOf(t, s, id)
	if sum.Status != model.StatusFinished || sum.Answered != 4 || sum.Total != 6 || sum.Lean == "" {
		t.Errorf("finished summary = %+v", sum)
	}
	if !strings.Contains(sum.Lean, res.Lean.Verdict) {
		t.Errorf("summary lean %q does not carry verdict %q", sum.Lean, res.Lean.Verdict)
	}
	back, ok, err := s.Result(id)
	if err != nil || !ok {
		t.Fatalf("Result = ok %v, err %v", ok, err)
	}
	if !reflect.DeepEqual(back, res) {
		t.Errorf("Result round trip:\n got %+v\nwant %+v", back, res)
	}

	// Saving the order again (as after a bank change) keeps the lean.
	if err := s.SaveOrder(fin); err != nil {
		t.Fatal(err)
	}
	if sum2 := summaryOf(t, s, id); sum2.Lean != sum.Lean || sum2.Status != model.StatusFinished {
		t.Errorf("after SaveOrder summary = %+v, want lean %q kept", sum2, sum.Lean)
	}

	// A bank change dropped an answered item and added a new one: the
	// dropped answer stays stored but the list counts only the order's.
	var dropped string
	for _, oid := range fin.Order {
		if fin.Answers[oid].Given() {
			dropped = oid
			break
		}
	}
	changed := fin.Clone()
	changed.Order = append(slices.DeleteFunc(slices.Clone(fin.Order), func(o string) bool { return o == dropped }), "new-item")
	if err := s.SaveOrder(changed); err != nil {
		t.Fatal(err)
	}
	if sum3 := summaryOf(t, s, id); sum3.Answered != 3 || sum3.Total != 6 {
		t.Errorf("after a bank change the summary reads %d/%d, want 3/6", sum3.Answered, sum3.Total)
	}
	if kept, _, err := s.Load(id); err != nil || !kept.Answers[dropped].Given() {
		t.Errorf("the answer to the dropped item %s was not kept (%v)", dropped, err)
	}
	if err := s.SaveOrder(fin); err != nil { // and back again
		t.Fatal(err)
	}

	// Resolve: unique prefixes, exact ids, ambiguous and missing ones.
	for _, other := range []string{"20261123-170811-b00", "20261124-090000-123"} {
		if err := s.Create(newAssessment(t, bank, other)); err != nil {
			t.Fatal(err)
		}
	}
	for prefix, want := range map[string]string{
		"20261124":            "20261124-090000-123",
		"20261123-170811-a":   id,
		"20261123-170811-a3f": id,
		"20261123-170811-b00": "20261123-170811-b00",
	} {
		if got, err := s.Resolve(prefix); err != nil || got != want {
			t.Errorf("Resolve(%q) = %q, %v; want %q", prefix, got, err, want)
		}
	}
	if _, err := s.Resolve("20261123"); err == nil || !strings.Contains(err.Error(), "ambiguous") ||
		!strings.Contains(err.Error(), id) || !strings.Contains(err.Error(), "20261123-170811-b00") {
		t.Errorf("Resolve(ambiguous) = %v; want an error naming both ids", err)
	}
	for _, missing := range []string{"2030", "20261123-170811-a3f0", "x"} {
		if _, err := s.Resolve(missing); !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), missing) {
			t.Errorf("Resolve(%q) = %v; want ErrNotFound naming it", missing, err)
		}
	}
	if list, _, _ := s.List(); len(list) != 3 || list[0].ID != "20261124-090000-123" || list[2].ID != id {
		t.Errorf("List order (newest first) = %+v", list)
	}

	// Delete removes the assessment and its answers.
	if err := s.Delete(id); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	if _, _, err := s.Load(id); !errors.Is(err, ErrNotFound) {
		t.Errorf("Load after Delete = %v, want ErrNotFound", err)
	}
	if _, _, err := s.Result(id); !errors.Is(err, ErrNotFound) {
		t.Errorf("Result after Delete = %v, want ErrNotFound", err)
	}
	if err := s.Delete(id); !errors.Is(err, ErrNotFound) {
		t.Errorf("second Delete = %v, want ErrNotFound", err)
	}
	if err := s.SaveAnswer(id, o[0], model.Answer{Value: 1}, 0); !errors.Is(err, ErrNotFound) {
		t.Errorf("SaveAnswer after Delete = %v, want ErrNotFound", err)
	}
	if list, _, _ := s.List(); len(list) != 2 {
		t.Errorf("List after Delete has %d, want 2", len(list))
	}
	if _, err := s.Resolve("20261123"); err != nil {
		t.Errorf("Resolve after Delete: %v", err)
	}
}

func TestMissingFileReadsEmpty(t *testing.T) {
	path := dbPath(t)
	s := New(path, "")
	list, skipped, err := s.List()
	if err != nil || len(list) != 0 || len(skipped) != 0 {
		t.Errorf("List on a missing file = %v, %v, %v", list, skipped, err)
	}
	if _, _, err := s.Load("x"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Load on a missing file = %v, want ErrNotFound", err)
	}
	if _, err := s.Resolve("x"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Resolve on a missing file = %v, want ErrNotFound", err)
	}
	if _, err := os.Stat(filepath.Dir(path)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("reading created %s (%v)", filepath.Dir(path), err)
	}
}

func TestCreateManyMatchesCreate(t *testing.T) {
	bank := testBank(t)
	p1, p2 := dbPath(t), dbPath(t)
	a := newAssessment(t, bank, "20261123-170811-a3f")
	a.Cursor = 2
	if err := New(p1, "w").Create(a); err != nil {
		t.Fatal(err)
	}
	createMany(t, New(p2, "w"), []*model.Assessment{a})
	if d1, d2 := dumpBucket(t, p1, a.ID), dumpBucket(t, p2, a.ID); !slices.Equal(d1, d2) {
		t.Errorf("layouts differ:\nCreate     %q\ncreateMany %q", d1, d2)
	}
}

// Every answer is committed when SaveAnswer returns: a store opened
// afresh on the same file (as another process would) sees it.
func TestAnswerCommittedOnReturn(t *testing.T) {
	bank := testBank(t)
	path := dbPath(t)
	const id = "20261123-170811-a3f"
	a := newAssessment(t, bank, id)
	if err := New(path, "one").Create(a); err != nil {
		t.Fatal(err)
	}
	want := map[string]model.Answer{}
	for i, item := range a.Order {
		ans := model.Answer{Value: i%5 + 1, Note: "n" + item, At: testStart.Add(time.Duration(i) * time.Second).Truncate(time.Millisecond)}
		if err := New(path, "one").SaveAnswer(id, item, ans, i+1); err != nil {
			t.Fatal(err)
		}
		want[item] = ans
		other := New(path, "two")
		got, _, err := other.Load(id)
		if err != nil {
			t.Fatal(err)
		}
		checkAnswers(t, got.Answers, want)
		if got.Cursor != i+1 {
			t.Errorf("after answer %d a new store sees cursor %d", i, got.Cursor)
		}
		if sum := summaryOf(t, other, id); sum.Answered != i+1 {
			t.Errorf("after answer %d a new store lists %d answered", i, sum.Answered)
		}
	}
}

func TestFileModes(t *testing.T) {
	bank := testBank(t)
	path := dbPath(t)
	if err := New(path, "").Create(newAssessment(t, bank, "20261123-170811-a3f")); err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]os.FileMode{filepath.Dir(path): 0o700 | os.ModeDir, path: 0o600} {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode() != want {
			t.Errorf("%s has mode %v, want %v", p, fi.Mode(), want)
		}
	}
}

func TestDefaultPath(t *testing.T) {
	dir := t.TempDir()
	t.Cleanup(xdg.Reload) // runs after t.Setenv has restored the variable
	t.Setenv("XDG_DATA_HOME", dir)
	xdg.Reload()
	path := DefaultPath()
	if want := filepath.Join(dir, "cxo", "cxo.db"); path != want {
		t.Fatalf("DefaultPath = %s, want %s", path, want)
	}
	if err := New(path, "").Create(newAssessment(t, testBank(t), "20261123-170811-a3f")); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(filepath.Join(dir, "cxo")); err != nil || fi.Mode().Perm() != 0o700 {
		t.Errorf("data folder: %v, %v", fi, err)
	}
}

// An empty file (created, never written: a crash before bbolt set it up,
// or a touch) reads as an empty store and the first write sets it up.
func TestEmptyFileReadsEmpty(t *testing.T) {
	path := dbPath(t)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	s := New(path, "")
	if list, skipped, err := s.List(); err != nil || len(list) != 0 || len(skipped) != 0 {
		t.Errorf("List on an empty file = %v, %v, %v", list, skipped, err)
	}
	if _, _, err := s.Load("x"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Load on an empty file = %v, want ErrNotFound", err)
	}
	if fi, err := os.Stat(path); err != nil || fi.Size() != 0 {
		t.Fatalf("reading changed the empty file: %v, %v", fi, err)
	}
	a := newAssessment(t, testBank(t), "20261123-170811-a3f")
	if err := s.Create(a); err != nil {
		t.Fatalf("Create on an empty file: %v", err)
	}
	if list, _, err := s.List(); err != nil || len(list) != 1 {
		t.Errorf("List after Create = %v, %v", list, err)
	}
}

// Changing an answer of a finished assessment reopens it; its last result
// stays (the lean in the list, the snapshot) until it is finished again,
// but is no longer loaded as its result. Saving the same answer (or only a
// note) leaves it finished.
func TestChangingAFinishedAnswerReopens(t *testing.T) {
	bank := testBank(t)
	s := New(dbPath(t), "")
	a := newAssessment(t, bank, "20261123-170811-a3f")
	if err := s.Create(a); err != nil {
		t.Fatal(err)
	}
	item := a.Order[0]
	if err := s.SaveAnswer(a.ID, item, model.Answer{Value: 2}, 1); err != nil {
		t.Fatal(err)
	}
	loaded, _, _ := s.Load(a.ID)
	if _, err := s.Finish(bank, loaded); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveAnswer(a.ID, item, model.Answer{Value: 2, Note: "same answer, a note"}, 1); err != nil {
		t.Fatal(err)
	}
	if sum := summaryOf(t, s, a.ID); sum.Status != model.StatusFinished {
		t.Fatalf("the same answer reopened it: %+v", sum)
	}
	if err := s.SaveAnswer(a.ID, item, model.Answer{Value: 4}, 1); err != nil {
		t.Fatal(err)
	}
	if sum := summaryOf(t, s, a.ID); sum.Status != model.StatusInProgress || sum.Lean == "" {
		t.Errorf("a changed answer left it %+v", sum)
	}
	if _, ok, err := s.Result(a.ID); !ok || err != nil {
		t.Errorf("the last result is not kept (ok %v, err %v)", ok, err)
	}
	if got, res, err := s.LoadWithResult(bank, a.ID); err != nil || got.Answers[item].Value != 4 || res.BankVersion == "" {
		t.Errorf("LoadWithResult after the change = %v, %+v, %v", got, res, err)
	} else if want := model.Compute(bank, got); res.Lean != want.Lean {
		t.Errorf("the reopened assessment loads its old result %+v, want the answers scored %+v", res.Lean, want.Lean)
	}
	if got, _, _ := s.Load(a.ID); got.Status != model.StatusInProgress || !got.Finished.IsZero() {
		t.Errorf("loaded as %q finished %v", got.Status, got.Finished)
	}
}
