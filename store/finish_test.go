package store

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/cxo-dev/cxo/model"
)

// finishRace sets up the race two cxo processes run into: an assessment
// answered in full, loaded by "this" process, and then changed by another
// (change) before this one finishes with what it loaded. It returns this
// process's stale copy.
func finishRace(t *testing.T, bank *model.Bank, s *Store, change func(id string)) *model.Assessment {
	t.Helper()
	a := newAssessment(t, bank, "20261123-170811-a3f")
	if err := s.Create(a); err != nil {
		t.Fatal(err)
	}
	for i, item := range a.Order {
		if err := s.SaveAnswer(a.ID, item, model.Answer{Value: 1}, i+1); err != nil {
			t.Fatal(err)
		}
	}
	stale, _, err := s.Load(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	change(a.ID)
	return stale
}

// checkScoredStored finishes with the stale copy and checks the stored
// result is the score of the stored answers, not of the stale ones.
func checkScoredStored(t *testing.T, bank *model.Bank, s *Store, stale *model.Assessment) {
	t.Helper()
	staleRes := model.Compute(bank, stale.Clone())
	res, err := s.Finish(bank, stale)
	if err != nil {
		t.Fatal(err)
	}
	stored, _, err := s.Load(stale.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := model.Compute(bank, stored)
	if reflect.DeepEqual(staleRes.Lean, want.Lean) {
		t.Fatal("the other process's answer did not change the lean: the test proves nothing")
	}
	kept, ok, err := s.Result(stale.ID)
	if err != nil || !ok {
		t.Fatalf("no result kept: %v", err)
	}
	if !sameJSON(kept, want) || !sameJSON(res, want) {
		t.Errorf("stored result lean %+v, returned %+v; the stored answers score %+v", kept.Lean, res.Lean, want.Lean)
	}
	if !reflect.DeepEqual(stale.Answers, stored.Answers) || stale.Status != model.StatusFinished {
		t.Errorf("the caller's copy was not brought up to what was scored")
	}
}

func sameJSON(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}

// Two stores on one file (as two cxo processes hold it): one changes an
// answer after the other loaded; the other's Finish scores the stored
// answers in its write transaction.
func TestFinishScoresWhatIsStored(t *testing.T) {
	bank := testBank(t)
	path := dbPath(t)
	s, other := New(path, "one"), New(path, "two")
	stale := finishRace(t, bank, s, func(id string) {
		for _, item := range []string{"val-likert-1", "val-choice-1"} {
			if err := other.SaveAnswer(id, item, model.Answer{Value: 5}, 0); err != nil {
				t.Fatal(err)
			}
		}
	})
	checkScoredStored(t, bank, s, stale)
}
