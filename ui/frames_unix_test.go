//go:build unix

package ui

import (
	"io"
	"os"
	"runtime"
	"syscall"
	"testing"
	"time"
)

// A key read while the frame's write is still in its system call (the
// terminal already shows it; the writing goroutine has not returned)
// counts as typed after the frame: the write is ordered before its bytes
// go out. Here the write blocks on a full pipe until the key is read.
func TestTerminalOrdersAWriteBeforeItReturns(t *testing.T) {
	kr, kw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer kw.Close()
	sr, sw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer sr.Close()
	tty := NewTerminal(kr, sw)
	out, in := tty.Output(), tty.Input()
	// Fill the screen pipe so the frame's write blocks in its system call.
	fd := int(sw.Fd()) // the file is in blocking mode from here on
	if err := syscall.SetNonblock(fd, true); err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := syscall.Write(fd, make([]byte, 4096)); err != nil {
			break
		}
	}
	if err := syscall.SetNonblock(fd, false); err != nil {
		t.Fatal(err)
	}
	tty.putUp()
	done := make(chan error, 1)
	go func() { _, err := out.Write([]byte("item 2")); done <- err }()
	for deadline := time.Now().Add(5 * time.Second); tty.drawn.Load() == 0; runtime.Gosched() {
		if time.Now().After(deadline) {
			go func() { _, _ = io.Copy(io.Discard, sr) }()
			t.Fatal("the frame's write takes its place only once it returns")
		}
	}
	if _, err := kw.Write([]byte("1")); err != nil {
		t.Fatal(err)
	}
	if _, err := in.Read(make([]byte, 8)); err != nil {
		t.Fatal(err)
	}
	if !tty.readAfterDrawn() {
		t.Error("a key read while the frame was being written counts as typed before it")
	}
	go func() { _, _ = io.Copy(io.Discard, sr) }()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}
