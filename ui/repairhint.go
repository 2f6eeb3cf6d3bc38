package ui

import (
	"errors"

	"github.com/cxo-dev/cxo/store"
)

// repairHint is the line the damaged screen adds when what is damaged
// leaves the rest readable (one bad header page, a bad free-page list,
// single stored values): a repair keeps everything sound, where moving the
// file aside starts from nothing. "" otherwise.
func repairHint(err error, path string) string {
	var d *store.DamagedError
	if !errors.As(err, &d) || !d.Repair {
		return ""
	}
	return "What is sound can be kept: quit (q) and run " + cxoOn(path) + " check --repair, which copies it to a fresh file, says first what it cannot bring back, and keeps this one aside."
}

// cxoOn is how to run cxo on the database at path, for hints a user can
// paste: "cxo" for the default one, with --db for any other.
func cxoOn(path string) string {
	if path == "" || path == store.DefaultPath() {
		return "cxo"
	}
	return "cxo --db " + store.ShellQuote(path)
}
