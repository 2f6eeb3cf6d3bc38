//go:build unix

package store

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"hash/fnv"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cxo-dev/cxo/model"
)

// Tests that need another process start this test binary again with
// CXO_STORE_CHILD=1 and -test.run naming themselves; the test, seeing the
// variable, plays the child instead (answerChild) and reports on stdout,
// one line each: "ready", "ack <item>" once SaveAnswer has returned for
// the item, "err <item> <error>", "done".
const (
	envChild  = "CXO_STORE_CHILD"
	envDB     = "CXO_STORE_DB"
	envID     = "CXO_STORE_ID"
	envPrefix = "CXO_STORE_PREFIX" // item ids are <prefix><4 digits>
	envFrom   = "CXO_STORE_FROM"   // the first item's number
	envCount  = "CXO_STORE_COUNT"  // how many to answer; 0 for ever
	envNote   = "CXO_STORE_NOTE"   // extra note length per answer
	envGo     = "CXO_STORE_GO"     // a file to wait for before answering
	envRetry  = "CXO_STORE_RETRY"  // after an error, retry the answer this many times
	envPause  = "CXO_STORE_PAUSE"  // milliseconds between answers
	envMeet   = "CXO_STORE_MEET"   // a folder where children meet half way
)

func isChild() bool { return os.Getenv(envChild) == "1" }

// childAnswer is the answer a child gives to item: the parent works it out
// again to check what was stored.
func childAnswer(item string, noteLen int) model.Answer {
	h := fnv.New32a()
	h.Write([]byte(item))
	n := h.Sum32()
	return model.Answer{
		Value: int(n%5) + 1,
		Note:  "note for " + item + strings.Repeat(".", noteLen),
		Took:  time.Duration(n%9000) * time.Millisecond,
		At:    time.UnixMilli(1795198560000 + int64(n%100000)).UTC(),
	}
}

func itemName(prefix string, i int) string { return fmt.Sprintf("%s%04d", prefix, i) }

// answerChild is the child's side: answer items in a loop on the database
// the environment names, one SaveAnswer each, as the TUI does.
func answerChild() {
	env := func(k string) int { n, _ := strconv.Atoi(os.Getenv(k)); return n }
	s := New(os.Getenv(envDB), fmt.Sprintf("child %d", os.Getpid()))
	id, prefix := os.Getenv(envID), os.Getenv(envPrefix)
	from, count, noteLen, retries := env(envFrom), env(envCount), env(envNote), env(envRetry)
	pause := time.Duration(env(envPause)) * time.Millisecond
	fmt.Println("ready")
	if g := os.Getenv(envGo); g != "" {
		for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
			if _, err := os.Stat(g); err == nil {
				break
			}
		}
	}
	for i := from; count == 0 || i < from+count; i++ {
		if meet := os.Getenv(envMeet); meet != "" && i == from+count/2 {
			meetHalfWay(meet, prefix)
		}
		item := itemName(prefix, i)
		err := s.SaveAnswer(id, item, childAnswer(item, noteLen), i)
		if err != nil {
			fmt.Printf("err %s %s\n", item, model.OneLine(err.Error()))
			for range retries {
				if err := s.SaveAnswer(id, item, childAnswer(item, noteLen), i); err != nil {
					fmt.Printf("err %s %s\n", item, model.OneLine(err.Error()))
				} else {
					fmt.Printf("ack %s\n", item)
				}
			}
			break
		}
		fmt.Printf("ack %s\n", item)
		time.Sleep(pause)
	}
	fmt.Println("done")
}

// meetHalfWay marks this child as half way in the folder meet and waits
// (at most ten seconds) until another child has marked itself too, so two
// children's answers are sure to interleave however the machine schedules
// them.
func meetHalfWay(meet, prefix string) {
	os.WriteFile(filepath.Join(meet, prefix), nil, 0o600)
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
		if entries, _ := os.ReadDir(meet); len(entries) >= 2 {
			return
		}
	}
}

// child is a running child process.
type child struct {
	cmd    *exec.Cmd
	lines  chan string // its stdout, closed at the end
	stderr bytes.Buffer
}

