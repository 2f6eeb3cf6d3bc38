package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxo-dev/cxo/model"
	"github.com/cxo-dev/cxo/store"
)

// cxo list shows a result kept from the first rules as method 1, with the
// current method's reading beside it.
func TestListShowsMethod1WithTheCurrentReading(t *testing.T) {
	dir := isolate(t)
	db := filepath.Join(dir, "cxo.db")
	var a model.Assessment
	var res model.Result
	for name, v := range map[string]any{"assessment": &a, "result": &res} {
		data, err := os.ReadFile(filepath.Join("model", "testdata", "method1", "full-"+name+".json"))
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(data, v); err != nil {
			t.Fatal(err)
		}
	}
	s := store.New(db, "test")
	answers := a.Answers
	a.Answers = map[string]model.Answer{}
	if err := s.Create(&a); err != nil {
		t.Fatal(err)
	}
	for id, ans := range answers {
		if err := s.SaveAnswer(a.ID, id, ans, 0); err != nil {
			t.Fatal(err)
		}
	}
	a.Answers = answers
	if err := s.KeepResult(&a, res); err != nil {
		t.Fatal(err)
	}
	r := cxo(t, "", "--db", db, "list")
	line := ""
	for _, l := range strings.Split(r.stdout, "\n") {
		if strings.HasPrefix(l, a.ID) {
			line = l
		}
	}
	if r.code != 0 || !strings.Contains(line, res.Lean.Verdict+" (") || !strings.Contains(line, " · method 1; method 2: ") {
		t.Errorf("cxo list: %d %q", r.code, r.stdout)
	}
}
