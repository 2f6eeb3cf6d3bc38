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

// FuzzDecodeInvitation: whatever the bytes, DecodeInvitation never
// panics, and an invitation it accepts holds no control character and
// round-trips.
func FuzzDecodeInvitation(f *testing.F) {
	b := testBank(f)
	for i := range b.Items {
		b.Items[i].Observer = "How often does {name} do this: " + b.Items[i].Text
	}
	a := assess(b, nil, func(it Item) (Answer, bool) { return Answer{Value: 3}, true })
	inv, err := NewInvitation(b, a, "0123456789abcdef0123456789abcdef", "Sam Lee", time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		f.Fatal(err)
	}
	data := EncodePeerFile(inv)
	for _, seed := range [][]byte{data, data[:len(data)/3], []byte(`{"format":"cxo-invitation"}`)} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		inv, err := DecodeInvitation(data)
		if err != nil {
			return
		}
		for _, s := range []string{inv.Name, inv.ID, inv.Bank} {
			if _, bad := HasControl(s); bad {
				t.Fatalf("accepted a control character: %q", s)
			}
		}
		for _, it := range inv.Items {
			if _, bad := HasControl(it.Text + it.Area + it.ID); bad {
				t.Fatalf("accepted a control character in item %q", it.ID)
			}
		}
		if _, err := DecodeInvitation(EncodePeerFile(inv)); err != nil {
			t.Fatalf("round trip: %v", err)
		}
	})
}
