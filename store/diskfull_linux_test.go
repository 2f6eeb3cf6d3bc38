package store

import (
	"fmt"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

const envFsize = "CXO_STORE_FSIZE" // the child's RLIMIT_FSIZE in bytes

// TestDiskFullRlimit runs a child whose files may not grow past the
// database's current size (RLIMIT_FSIZE, SIGXFSZ ignored, so writes fail
// with EFBIG as on a full disk). Its SaveAnswer must return a clear error,
// again on retry, and not crash; afterwards every answer it acknowledged
// is there, the file is sound, and the answer it could not save saves
// once there is room.
func TestDiskFullRlimit(t *testing.T) {
	if isChild() {
		limit, err := strconv.ParseUint(os.Getenv(envFsize), 10, 64)
		if err == nil {
			signal.Ignore(syscall.SIGXFSZ)
			var rl syscall.Rlimit
			if err = syscall.Getrlimit(syscall.RLIMIT_FSIZE, &rl); err == nil {
				rl.Cur = limit
				err = syscall.Setrlimit(syscall.RLIMIT_FSIZE, &rl)
			}
		}
		if err != nil {
			fmt.Printf("err setup %v\n", err)
			return
		}
		answerChild()
		return
	}
	const noteLen = 1500
	path := dbPath(t)
	const id = "20261123-170811-a3f"
	s := New(path, "parent")
	if err := s.Create(newAssessment(t, testBank(t), id)); err != nil {
		t.Fatal(err)
	}
	acked := map[string]bool{}
	for i := range 3 {
		item := itemName("p", i)
		if err := s.SaveAnswer(id, item, childAnswer(item, noteLen), i); err != nil {
			t.Fatal(err)
		}
		acked[item] = true
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	limit := fi.Size()
	c := startChild(t, "TestDiskFullRlimit", envDB+"="+path, envID+"="+id, envPrefix+"=i", envFrom+"=1",
		envCount+"=400", envNote+"="+strconv.Itoa(noteLen), envRetry+"=2", envFsize+"="+strconv.FormatInt(limit, 10))
	acks, errs, err := c.finish()
	if err != nil {
		t.Fatalf("the child did not end cleanly: %v: %s", err, c.stderr.String())
	}
	if len(errs) != 3 {
		t.Fatalf("the child reported %d errors, want one and two failed retries: %q (after %d answers)", len(errs), errs, len(acks))
	}
	failed, _, _ := strings.Cut(errs[0], " ")
	for _, e := range errs {
		item, msg, _ := strings.Cut(e, " ")
		if item != failed || !strings.Contains(msg, path) || !strings.Contains(msg, ErrDiskFull.Error()) ||
			!strings.Contains(msg, "everything saved before is intact") {
			t.Errorf("child error %q: want the disk-full error for %s naming %s", e, failed, path)
		}
	}
	t.Logf("the child saved %d answers, then: %s", len(acks), errs[0])
	for _, item := range acks {
		acked[item] = true
	}
	if fi, _ := os.Stat(path); fi.Size() > limit {
		t.Errorf("the file grew past the limit: %d > %d", fi.Size(), limit)
	}
	a := checkStored(t, path, id, acked, noteLen)
	if _, ok := a.Answers[failed]; ok {
		t.Errorf("the answer that failed (%s) is stored", failed)
	}
	n, _ := strconv.Atoi(strings.TrimPrefix(failed, "i"))
	if err := s.SaveAnswer(id, failed, childAnswer(failed, noteLen), n); err != nil {
		t.Fatalf("retrying %s with room: %v", failed, err)
	}
	acked[failed] = true
	checkStored(t, path, id, acked, noteLen)
}
