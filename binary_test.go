package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
)

// The cxo binary the end-to-end tests (unix, in a pty) and the version
// test (every system) run.

var (
	e2eBuildOnce sync.Once
	e2eBuildDir  string
	e2eBin       string
	e2eBuildErr  error
)

// TestMain removes the binary the end-to-end tests built, if any.
func TestMain(m *testing.M) {
	code := m.Run()
	if e2eBuildDir != "" {
		os.RemoveAll(e2eBuildDir)
	}
	os.Exit(code)
}

// cxoBinary builds cxo once per test binary, only when an end-to-end test
// needs it, with the go command running the tests.
func cxoBinary(t testing.TB) string {
	t.Helper()
	e2eBuildOnce.Do(func() {
		e2eBuildDir, e2eBuildErr = os.MkdirTemp("", "cxo-e2e-")
		if e2eBuildErr != nil {
			return
		}
		e2eBin = filepath.Join(e2eBuildDir, "cxo")
		if runtime.GOOS == "windows" {
			e2eBin += ".exe"
		}
		// -buildvcs=auto stamps the commit as a plain go build does,
		// whatever GOFLAGS the machine sets (this one turns it off).
		out, err := exec.Command("go", "build", "-buildvcs=auto", "-o", e2eBin, ".").CombinedOutput()
		if err != nil {
			e2eBuildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if e2eBuildErr != nil {
		t.Fatal(e2eBuildErr)
	}
	return e2eBin
}
