package ui

import (
	"strings"
	"syscall"
	"testing"

	"github.com/cxo-dev/cxo/store"
)

// A delete whose rewrite cannot finish says the assessment is deleted and
// the rewrite is pending, and the history no longer lists it.
func TestDeleteWithPendingRewriteSaysSo(t *testing.T) {
	s := testStore(t)
	d := newDriver(t, s, Start{Theme: "dark"}, 100, 30)
	err := &store.ScrubError{Path: s.Path, Err: syscall.ENOSPC}
	d.send(deletedMsg{id: "20261102-093000-abc", err: err})
	if !strings.Contains(d.app.status, "20261102-093000-abc deleted, but") || strings.Contains(d.app.status, "could not delete") {
		t.Errorf("status %q", d.app.status)
	}
}
