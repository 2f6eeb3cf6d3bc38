//go:build unix

package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/creack/pty"
)

// BenchmarkStartup measures what a user waits for: from starting the
// process to the home screen's first frame on a pseudo-terminal. The same
// is measured for the smallest Bubble Tea v2 program (testdata/minitea),
// and the ratio is reported; the target is 1.25 or less.
//
//	go test -run '^$' -bench Startup -benchtime 40x .
func BenchmarkStartup(b *testing.B) {
	bin := cxoBinary(b)
	mini := filepath.Join(filepath.Dir(bin), "minitea")
	if out, err := exec.Command("go", "build", "-o", mini, "./testdata/minitea").CombinedOutput(); err != nil {
		b.Fatalf("go build minitea: %v\n%s", err, out)
	}
	home := b.TempDir()
	env := []string{"PATH=" + os.Getenv("PATH"), "HOME=" + home, "XDG_DATA_HOME=" + filepath.Join(home, "data"),
		"XDG_CONFIG_HOME=" + filepath.Join(home, "config"), "TERM=xterm-256color"}
	var tCxo, tMini []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		// Alternate, so load on the machine hits both alike.
		tMini = append(tMini, firstFrame(b, mini, env))
		tCxo = append(tCxo, firstFrame(b, bin, env))
	}
	b.StopTimer()
	mc, mm := median(tCxo), median(tMini)
	b.ReportMetric(float64(mc.Microseconds())/1000, "cxo-ms")
	b.ReportMetric(float64(mm.Microseconds())/1000, "minitea-ms")
	b.ReportMetric(float64(mc)/float64(mm), "ratio")
}

// firstFrame starts a program on a 100×30 pty and returns the time until
// "New assessment" has been written to the terminal.
func firstFrame(b *testing.B, bin string, env []string) time.Duration {
	cmd := exec.Command(bin)
	cmd.Env = env
	start := time.Now()
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 30, Cols: 100})
	if err != nil {
		b.Skipf("no pty: %v", err)
	}
	defer func() {
		cmd.Process.Kill()
		cmd.Wait()
		f.Close()
	}()
	var seen []byte
	buf := make([]byte, 32<<10)
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		f.SetReadDeadline(deadline)
		n, err := f.Read(buf)
		seen = append(seen, buf[:n]...)
		if bytes.Contains(seen, []byte("New assessment")) {
			return time.Since(start)
		}
		if err != nil {
			break
		}
	}
	b.Fatalf("%s: no home screen within 10s; got %q", bin, seen)
	return 0
}

func median(ds []time.Duration) time.Duration {
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)/2]
}
