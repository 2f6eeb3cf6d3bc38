package store

import (
	"os"
	"testing"

	"github.com/cxo-dev/cxo/model"
)

// BenchmarkDeleteIn10000 deletes one assessment from a store of 10,000
// (and its last-good copy): the delete itself, then the rewrite of both
// files. It reports the database's size.
func BenchmarkDeleteIn10000(b *testing.B) {
	s := tenThousand(b)
	if _, err := s.Backup(); err != nil {
		b.Fatal(err)
	}
	if fi, err := os.Stat(s.Path); err == nil {
		b.Logf("database %.1f MB", float64(fi.Size())/(1<<20))
	}
	bank := testBank(b)
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		a := model.NewAssessment(bank, "29990101-000000-aaa", testStart, model.LengthQuick, model.RoleCTO)
		if err := s.Create(a); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if err := s.Delete(a.ID); err != nil {
			b.Fatal(err)
		}
	}
}
