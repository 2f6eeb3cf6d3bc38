package main

import (
	"fmt"
	"io"
	"os"

	"github.com/charmbracelet/colorprofile"
)

// checkedWriter is stdout with its first failed write kept: a run whose
// output could not be written (a full disk behind > file, a closed pipe)
// ends with an error and status 1, not 0 with nothing shown.
type checkedWriter struct {
	w   io.Writer
	err error
}

func (c *checkedWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err // once failed, nothing more is written
	}
	n, err := c.w.Write(p)
	if err != nil {
		c.err = fmt.Errorf("cannot write to standard output: %w", err)
		return n, c.err
	}
	return n, nil
}

// file is the *os.File behind w, if any (for terminal checks).
func file(w io.Writer) (*os.File, bool) {
	if c, ok := w.(*checkedWriter); ok {
		w = c.w
	}
	f, ok := w.(*os.File)
	return f, ok
}

// styledOut writes styled text to stdout in the colours the terminal
// behind it takes (the checked writer hides the terminal from detection).
func (g *globals) styledOut() io.Writer {
	w := colorprofile.NewWriter(g.stdout, os.Environ())
	if f, ok := file(g.stdout); ok {
		w.Profile = colorprofile.Detect(f, os.Environ())
	}
	return w
}
