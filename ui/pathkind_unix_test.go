//go:build unix

package ui

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/cxo-dev/cxo/store"
)

// A named pipe, a device or a folder at the database path: the TUI refuses
// it at start, on the screen that explains a database it cannot use, with
// the words the CLI uses; enter (new) does not hang or create anything.
func TestDatabasePathThatIsNotAFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	if f, err := os.OpenFile(fifo, os.O_RDWR, 0); err == nil {
		defer f.Close() // a regression opening the pipe fails, not hangs
	}
	// A device node of our own where allowed (root), so a regression
	// cannot move or replace the real /dev/null; an ordinary user cannot.
	device, deviceIs := filepath.Join(dir, "null-device"), "is a device"
	var st syscall.Stat_t
	if err := syscall.Stat("/dev/null", &st); err != nil || syscall.Mknod(device, syscall.S_IFCHR|0o666, int(st.Rdev)) != nil {
		device = "/dev/null"
		if os.Geteuid() == 0 {
			device, deviceIs = dir, "is a folder" // the device case is left out
		}
	}
	for _, c := range []struct{ path, what string }{{fifo, "is a named pipe"}, {device, deviceIs}, {dir, "is a folder"}} {
		d := newDriver(t, store.New(c.path, "test"), Start{}, 100, 24)
		if d.app.state != stateDamaged || !strings.Contains(d.screen(), c.what) {
			t.Errorf("%s: state %v, screen:\n%s", c.path, d.app.state, d.screen())
			continue
		}
		d.keys("enter", "n", "m")
		if d.app.state != stateDamaged || d.app.a != nil {
			t.Errorf("%s: left the refusal (state %v)", c.path, d.app.state)
		}
	}
}
