//go:build unix

package main

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// On a real terminal, a hostile bank or id is refused in one line with its
// control characters written out: nothing reaches the terminal raw, in the
// line mode or the full-screen one.
func TestE2EHostileInputIsWrittenOut(t *testing.T) {
	e := newE2EEnv(t)
	path, _ := hostileBank(t)
	for _, args := range [][]string{
		{"--bank", path, "--accessible", "new"},
		{"--bank", path, "new"},
		{"--bank", path, "bank", "check", path},
		{"--accessible", "resume", "id\x1b]0;pwned\x07\u202e"},
		{"resume", "id\x1b]0;pwned\x07\u202e"},
	} {
		out, code := runInPty(t, e, "", args...)
		noControls(t, strings.Join(args, " "), strings.ReplaceAll(string(out), "\r\n", "\n"))
		if code != 1 || !strings.HasPrefix(string(out), "cxo: ") {
			t.Errorf("cxo %q: exit %d, wrote %q; want one error line and exit 1", args, code, out)
		}
	}
	out, _ := runInPty(t, e, "", "--accessible", "resume", "id\x1b]0;pwned\x07\u202e")
	if !strings.Contains(string(out), `id\x1b]0;pwned\x07\u202e`) {
		t.Errorf("the id is not shown written out: %q", out)
	}
}

// A named pipe given as the bank is refused at once; reading it would
// wait for a writer for ever.
func TestBankThatIsANamedPipe(t *testing.T) {
	dir := isolate(t)
	fifo := filepath.Join(dir, "bank.fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	for _, args := range [][]string{{"bank", "check", fifo}, {"--bank", fifo, "list"}} {
		r := cxo(t, "", args...)
		if r.code != 1 || !strings.Contains(r.stderr, "not a regular file") {
			t.Errorf("cxo %v: exit %d, stderr %q", args, r.code, r.stderr)
		}
	}
}
