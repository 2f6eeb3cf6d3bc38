package store

import (
	"testing"
	"time"

	"github.com/cxo-dev/cxo/assets"
	"github.com/cxo-dev/cxo/model"
)

// BenchmarkImport50AndScorePeers imports 50 responses as cxo import with
// 50 files does (one fsynced transaction, the kept result scored again
// once), then loads the result with its peers panel as the results screen
// does. Aim: under 100 ms in all (docs/benchmarks.md).
func BenchmarkImport50AndScorePeers(b *testing.B) {
	bank, err := assets.LoadBank("", nil) // the built-in bank, a copy of its own
	if err != nil {
		b.Fatal(err)
	}
	for i := range bank.Items {
		bank.Items[i].Observer = "How well does {name} do this: " + bank.Items[i].Text
	}
	for b.Loop() {
		b.StopTimer()
		s := New(dbPath(b), "bench")
		a, inv := invited(b, s, bank, "20261123-170811-aaa")
		var rs []model.Response
		for i := range 50 {
			r := response(inv, 1+i%5, testStart.Add(time.Duration(i)*time.Second))
			r.Relationship = model.Relationships[i%4]
			rs = append(rs, r)
		}
		b.StartTimer()
		_, errs, err := s.ImportAll(bank, rs, false)
		if err != nil {
			b.Fatal(err)
		}
		for _, err := range errs {
			if err != nil {
				b.Fatal(err)
			}
		}
		_, res, err := s.LoadWithResult(bank, a.ID)
		if err != nil || res.Peers == nil || res.Peers.Responses != 50 {
			b.Fatalf("peers %+v %v", res.Peers, err)
		}
	}
}

// BenchmarkScorePeers50 is scoring alone: a result with 50 responses.
func BenchmarkScorePeers50(b *testing.B) {
	bank := observerBank(b)
	a := newAssessment(b, bank, "20261123-170811-aaa")
	for i, id := range a.Order {
		a.Answers[id] = model.Answer{Value: 1 + i%5}
	}
	inv, err := model.NewInvitation(bank, a, model.NewToken(), "Sam", testStart)
	if err != nil {
		b.Fatal(err)
	}
	for i := range 50 {
		r := response(inv, 1+i%5, testStart)
		r.Relationship = model.Relationships[i%4]
		a.Peers = append(a.Peers, r)
	}
	for b.Loop() {
		if res := model.Compute(bank, a); res.Peers == nil {
			b.Fatal("no panel")
		}
	}
}

// BenchmarkImportOneBy50 is the same 50 imported one file at a time (50
// transactions): what importing responses as they arrive costs.
func BenchmarkImportOneBy50(b *testing.B) {
	bank := observerBank(b)
	for b.Loop() {
		b.StopTimer()
		s := New(dbPath(b), "bench")
		_, inv := invited(b, s, bank, "20261123-170811-aaa")
		b.StartTimer()
		for i := range 50 {
			if _, err := s.Import(bank, response(inv, 1+i%5, testStart), false); err != nil {
				b.Fatal(err)
			}
		}
	}
}
