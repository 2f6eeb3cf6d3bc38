//go:build linux

package main

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	"github.com/cxo-dev/cxo/store"
)

// A run whose output cannot be written (stdout is /dev/full) ends with an
// error and status 1; the line mode stops before saving an answer to an
// item the user was never shown.
func TestFullStdoutFails(t *testing.T) {
	dir := isolate(t)
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skipf("no /dev/full: %v", err)
	}
	defer full.Close()
	db := dir + "/cxo.db"
	if r := cxo(t, "1\n\n", "--db", db, "--accessible", "new", "--quick"); r.code != 0 {
		t.Fatalf("setting up: %d %s", r.code, r.stderr)
	}
	for _, args := range [][]string{
		{"--accessible", "new", "--quick"},
		{"--accessible", "resume"},
		{"check"},
		{"list"},
		{"export", "--format", "json"},
		{"guide"},
		{"guide", "cto-role"},
		{"bank", "check", "assets/bank.yaml"},
	} {
		var errb bytes.Buffer
		code := run(context.Background(), append([]string{"--db", db}, args...), strings.NewReader("1\n2\n3\n"), full, &errb)
		if code != 1 || !strings.Contains(errb.String(), "cannot write to standard output") && !strings.Contains(errb.String(), "no finished assessment") {
			t.Errorf("cxo %v > /dev/full: exit %d, stderr %q; want 1 and the failed write named", args, code, errb.String())
		}
	}
	list, _, err := store.New(db, "test").List()
	if err != nil || len(list) != 2 {
		t.Fatalf("list: %v %v", list, err)
	}
	for _, s := range list {
		if s.Answered > 1 {
			t.Errorf("%s has %d answers saved while nothing could be shown", s.ID, s.Answered)
		}
	}
}