// startChild starts this binary as a child running test, with env added.
func startChild(t *testing.T, test string, env ...string) *child {
	t.Helper()
	c := &child{lines: make(chan string, 1024)}
	c.cmd = exec.Command(os.Args[0], "-test.run=^"+test+"$", "-test.count=1", "-test.timeout=60s")
	c.cmd.Env = append(append(os.Environ(), envChild+"=1"), env...)
	c.cmd.Stderr = &c.stderr
	out, err := c.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := c.cmd.Start(); err != nil {
		t.Fatalf("start child: %v", err)
	}
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			c.lines <- sc.Text()
		}
		close(c.lines)
	}()
	t.Cleanup(func() {
		if c.cmd.ProcessState == nil {
			c.cmd.Process.Kill()
			for range c.lines {
			}
			c.cmd.Wait()
		}
	})
	return c
}

// waitReady waits for the child's "ready".
func (c *child) waitReady(t *testing.T) {
	t.Helper()
	timeout := time.After(30 * time.Second)
	for {
		select {
		case line, ok := <-c.lines:
			if !ok {
				c.cmd.Wait()
				t.Fatalf("the child ended before it was ready: %s", c.stderr.String())
			}
			if line == "ready" {
				return
			}
		case <-timeout:
			t.Fatalf("the child was not ready after 30s: %s", c.stderr.String())
		}
	}
}

// waitAcks reads the child's output until it has acknowledged n answers
// and returns them.
func (c *child) waitAcks(t *testing.T, n int) []string {
	t.Helper()
	var acks []string
	timeout := time.After(30 * time.Second)
	for len(acks) < n {
		select {
		case line, ok := <-c.lines:
			if !ok {
				c.cmd.Wait()
				t.Fatalf("the child ended after %d answers, before %d: %s", len(acks), n, c.stderr.String())
			}
			if item, ok := strings.CutPrefix(line, "ack "); ok {
				acks = append(acks, item)
			} else if strings.HasPrefix(line, "err ") {
				t.Fatalf("the child reported %s", line)
			}
		case <-timeout:
			t.Fatalf("the child acknowledged %d answers in 30s, not %d: %s", len(acks), n, c.stderr.String())
		}
	}
	return acks
}

// finish reads the rest of the child's output, waits for it to end, and
// returns the items it acknowledged, its error lines and how it ended.
func (c *child) finish() (acks, errs []string, waitErr error) {
	for line := range c.lines {
		switch {
		case strings.HasPrefix(line, "ack "):
			acks = append(acks, strings.TrimPrefix(line, "ack "))
		case strings.HasPrefix(line, "err "):
			errs = append(errs, strings.TrimPrefix(line, "err "))
		}
	}
	return acks, errs, c.cmd.Wait()
}

// killed reports whether the child died of SIGKILL.
func killed(err error) bool {
	var ee *exec.ExitError
	return errors.As(err, &ee) && strings.Contains(ee.String(), "killed")
}

// checkStored asserts every acknowledged answer is stored as given, the
// answered count agrees with the answers, and the file passes the check.
func checkStored(t *testing.T, path, id string, acked map[string]bool, noteLen int) *model.Assessment {
	t.Helper()
	s := New(path, "parent")
	if err := s.Check(); err != nil {
		t.Fatalf("Check: %v", err)
	}
	a, skipped, err := s.Load(id)
	if err != nil || len(skipped) > 0 {
		t.Fatalf("Load: %v (skipped %v)", err, skipped)
	}
	for item := range acked {
		got, ok := a.Answers[item]
		switch {
		case !ok:
			t.Errorf("acknowledged answer %s is missing", item)
		case !sameAnswer(got, childAnswer(item, noteLen)):
			t.Errorf("answer %s = %+v, want %+v", item, got, childAnswer(item, noteLen))
		}
	}
	given := 0
	for _, ans := range a.Answers {
		if ans.Given() {
			given++
		}
	}
	if sum := summaryOf(t, s, id); sum.Answered != given {
		t.Errorf("listed %d answered, the answers say %d", sum.Answered, given)
	}
	return a
}
