package main

import (
	"bytes"
	"io"
	"slices"
)

// trimWriter drops the spaces at the end of each line: fang pads its help
// text to a block, which leaves every line ending in spaces that editors
// and diffs show and a copy and paste carries along.
type trimWriter struct {
	w       io.Writer
	pending []byte // a line not ended yet
}

func (t *trimWriter) Write(p []byte) (int, error) {
	t.pending = append(t.pending, p...)
	for {
		i := bytes.IndexByte(t.pending, '\n')
		if i < 0 {
			return len(p), nil
		}
		line := bytes.TrimRight(t.pending[:i], " ")
		if _, err := t.w.Write(append(line, '\n')); err != nil {
			return 0, err
		}
		t.pending = t.pending[i+1:]
	}
}

// flush writes an unended last line.
func (t *trimWriter) flush() {
	if len(t.pending) > 0 {
		t.w.Write(bytes.TrimRight(t.pending, " ")) //nolint:errcheck
		t.pending = nil
	}
}

// asksForHelp reports a command line that prints help (and nothing a
// trailing space could matter to).
func asksForHelp(args []string) bool {
	return slices.Contains(args, "--help") || slices.Contains(args, "-h") || (len(args) > 0 && args[0] == "help")
}
