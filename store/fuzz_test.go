package store

import (
	"bytes"
	"errors"
	"testing"
	"time"

	"github.com/cxo-dev/cxo/model"
)

// FuzzDecodeAnswer feeds stored-answer bytes to the decoder: it must never
// panic, must report junk as a *RecordError naming the key, and whatever it
// accepts must encode and decode back to the same answer.
// The seed corpus is in testdata/fuzz/FuzzDecodeAnswer.
func FuzzDecodeAnswer(f *testing.F) {
	at := time.Date(2026, 11, 23, 17, 9, 0, 250*int(time.Millisecond), time.UTC)
	for _, a := range []model.Answer{
		{},
		{Value: 3},
		{Value: 5, Note: "mostly true", Took: 3500 * time.Millisecond, At: at},
		{NA: true, At: at},
		{Skipped: true},
		{Value: 9, Note: "ünïcode ✓ \"quoted\"\nline"},
	} {
		f.Add(encodeAnswer(a))
	}
	for _, s := range []string{
		``, `null`, `{}`, `[]`, `"x"`, `{"v":0}`, `{"v":2,"value":3}`,
		`{"v":1,"value":-1}`, `{"v":1,"value":10}`, `{"v":1,"value":1.5}`,
		`{"v":1,"took_ms":-1}`, `{"v":1,"took_ms":9223372036854775807}`, `{"v":1,"at":-5}`,
		`{"v":1,"at":9223372036854775807}`, `{"v":1,"note":"\xff\xfe"}`, `{"v":1,"value":2,"v":7}`,
		`{"v":1,"value":2}trailing`, `{"v":1,"na":"yes"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := DecodeAnswer("a/item", data)
		if err != nil {
			var re *RecordError
			if !errors.As(err, &re) || re.Key != "a/item" {
				t.Fatalf("error %v (%T) is not a *RecordError for the key", err, err)
			}
			return
		}
		enc := encodeAnswer(a)
		b, err := DecodeAnswer("a/item", enc)
		if err != nil {
			t.Fatalf("accepted %q as %+v, but its encoding %s does not decode: %v", data, a, enc, err)
		}
		if b.Value != a.Value || b.NA != a.NA || b.Skipped != a.Skipped || b.Note != a.Note || b.Took != a.Took || !b.At.Equal(a.At) {
			t.Fatalf("round trip of %q changed %+v into %+v", data, a, b)
		}
		if again := encodeAnswer(b); !bytes.Equal(again, enc) {
			t.Fatalf("encoding is not stable: %s then %s", enc, again)
		}
	})
}
