package main

import (
	"bytes"
	"image/color"
	"io"
	"os"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"
	"github.com/muesli/cancelreader"
)

// backgroundQuery asks the terminal for its background colour (OSC 11) and
// then for its attributes (DA1). Every terminal answers DA1, and answers in
// order, so the DA1 reply ends the wait early in a terminal that does not
// know OSC 11.
const backgroundQuery = "\x1b]11;?\x07\x1b[c"

// backgroundWait is how long cxo guide waits for the terminal to answer:
// long enough for a terminal over a slow SSH link, short enough that a
// terminal that never answers costs only a moment.
const backgroundWait = 500 * time.Millisecond

// terminalIsDark asks the terminal on in and out whether its background is
// dark, waiting at most wait. ok is false when it did not say (no answer,
// no colour in the answer, or in is not a terminal). It is for the plain
// commands only: the full-screen interface asks through Bubble Tea without
// waiting.
func terminalIsDark(in, out *os.File, wait time.Duration) (dark, ok bool) {
	state, err := term.MakeRaw(in.Fd())
	if err != nil {
		return false, false
	}
	defer term.Restore(in.Fd(), state) //nolint:errcheck
	rd, err := cancelreader.NewReader(in)
	if err != nil {
		return false, false
	}
	defer rd.Close()
	timer := time.AfterFunc(wait, func() { rd.Cancel() })
	defer timer.Stop()
	if _, err := io.WriteString(out, backgroundQuery); err != nil {
		return false, false
	}
	// Read up to the DA1 reply even after the colour has come, so no
	// reply is left over for the shell to show after cxo exits.
	var got []byte
	buf := make([]byte, 256)
	for len(got) < 4096 {
		n, err := rd.Read(buf)
		got = append(got, buf[:n]...)
		bg, finished := backgroundReply(got)
		if finished || err != nil {
			if bg == nil {
				return false, false
			}
			return isDarkColor(bg), true
		}
	}
	return false, false
}

// backgroundReply reads the terminal's replies to backgroundQuery so far:
// the background colour once it has come (nil before, or when the terminal
// does not give one), and whether the DA1 reply that ends them has come.
func backgroundReply(b []byte) (bg color.Color, finished bool) {
	if i := bytes.Index(b, []byte("\x1b]11;")); i >= 0 {
		rest := b[i+len("\x1b]11;"):]
		end := bytes.IndexByte(rest, '\a') // ended by BEL or by ST, ESC \
		if st := bytes.Index(rest, []byte("\x1b\\")); st >= 0 && (end < 0 || st < end) {
			end = st
		}
		if end >= 0 {
			bg = ansi.XParseColor(string(rest[:end]))
		}
	}
	// The DA1 reply is ESC [ ? ... c.
	if i := bytes.Index(b, []byte("\x1b[?")); i >= 0 && bytes.IndexByte(b[i:], 'c') >= 0 {
		finished = true
	}
	return bg, finished
}

// isDarkColor reports whether c is dark: its HSL lightness below one half,
// the rule lipgloss applies to the same question.
func isDarkColor(c color.Color) bool {
	r, g, b, _ := c.RGBA()
	hi, lo := max(r, g, b), min(r, g, b)
	return float64(hi+lo)/2/0xffff < 0.5
}
