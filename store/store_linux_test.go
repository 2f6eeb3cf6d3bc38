package store

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// BenchmarkBareWriteFdatasync is a 4 KiB write and an fdatasync (what
// bbolt calls on Linux) in the same kind of temporary folder.
func BenchmarkBareWriteFdatasync(b *testing.B) {
	bareWrite(b, func(f *os.File) error { return syscall.Fdatasync(int(f.Fd())) })
}

// A fault reading a mapped file past its end (as bbolt would on a file
// truncated behind its back) is turned into a DamagedError by guard,
// not a crash.
func TestGuardCatchesFaults(t *testing.T) {
	path := filepath.Join(t.TempDir(), "short")
	ps := os.Getpagesize()
	if err := os.WriteFile(path, make([]byte, ps), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	mem, err := syscall.Mmap(int(f.Fd()), 0, 4*ps, syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		t.Fatal(err)
	}
	defer syscall.Munmap(mem)
	var sink byte
	err = guard(path, func() error { sink = mem[2*ps]; return nil })
	var d *DamagedError
	if !errors.As(err, &d) || d.Path != path {
		t.Errorf("guard over a fault = %v (read %d), want a *DamagedError", err, sink)
	}
}
