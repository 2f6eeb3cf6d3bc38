package store

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"
)

// FuzzFastRecord checks the fast path against encoding/json: whenever it
// accepts input, encoding/json must accept it too and agree on every field.
func FuzzFastRecord(f *testing.F) {
	good, _ := json.Marshal(record{V: 1, ID: "20261123-170811-a3f", Started: time.Date(2026, 11, 23, 17, 8, 11, 123456789, time.UTC),
		Length: "quick", Target: "cto", BankVersion: "2026.11-1", Total: 26, Status: "finished",
		Finished: time.Date(2026, 11, 23, 17, 20, 0, 0, time.UTC), Lean: "slight CTO lean (+35)"})
	for _, seed := range []string{string(good), `{"v":1,"id":"x"}`, `{"v":1,"id":"a\"b"}`, `{"v":1,"id":"x","extra":[1]}`, `{"v":1,"id":"x"} trailing`, `{"v":-3,"total":99999999999999999999}`, ` { "v" : 1 , "id" : "x" } `} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fast, ok := fastRecord(data)
		if !ok {
			return
		}
		var slow record
		if err := json.Unmarshal(data, &slow); err != nil {
			t.Fatalf("fast path accepted what encoding/json rejects: %q: %v", data, err)
		}
		if !reflect.DeepEqual(fast, slow) {
			t.Fatalf("fast %+v\nslow %+v\nfor %q", fast, slow, data)
		}
	})
}

func TestFastRecordTakesTheCommonPath(t *testing.T) {
	data, _ := json.Marshal(record{V: 1, ID: "20261123-170811-a3f", Started: time.Now().UTC(), Length: "full", BankVersion: "2026.11-1", Total: 59, Status: "in progress"})
	r, ok := fastRecord(data)
	if !ok || r.ID != "20261123-170811-a3f" || r.Total != 59 || r.Started.IsZero() {
		t.Fatalf("fast path refused its own records: %v %+v", ok, r)
	}
}
