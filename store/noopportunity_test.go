package store

import (
	"testing"
	"time"

	"github.com/cxo-dev/cxo/model"
)

// "No opportunity yet" is stored in the answer record's own field: an
// answer record written before the field existed decodes exactly as it
// did, and the new answer round-trips through the store and counts as
// answered.
func TestNoOpportunityAnswerRecord(t *testing.T) {
	old := []byte(`{"v":1,"value":4,"na":false,"note":"ran it","at":1764000000000,"took_ms":9000}`)
	got, err := DecodeAnswer("x/answers/y", old)
	want := model.Answer{Value: 4, Note: "ran it", At: time.UnixMilli(1764000000000).UTC(), Took: 9 * time.Second}
	if err != nil || got != want {
		t.Fatalf("an older record reads %+v %v, want %+v", got, err, want)
	}
	oldNA := []byte(`{"v":1,"na":true,"at":1764000000000}`)
	if got, err := DecodeAnswer("x/answers/y", oldNA); err != nil || !got.NA || got.NoOpportunity {
		t.Fatalf("an older n/a record reads %+v %v", got, err)
	}

	ans := model.Answer{NoOpportunity: true, Note: "never held a budget", At: time.UnixMilli(1764000000000).UTC(), Took: 3 * time.Second}
	if back, err := DecodeAnswer("x", encodeAnswer(ans)); err != nil || back != ans {
		t.Fatalf("round trip %+v %v, want %+v", back, err, ans)
	}

	s := New(dbPath(t), "test")
	b := testBank(t)
	a := newAssessment(t, b, "20261201-100000-abc")
	if err := s.Create(a); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveAnswer(a.ID, a.Order[0], ans, 1); err != nil {
		t.Fatal(err)
	}
	loaded, _, err := s.Load(a.ID)
	if err != nil || loaded.Answers[a.Order[0]] != ans {
		t.Fatalf("loaded %+v %v, want %+v", loaded.Answers[a.Order[0]], err, ans)
	}
	list, _, err := s.List()
	if err != nil || len(list) != 1 || list[0].Answered != 1 {
		t.Fatalf("list %+v %v: the answer counts as answered", list, err)
	}
	if err := s.Check(); err != nil {
		t.Fatalf("check: %v", err)
	}
}
