//go:build unix

package main

import (
	"os/exec"
	"strings"
	"testing"
)

// go build && ./cxo --version names the commit it was built from.
func TestVersionNamesTheRevision(t *testing.T) {
	head, err := exec.Command("git", "rev-parse", "HEAD").Output()
	if err != nil {
		t.Skip("not a git checkout (or no git): a build has no revision to name")
	}
	bin := cxoBinary(t)
	if info, _ := exec.Command("go", "version", "-m", bin).Output(); !strings.Contains(string(info), "vcs.revision=") {
		// Go reads no VCS in a git worktree (its .git is a file).
		t.Skip("go stamped no revision into this build (a git worktree?)")
	}
	out, err := exec.Command(bin, "--version").CombinedOutput()
	if err != nil {
		t.Fatalf("--version: %v\n%s", err, out)
	}
	if want := strings.TrimSpace(string(head))[:12]; !strings.Contains(string(out), want) {
		t.Errorf("--version says %q, not the revision %s", out, want)
	}
}
