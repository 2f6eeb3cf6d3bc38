//go:build unix

package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/creack/pty"
)

// A terminal on a pty that answers the queries a Bubble Tea v2 program
// sends at start (background colour, device attributes, mode reports) at
// once, as a fast terminal emulator does, and records what is drawn.
type fastTerm struct {
	f    *os.File
	cmd  *exec.Cmd
	seen []byte
}

var termAnswers = []struct{ query, answer string }{
	{"\x1b]11;?", "\x1b]11;rgb:0000/0000/0000\x1b\\"},
	{"\x1b[c", "\x1b[?62;22c"},
	{"\x1b[?2026$p", "\x1b[?2026;2$y"},
	{"\x1b[?2027$p", "\x1b[?2027;0$y"},
	{"\x1b[?u", "\x1b[?0u"},
}

func startFastTerm(b *testing.B, bin string, env []string) *fastTerm {
	cmd := exec.Command(bin)
	cmd.Env = env
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 30, Cols: 100})
	if err != nil {
		b.Skipf("no pty: %v", err)
	}
	return &fastTerm{f: f, cmd: cmd}
}

// waitFor reads until want has been drawn since mark, answering queries as
// they arrive; it returns how long that took from since.
func (t *fastTerm) waitFor(b *testing.B, want string, mark int, since time.Time) time.Duration {
	buf := make([]byte, 32<<10)
	answered := map[string]bool{}
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if bytes.Contains(t.seen[mark:], []byte(want)) {
			return time.Since(since)
		}
		t.f.SetReadDeadline(deadline)
		n, err := t.f.Read(buf)
		t.seen = append(t.seen, buf[:n]...)
		for _, q := range termAnswers {
			if !answered[q.query] && bytes.Contains(t.seen, []byte(q.query)) {
				answered[q.query] = true
				t.f.WriteString(q.answer)
			}
		}
		if err != nil {
			break
		}
	}
	b.Fatalf("no %q within 10s; got %q", want, t.seen[mark:])
	return 0
}

func (t *fastTerm) close() {
	t.cmd.Process.Kill()
	t.cmd.Wait()
	t.f.Close()
}

// BenchmarkKeyLatency measures, on a pty that answers the terminal queries
// at once, the time from a key to the frame it changes: h (home to
// history) and esc (history to home). esc is slower by the input parser's
// lone-ESC timeout (see docs/benchmarks.md), not by anything cxo does.
//
//	go test -run '^$' -bench KeyLatency -benchtime 20x .
func BenchmarkKeyLatency(b *testing.B) {
	bin := cxoBinary(b)
	home := b.TempDir()
	env := []string{"PATH=" + os.Getenv("PATH"), "HOME=" + home, "XDG_DATA_HOME=" + filepath.Join(home, "data"),
		"XDG_CONFIG_HOME=" + filepath.Join(home, "config"), "TERM=xterm-256color"}
	t := startFastTerm(b, bin, env)
	defer t.close()
	t.waitFor(b, "New assessment", 0, time.Now())
	time.Sleep(200 * time.Millisecond) // the bank and the start-up check are in
	var tH, tEsc []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		mark, start := len(t.seen), time.Now()
		t.f.WriteString("h")
		tH = append(tH, t.waitFor(b, "saved", mark, start))
		mark, start = len(t.seen), time.Now()
		t.f.WriteString("\x1b")
		tEsc = append(tEsc, t.waitFor(b, "New assessment", mark, start))
	}
	b.StopTimer()
	b.ReportMetric(float64(median(tH).Microseconds())/1000, "h-ms")
	b.ReportMetric(float64(median(tEsc).Microseconds())/1000, "esc-ms")
}

// BenchmarkStartupAnswered is BenchmarkStartup on a pty that answers the
// terminal's queries at once: cxo and the smallest Bubble Tea v2 program,
// interleaved.
//
//	go test -run '^$' -bench StartupAnswered -benchtime 40x .
func BenchmarkStartupAnswered(b *testing.B) {
	bin := cxoBinary(b)
	mini := filepath.Join(filepath.Dir(bin), "minitea")
	if out, err := exec.Command("go", "build", "-o", mini, "./testdata/minitea").CombinedOutput(); err != nil {
		b.Fatalf("go build minitea: %v\n%s", err, out)
	}
	home := b.TempDir()
	env := []string{"PATH=" + os.Getenv("PATH"), "HOME=" + home, "XDG_DATA_HOME=" + filepath.Join(home, "data"),
		"XDG_CONFIG_HOME=" + filepath.Join(home, "config"), "TERM=xterm-256color"}
	frame := func(bin string) time.Duration {
		start := time.Now()
		t := startFastTerm(b, bin, env)
		defer t.close()
		return t.waitFor(b, "New assessment", 0, start)
	}
	var tCxo, tMini []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		tMini = append(tMini, frame(mini))
		tCxo = append(tCxo, frame(bin))
	}
	b.StopTimer()
	mc, mm := median(tCxo), median(tMini)
	b.ReportMetric(float64(mc.Microseconds())/1000, "cxo-ms")
	b.ReportMetric(float64(mm.Microseconds())/1000, "minitea-ms")
	b.ReportMetric(float64(mc)/float64(mm), "ratio")
}
