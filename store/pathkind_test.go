//go:build unix

package store

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// pathKinds builds each kind of thing that can be at a path cxo opens, in
// dir: what the path is, the path, and the words a refusal must use ("" if
// the kind is accepted). A named pipe is held open for reading and writing
// by the test, so a regression that opens it fails instead of hanging.
func pathKinds(t *testing.T, dir string) []struct{ kind, path, refusal string } {
	t.Helper()
	regular := filepath.Join(dir, "regular")
	if err := os.WriteFile(regular, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	linked := filepath.Join(dir, "linked-target")
	if err := os.WriteFile(linked, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link")
	dangling := filepath.Join(dir, "dangling")
	folder := filepath.Join(dir, "folder")
	fifo := filepath.Join(dir, "fifo")
	for _, err := range []error{os.Symlink(linked, link), os.Symlink(filepath.Join(dir, "gone"), dangling),
		os.Mkdir(folder, 0o700), syscall.Mkfifo(fifo, 0o600)} {
		if err != nil {
			t.Fatal(err)
		}
	}
	if f, err := os.OpenFile(fifo, os.O_RDWR, 0); err == nil {
		t.Cleanup(func() { f.Close() })
	}
	kinds := []struct{ kind, path, refusal string }{
		{"regular", regular, ""},
		{"missing", filepath.Join(dir, "missing"), ""},
		{"symlink to regular", link, ""},
		{"dangling symlink", dangling, "is a symbolic link to " + filepath.Join(dir, "gone") + ", which does not exist"},
		{"folder", folder, "is a folder"},
		{"named pipe", fifo, "is a named pipe"},
	}
	if dev := testDevice(t, dir); dev != "" {
		kinds = append(kinds, struct{ kind, path, refusal string }{"device", dev, "is a device"})
	}
	return kinds
}

// testDevice is a character device for the tests to refuse: a copy of
// /dev/null's node made in dir where the system allows (as root), so that
// a regression that writes or renames over it cannot harm the real one;
// elsewhere /dev/null itself, which an ordinary user cannot replace.
func testDevice(t *testing.T, dir string) string {
	t.Helper()
	dev := filepath.Join(dir, "null-device")
	var st syscall.Stat_t
	if err := syscall.Stat("/dev/null", &st); err == nil && syscall.Mknod(dev, syscall.S_IFCHR|0o666, int(st.Rdev)) == nil {
		return dev
	}
	if os.Geteuid() == 0 {
		t.Log("running as root and cannot make a device node: the device case is left out, so /dev/null is not put at risk")
		return ""
	}
	return "/dev/null"
}

// Anything but a regular file (or nothing) at the database path is
// refused at once, the same way by every store call; a symbolic link to a
// file is used, and stays a link.
func TestDatabasePathKinds(t *testing.T) {
	b := testBank(t)
	for _, k := range pathKinds(t, t.TempDir()) {
		t.Run(k.kind, func(t *testing.T) {
			s := New(k.path, "test")
			calls := []struct {
				name string
				fn   func() error
			}{
				{"Check", s.Check},
				{"Backup", func() error { _, err := s.Backup(); return err }},
				{"List", func() error { _, _, err := s.List(); return err }},
				{"Resolve", func() error { _, err := s.Resolve("2026"); return err }},
				{"Setting", func() error { _, err := s.Setting("x"); return err }},
				{"Create", func() error { return s.Create(newAssessment(t, b, "20261123-170811-abc")) }},
				{"Load", func() error { _, _, err := s.Load("20261123-170811-abc"); return err }},
				{"Delete", func() error { return s.Delete("20261123-170811-abc") }},
			}
			for _, c := range calls {
				err := noPanic(t, c.name, c.fn)
				var nf *NotAFileError
				if k.refusal == "" {
					if errors.As(err, &nf) {
						t.Errorf("%s: refused a %s: %v", c.name, k.kind, err)
					}
					continue
				}
				if !errors.As(err, &nf) || !strings.Contains(err.Error(), k.refusal) || !strings.Contains(err.Error(), k.path) {
					t.Errorf("%s: %v, want a refusal naming %s and saying %q", c.name, err, k.path, k.refusal)
					continue
				}
				if strings.Contains(err.Error(), "\n") {
					t.Errorf("%s: more than one line: %q", c.name, err)
				}
			}
			if k.kind == "symlink to regular" {
				if fi, err := os.Lstat(k.path); err != nil || fi.Mode()&os.ModeSymlink == 0 {
					t.Errorf("the link was replaced: %v", err)
				}
			}
		})
	}
}
