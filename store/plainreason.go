package store

import (
	"strings"

	"github.com/cxo-dev/cxo/model"
)

// internals are the marks of a panic recovered from bbolt or the Go
// runtime on a damaged file ("assertion failed: Page expected to be: 335,
// but self identifies as ...", "runtime error: slice bounds out of
// range"): words for a bbolt developer, not for the user.
var internals = []string{
	"runtime error", "assertion failed", "out of range", "invalid memory address", "nil pointer",
	"fault address", "invalid page type", "already freed", "unreachable", "pgid", "goroutine",
}

// plainReason is why a damaged file cannot be read, in the user's words:
// cxo's own reasons pass through, a recovered panic becomes "its pages are
// damaged".
func plainReason(reason string) string {
	low := strings.ToLower(reason)
	for _, m := range internals {
		if strings.Contains(low, m) {
			return "its pages are damaged"
		}
	}
	return model.OneLine(reason)
}
