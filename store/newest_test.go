package store

import (
	"testing"

	"github.com/cxo-dev/cxo/model"
)

func TestNewest(t *testing.T) {
	list := []Summary{{ID: "c", Status: model.StatusInProgress}, {ID: "b", Status: model.StatusFinished}, {ID: "a", Status: model.StatusInProgress}}
	if s, ok := Newest(list, false); !ok || s.ID != "c" {
		t.Errorf("newest unfinished: %v %v", s.ID, ok)
	}
	if s, ok := Newest(list, true); !ok || s.ID != "b" {
		t.Errorf("newest finished: %v %v", s.ID, ok)
	}
	if _, ok := Newest(list[:1], true); ok {
		t.Error("a finished one found in a list without one")
	}
}
