package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/cxo-dev/cxo/model"
)

// notADatabase says what is at the database path when it is there but is
// not a file cxo could keep a database in (a device such as /dev/null, a
// named pipe, a folder), in the store's words for a folder; nil for a
// regular file or nothing. The commands that would otherwise report an
// empty database ("No assessments yet", "no database yet") ask it first
// (see usesDatabase), so every command says the same about the same path.
func notADatabase(path string) error {
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().IsRegular() {
		return nil
	}
	what := "not a regular file"
	switch mode := fi.Mode(); {
	case mode.IsDir():
		what = "a folder"
	case mode&os.ModeCharDevice != 0, mode&os.ModeDevice != 0:
		what = "a device"
	case mode&os.ModeNamedPipe != 0:
		what = "a named pipe"
	case mode&os.ModeSocket != 0:
		what = "a socket"
	}
	return fmt.Errorf("%s is %s, not a database file; point --db or CXO_DB at a file", model.Escaped(path), what)
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
