//go:build linux

package main

import (
	"syscall"
	"testing"
	"time"

	"github.com/hinshun/vt10x"
	"golang.org/x/sys/unix"
)

// termState is what a signal must not leave behind: the alternate screen,
// a hidden cursor, mouse reporting, raw mode (no echo, no line editing).
func (s *session) termState(t *testing.T) (alt, hidden, mouse, raw bool) {
	t.Helper()
	s.term.Lock()
	mode, visible := s.term.Mode(), s.term.CursorVisible()
	s.term.Unlock()
	tio, err := unix.IoctlGetTermios(int(s.ptmx.Fd()), unix.TCGETS)
	if err != nil {
		t.Fatalf("reading the terminal's modes: %v", err)
	}
	raw = tio.Lflag&(unix.ECHO|unix.ICANON) != unix.ECHO|unix.ICANON
	return mode&vt10x.ModeAltScreen != 0, !visible, mode&(vt10x.ModeMouseMask|vt10x.ModeMouseSgr) != 0, raw
}

// SIGHUP with the terminal still open, and SIGQUIT, end cxo with the
// terminal as it was: main screen, cursor shown, no mouse reporting, out
// of raw mode; the status says which signal it was (128 + its number).
func TestE2ESignalsRestoreTheTerminal(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGHUP, syscall.SIGQUIT} {
		t.Run(sig.String(), func(t *testing.T) {
			e := newE2EEnv(t)
			s := startCxo(t, e)
			s.waitFor(t, "New assessment", e2eWait)
			// What the test looks for is really there while cxo runs.
			if alt, hidden, mouse, raw := s.termState(t); !alt || !hidden || !mouse || !raw {
				t.Fatalf("while running: alt %v, hidden %v, mouse %v, raw %v; want all on", alt, hidden, mouse, raw)
			}
			if err := s.cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			if code := s.waitExit(t, e2eWait); code != 128+int(sig) {
				t.Errorf("exit %d, want %d", code, 128+int(sig))
			}
			// The last bytes may still be on their way to the emulator.
			for deadline := time.Now().Add(e2eWait); ; time.Sleep(20 * time.Millisecond) {
				alt, hidden, mouse, raw := s.termState(t)
				if !alt && !hidden && !mouse && !raw {
					break
				}
				if time.Now().After(deadline) {
					t.Fatalf("after %v: alt screen %v, cursor hidden %v, mouse %v, raw mode %v; want all off", sig, alt, hidden, mouse, raw)
				}
			}
		})
	}
}
