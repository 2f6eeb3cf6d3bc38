package store

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/cxo-dev/cxo/model"
	bolt "go.etcd.io/bbolt"
)

// BenchmarkSaveAnswer is one answer as the TUI commits it: open the file,
// lock it, one write transaction (fsynced), close. Compare it with
// BenchmarkBareWriteSync/Fdatasync, the floor the disk sets.
func BenchmarkSaveAnswer(b *testing.B) {
	bank := testBank(b)
	path := dbPath(b)
	s := New(path, "bench")
	const id = "20261123-170811-a3f"
	a := newAssessment(b, bank, id)
	if err := s.Create(a); err != nil {
		b.Fatal(err)
	}
	at := time.Now()
	for i := 0; b.Loop(); i++ {
		ans := model.Answer{Value: i%5 + 1, Note: "a short note", Took: 4 * time.Second, At: at}
		if err := s.SaveAnswer(id, fmt.Sprintf("item-%03d", i%200), ans, i%200); err != nil {
			b.Fatal(err)
		}
	}
}

func bareWrite(b *testing.B, sync func(f *os.File) error) {
	path := filepath.Join(b.TempDir(), "bare")
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	buf := make([]byte, 4096)
	for i := 0; b.Loop(); i++ {
		buf[0] = byte(i)
		if _, err := f.WriteAt(buf, int64(i%16)*4096); err != nil {
			b.Fatal(err)
		}
		if err := sync(f); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBareWriteSync is a 4 KiB write and an fsync in the same kind of
// temporary folder.
func BenchmarkBareWriteSync(b *testing.B) { bareWrite(b, (*os.File).Sync) }

// tenThousand is a store holding 10,000 unanswered assessments.
func tenThousand(b *testing.B) *Store {
	bank := testBank(b)
	s := New(dbPath(b), "bench")
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var as []*model.Assessment
	for i := range 10000 {
		t := start.Add(time.Duration(i) * time.Minute)
		as = append(as, model.NewAssessment(bank, model.NewID(t)[:16]+fmt.Sprintf("-%04d", i), t, model.LengthFull, model.RoleCIO))
	}
	createMany(b, s, as)
	return s
}

// BenchmarkList10000 lists a store holding 10,000 assessments, as cxo list
// does: a fresh Store each time, so the walk of the file that guards every
// read (verify) is paid each time too.
func BenchmarkList10000(b *testing.B) {
	s := tenThousand(b)
	for b.Loop() {
		list, skipped, err := New(s.Path, "bench").List()
		if err != nil || len(skipped) > 0 || len(list) != 10000 {
			b.Fatalf("List: %d listed, %v skipped, %v", len(list), skipped, err)
		}
	}
	if fi, err := os.Stat(s.Path); err == nil {
		b.ReportMetric(float64(fi.Size())/(1<<20), "MiB-file")
	}
}

// BenchmarkListCommand10000 is what cxo list reads: the list, then every
// stored value's checksum, so an assessment holding a damaged value is
// marked rather than listed as sound.
func BenchmarkListCommand10000(b *testing.B) {
	s := tenThousand(b)
	for b.Loop() {
		st := New(s.Path, "bench")
		if _, _, err := st.List(); err != nil {
			b.Fatal(err)
		}
		if bad, err := st.DamagedValues(); err != nil || len(bad) > 0 {
			b.Fatalf("DamagedValues: %d, %v", len(bad), err)
		}
	}
}

// BenchmarkWalk10000 is the walk of the file that guards a first read
// (verify), alone: the share of BenchmarkList10000 that keeps a page loop
// from hanging cxo list.
func BenchmarkWalk10000(b *testing.B) {
	s := tenThousand(b)
	f, err := os.Open(s.Path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	for b.Loop() {
		if _, err := walkFile(s.Path, f, false); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheck10000 is the consistency check on the same store: far
// beyond what one person collects, to show how the check grows.
func BenchmarkCheck10000(b *testing.B) {
	s := tenThousand(b)
	for b.Loop() {
		if err := s.Check(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPrecheck is the check every transaction makes before bbolt
// opens the file.
func BenchmarkPrecheck(b *testing.B) {
	path := dbPath(b)
	if err := New(path, "bench").Create(newAssessment(b, testBank(b), "20261123-170811-a3f")); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if err := precheck(path); err != nil {
			b.Fatal(err)
		}
	}
}

// fiftyAssessments is a database as a regular user might have after a
// couple of years: 50 assessments of 60 answered items each, half of them
// with a note.
func fiftyAssessments(b *testing.B) *Store {
	bank := testBank(b)
	s := New(dbPath(b), "bench")
	var as []*model.Assessment
	for i := range 50 {
		t := testStart.Add(time.Duration(i) * 24 * time.Hour)
		as = append(as, model.NewAssessment(bank, model.NewID(t)[:16]+fmt.Sprintf("-%03d", i), t, model.LengthFull, model.RoleCTO))
	}
	createMany(b, s, as)
	err := s.update(func(tx *bolt.Tx) error {
		for _, a := range as {
			answers := tx.Bucket(bucketAssessments).Bucket([]byte(a.ID)).Bucket(bucketAnswers)
			for j := range 60 {
				ans := model.Answer{Value: j%5 + 1, Took: 7 * time.Second, At: a.Started.Add(time.Duration(j) * time.Minute)}
				if j%2 == 0 {
					ans.Note = "we do this for the big systems, not yet for the small ones"
				}
				item := fmt.Sprintf("item-%02d", j)
				if err := codecOf(tx).put(answers, []byte(item), valueName(a.ID, "answers", item), encodeAnswer(ans)); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return s
}

func reportFileSize(b *testing.B, path string) {
	if fi, err := os.Stat(path); err == nil {
		b.ReportMetric(float64(fi.Size())/1024, "KiB-file")
	}
}

// BenchmarkCheck50 is the start-up consistency check on a file with 50
// assessments.
func BenchmarkCheck50(b *testing.B) {
	s := fiftyAssessments(b)
	for b.Loop() {
		if err := s.Check(); err != nil {
			b.Fatal(err)
		}
	}
	reportFileSize(b, s.Path)
}

// BenchmarkBackup50 is the check and the last-good copy (written and
// fsynced) of the same file.
// BenchmarkBackup50 is the usual start: nothing changed since the last
// copy, so the file is checked and compared with the copy, not copied.
func BenchmarkBackup50(b *testing.B) {
	s := fiftyAssessments(b)
	if _, err := s.Backup(); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := s.Backup(); err != nil {
			b.Fatal(err)
		}
	}
	reportFileSize(b, s.Path)
}

// BenchmarkBackup50Changed is a start after answering: one answer saved
// since the last copy, so the copy is written again and synced.
func BenchmarkBackup50Changed(b *testing.B) {
	s := fiftyAssessments(b)
	list, _, err := s.List()
	if err != nil || len(list) == 0 {
		b.Fatalf("List: %v", err)
	}
	i := 0
	for b.Loop() {
		b.StopTimer()
		i++
		if err := s.SaveAnswer(list[0].ID, fmt.Sprintf("item-%02d", i%60), model.Answer{Value: i%5 + 1}, 0); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := s.Backup(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSealAnswer is the checksum's share of a saved answer: sealing
// the encoded answer and checking the seal as the next read does.
func BenchmarkSealAnswer(b *testing.B) {
	ans := encodeAnswer(model.Answer{Value: 3, Note: "a short note", Took: 4 * time.Second, At: time.Now()})
	name := valueName("20261123-170811-a3f", "answers", "item-001")
	for b.Loop() {
		if _, err := unseal(name, seal(name, ans)); err != nil {
			b.Fatal(err)
		}
	}
}
