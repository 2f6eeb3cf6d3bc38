package ui

import (
	"testing"

	"github.com/cxo-dev/cxo/model"
	"github.com/cxo-dev/cxo/store"
)

// storeFinished stores a (its answers included) and finishes it, as the
// TUI does: Finish scores the stored answers. It returns the result kept.
func storeFinished(t *testing.T, s *store.Store, a *model.Assessment) model.Result {
	t.Helper()
	if err := s.Create(a); err != nil {
		t.Fatal(err)
	}
	for i, id := range a.Order {
		if ans, ok := a.Answers[id]; ok {
			if err := s.SaveAnswer(a.ID, id, ans, i+1); err != nil {
				t.Fatal(err)
			}
		}
	}
	res, err := s.Finish(testBank(t), a)
	if err != nil {
		t.Fatal(err)
	}
	return res
}
