package store

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A damaged file is explained in plain words: no bbolt assertion or Go
// runtime message reaches the user, whichever call meets the damage.
func TestDamageIsExplainedWithoutInternals(t *testing.T) {
	large := realDB(t, 300)
	for name, data := range map[string][]byte{
		"root page garbage": withBytes(large, func(b []byte) { fillPage(b, "root", randomBytes(3, 1<<16)) }),
		"root page zeroed":  withBytes(large, func(b []byte) { fillPage(b, "root", make([]byte, 1<<16)) }),
		"middle garbage":    withBytes(large, func(b []byte) { copy(b[len(b)/2:], randomBytes(9, 1<<15)) }),
	} {
		path := filepath.Join(t.TempDir(), "cxo.db")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		s := New(path, "test")
		s.LockWait, s.Attempts = 50*time.Millisecond, 2
		damaged := 0
		for _, fn := range []func() error{
			func() error { _, _, err := s.List(); return err },
			func() error { _, _, err := s.Load("20261123-170811-000"); return err },
			s.Check,
			func() error { return s.SaveSetting("length", "quick") },
		} {
			err := fn()
			var d *DamagedError
			if !errors.As(err, &d) {
				continue
			}
			damaged++
			msg := err.Error()
			for _, m := range internals {
				if strings.Contains(strings.ToLower(msg), m) {
					t.Errorf("%s: %q shows bbolt's internals (%q)", name, msg, m)
				}
			}
			if !strings.Contains(msg, path) || strings.Contains(msg, "\n") {
				t.Errorf("%s: %q is not one line naming the file", name, msg)
			}
		}
		if damaged == 0 {
			t.Errorf("%s: no call reported the damage", name)
		}
	}
	if got := plainReason("assertion failed: Page expected to be: 335, but self identifies as 0"); got != "its pages are damaged" {
		t.Errorf("plainReason = %q", got)
	}
	if got := plainReason("freelist page is not a freelist"); got != "freelist page is not a freelist" {
		t.Errorf("cxo's own reason changed: %q", got)
	}
}
