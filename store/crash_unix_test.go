//go:build unix

package store

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestKill9 answers in a child process and kills it with SIGKILL at a
// random moment, round after round on the same file: after each, every
// answer the child acknowledged (SaveAnswer had returned) is there and the
// file passes the consistency check.
func TestKill9(t *testing.T) {
	if isChild() {
		answerChild()
		return
	}
	const rounds = 25
	path := dbPath(t)
	const id = "20261123-170811-a3f"
	if err := New(path, "parent").Create(newAssessment(t, testBank(t), id)); err != nil {
		t.Fatal(err)
	}
	seed := uint64(time.Now().UnixNano())
	rng := rand.New(rand.NewPCG(seed, 9))
	t.Logf("seed %d", seed)
	acked := map[string]bool{}
	next, midStream := 1, 0
	start := time.Now()
	for r := range rounds {
		c := startChild(t, "TestKill9", envDB+"="+path, envID+"="+id, envPrefix+"=i", envFrom+"="+strconv.Itoa(next))
		c.waitReady(t)
		// Kill after a random number of acknowledged answers plus a random
		// fraction of a save, so the kill lands at any point of a write
		// however slow this machine's disk is.
		early := c.waitAcks(t, rng.IntN(6))
		time.Sleep(time.Duration(rng.Int64N(int64(2 * time.Millisecond))))
		if err := c.cmd.Process.Kill(); err != nil {
			t.Fatal(err)
		}
		acks, errs, err := c.finish()
		acks = append(early, acks...)
		if !killed(err) {
			t.Fatalf("round %d: the child ended by itself (%v): %s", r, err, c.stderr.String())
		}
		if len(errs) > 0 {
			t.Fatalf("round %d: the child reported %v", r, errs)
		}
		for _, item := range acks {
			acked[item] = true
			n, _ := strconv.Atoi(strings.TrimPrefix(item, "i"))
			next = max(next, n+1)
		}
		if len(acks) > 0 {
			midStream++
		}
		checkStored(t, path, id, acked, 0)
		if t.Failed() {
			t.Fatalf("round %d (%d acknowledged so far)", r, len(acked))
		}
	}
	t.Logf("%d rounds in %v: %d answers acknowledged, killed while answering in %d rounds",
		rounds, time.Since(start).Round(time.Millisecond), len(acked), midStream)
	if midStream < rounds/2 {
		t.Errorf("only %d of %d rounds were killed while answering", midStream, rounds)
	}
}

// TestTwoProcesses has two processes answer the same assessment at once,
// each its own items: nothing is lost and the count is right. A short
// pause between answers (a person takes seconds) lets them take turns:
// without it one can finish before the other's next try at the lock.
func TestTwoProcesses(t *testing.T) {
	if isChild() {
		answerChild()
		return
	}
	path := dbPath(t)
	const id = "20261123-170811-a3f"
	if err := New(path, "parent").Create(newAssessment(t, testBank(t), id)); err != nil {
		t.Fatal(err)
	}
	const each = 40
	goFile, meet := filepath.Join(t.TempDir(), "go"), t.TempDir()
	var children []*child
	for _, prefix := range []string{"a", "b"} {
		children = append(children, startChild(t, "TestTwoProcesses", envDB+"="+path, envID+"="+id,
			envPrefix+"="+prefix, envFrom+"=1", envCount+"="+strconv.Itoa(each), envGo+"="+goFile, envPause+"=3", envMeet+"="+meet))
	}
	for _, c := range children {
		c.waitReady(t)
	}
	if err := os.WriteFile(goFile, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	// Read both outputs as they come to see the answers interleave.
	var order []string
	open := len(children)
	for open > 0 {
		select {
		case line, ok := <-children[0].lines:
			if !ok {
				children[0].lines, open = nil, open-1
			} else if strings.HasPrefix(line, "ack ") || strings.HasPrefix(line, "err ") {
				order = append(order, line)
			}
		case line, ok := <-children[1].lines:
			if !ok {
				children[1].lines, open = nil, open-1
			} else if strings.HasPrefix(line, "ack ") || strings.HasPrefix(line, "err ") {
				order = append(order, line)
			}
		case <-time.After(60 * time.Second):
			t.Fatalf("the children have not finished after 60s; so far %v", order)
		}
	}
	for i, c := range children {
		if err := c.cmd.Wait(); err != nil {
			t.Errorf("child %d: %v: %s", i, err, c.stderr.String())
		}
	}
	acked := map[string]bool{}
	first, last := map[byte]int{}, map[byte]int{}
	for i, line := range order {
		item, ok := strings.CutPrefix(line, "ack ")
		if !ok {
			t.Errorf("a child reported: %s", line)
			continue
		}
		acked[item] = true
		if _, ok := first[item[0]]; !ok {
			first[item[0]] = i
		}
		last[item[0]] = i
	}
	if len(acked) != 2*each {
		t.Errorf("%d answers acknowledged, want %d", len(acked), 2*each)
	}
	a := checkStored(t, path, id, acked, 0)
	if len(a.Answers) != 2*each {
		t.Errorf("%d answers stored, want %d", len(a.Answers), 2*each)
	}
	if first['a'] > last['b'] || first['b'] > last['a'] {
		t.Errorf("the two processes did not overlap: %s", compactOrder(order))
	}
	t.Logf("answers arrived as %s", compactOrder(order))
}

// compactOrder shows which process each acknowledgement came from, as in
// "aaabbabab...".
func compactOrder(order []string) string {
	var b strings.Builder
	for _, line := range order {
		if item, ok := strings.CutPrefix(line, "ack "); ok {
			b.WriteByte(item[0])
		}
	}
	return b.String()
}
