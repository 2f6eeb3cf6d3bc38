package store

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// FuzzDamagedFile flips bytes of a real database and runs the reads, the
// check, the repair plan and a write on it: none may panic or hang, and
// a write the check refuses must leave the bytes as they were.
func FuzzDamagedFile(f *testing.F) {
	path, as := finishedDB(f)
	seed := mustRead(f, path)
	var ids []string
	for _, a := range as {
		ids = append(ids, a.ID)
	}
	f.Add(uint32(0), byte(0))
	f.Add(uint32(4096*2+20), byte(0xff))
	f.Add(uint32(4096*3+100), byte(0x10))
	f.Fuzz(func(t *testing.T, at uint32, flip byte) {
		data := append([]byte(nil), seed...)
		for i := 0; i < 4; i++ { // up to four nearby bytes
			if pos := int(at) + i*977; pos < len(data) {
				data[pos] ^= flip
			}
		}
		path := filepath.Join(t.TempDir(), "cxo.db")
		os.WriteFile(path, data, 0o600)
		s := New(path, "fuzz")
		s.LockWait, s.Attempts = 20*time.Millisecond, 1
		_, _, _ = s.List()
		for _, id := range ids {
			_, _, _ = s.Load(id)
		}
		checkErr := s.Check()
		_, _ = s.PlanRepair()
		before, _ := os.ReadFile(path)
		err := s.SaveCursor(ids[0], 1)
		after, _ := os.ReadFile(path)
		if checkErr != nil && err == nil && string(before) != string(after) {
			if _, ok := checkErr.(*DamagedError); ok && len(checkErr.(*DamagedError).Records) == 0 {
				t.Fatalf("a write changed a file the check refused (%v)", checkErr)
			}
		}
	})
}
