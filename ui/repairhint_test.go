package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxo-dev/cxo/store"
)

// When the damage leaves the rest readable (here one of bbolt's two header
// pages), the damaged screen points to cxo check --repair; for a file that
// is junk it does not.
func TestDamagedScreenOffersTheRepairWhenItCanHelp(t *testing.T) {
	s := testStore(t)
	d := newDriver(t, s, Start{Action: "new", Length: "quick"}, 80, 24)
	d.keys("enter", "1")
	data, err := os.ReadFile(s.Path)
	if err != nil {
		t.Fatal(err)
	}
	data[16+20] ^= 0xff // the root field of the first header page
	os.WriteFile(s.Path, data, 0o600)
	d = newDriver(t, store.New(s.Path, "test"), Start{}, 100, 30)
	if d.app.state != stateDamaged || !strings.Contains(strings.Join(strings.Fields(d.screen()), " "), "--db "+store.ShellQuote(s.Path)+" check --repair") {
		t.Errorf("no repair hint for a repairable file:\n%s", d.screen())
	}

	junk := filepath.Join(t.TempDir(), "cxo.db")
	os.WriteFile(junk, bytes.Repeat([]byte("junk "), 2000), 0o600)
	d = newDriver(t, store.New(junk, "test"), Start{}, 100, 30)
	if d.app.state != stateDamaged || strings.Contains(d.screen(), "--repair") {
		t.Errorf("a repair hint for a file no repair can help:\n%s", d.screen())
	}
}
