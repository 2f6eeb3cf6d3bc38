package model

import (
	"testing"
	"time"
)

// FuzzDecodeResponse: whatever the bytes, DecodeResponse never panics; a
// response it accepts has only valid fields, encodes and decodes to the
// same, and scores into a panel with figures in range.
func FuzzDecodeResponse(f *testing.F) {
	b := testBank(f)
	good := Response{Format: ResponseFormat, Version: 1, Invitation: "0123456789abcdef0123456789abcdef", Bank: b.Version,
		Rater: "fedcba9876543210fedcba9876543210", Relationship: RelPeer, At: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC),
		Answers: map[string]int{"ops-1": 4, "ops-2": 0, "ld-1": 2}}
	data := EncodePeerFile(good)
	for _, seed := range [][]byte{data, data[:len(data)/2], []byte("{}"), []byte("null"), []byte(`{"format":"cxo-response","version":1,"answers":{"\u001b":1}}`)} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := DecodeResponse(data)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("an empty refusal")
			}
			return
		}
		if !isToken(r.Rater) || !isToken(r.Invitation) || !validRelationship(r.Relationship) {
			t.Fatalf("accepted invalid fields: %+v", r)
		}
		for id, v := range r.Answers {
			if v < 0 || v > 5 || !isItemID(id) {
				t.Fatalf("accepted answer %q=%d", id, v)
			}
		}
		again, err := DecodeResponse(EncodePeerFile(r))
		if err != nil || !again.SameAnswers(r) || again.Rater != r.Rater {
			t.Fatalf("round trip: %v", err)
		}
		a := assess(b, nil, func(it Item) (Answer, bool) { return Answer{Value: 3}, true })
		a.Peers = []Response{r, r, r}
		for _, ar := range Compute(b, a).Peers.Areas {
			if ar.Others < 0 || ar.Others > 100 || ar.Low > ar.Others || ar.High < ar.Others {
				t.Fatalf("area out of range: %+v", ar)
			}
		}
	})
}
