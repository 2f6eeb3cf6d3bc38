package main

import (
	"errors"

	"github.com/spf13/cobra"

	"github.com/cxo-dev/cxo/store"
)

// notADatabase says what is at the database path when it is there but is
// not a file cxo could keep a database in (a device such as /dev/null, a
// named pipe, a folder); nil for a regular file or nothing. The commands
// that would otherwise report an empty database ("No assessments yet",
// "no database yet") ask it first (see usesDatabase), in the store's own
// words, so every command says the same about the same path.
func notADatabase(path string) error {
	var nf *store.NotAFileError
	if err := store.CheckDBPath(path); errors.As(err, &nf) {
		return err
	}
	return nil
}

// usesDatabase reports whether cmd reads or writes the database (guide,
// bank check and help do not).
func usesDatabase(cmd *cobra.Command) bool {
	switch cmd.Name() {
	case "cxo", "new", "resume", "list", "export", "delete", "check":
		return true
	}
	return false
}
