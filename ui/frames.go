package ui

// A key typed before its item was drawn must not answer it. Bubble Tea
// hands each View to its renderer at once but writes it to the terminal
// only at the next frame tick (up to 1/60 s later), and keys typed in one
// burst reach Update one by one, some after a save has already put the
// next item up. So "the screen changed in Update" is not "the user saw
// it". Terminal watches both ends of the terminal: it notes when the
// first write after a new item was put up went out, and when input was
// last read. An answer key counts once the item was written and the key
// was read after that write.

import (
	"os"
	"sync/atomic"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"
)

// Terminal wraps the program's input and output files (tea.WithInput,
// tea.WithOutput) and orders their reads and writes on one counter.
type Terminal struct {
	seq      atomic.Uint64 // one order for reads and writes
	lastRead atomic.Uint64 // seq of the last read that brought bytes
	armed    atomic.Bool   // a screen was put up and not yet written
	drawn    atomic.Uint64 // seq of the first write after it; 0 until then
	in, out  *os.File
}

// NewTerminal watches in (nil when Bubble Tea opens its own) and out.
func NewTerminal(in, out *os.File) *Terminal { return &Terminal{in: in, out: out} }

// StdTerminal watches standard output, and standard input when it is a
// terminal (otherwise Bubble Tea opens the terminal itself, unwatched).
func StdTerminal() *Terminal {
	var in *os.File
	if term.IsTerminal(os.Stdin.Fd()) {
		in = os.Stdin
	}
	return NewTerminal(in, os.Stdout)
}

// ProgramOptions hands the watched files to tea.NewProgram.
func (t *Terminal) ProgramOptions() []tea.ProgramOption {
	opts := []tea.ProgramOption{tea.WithOutput(t.Output())}
	if in := t.Input(); in != nil {
		opts = append(opts, tea.WithInput(in))
	}
	return opts
}

// Output is the program's output: the terminal file itself, which keeps
// Fd, Read and Close so Bubble Tea still sees a terminal (size, raw mode
// and colour detection look for them).
func (t *Terminal) Output() *TerminalOutput { return &TerminalOutput{t} }

// Input is the program's input, nil when there is none to watch. It keeps
// Fd and Name, so Bubble Tea's cancelable reader still waits on the file
// descriptor and reads through it.
func (t *Terminal) Input() *TerminalInput {
	if t.in == nil {
		return nil
	}
	return &TerminalInput{t}
}

// TerminalOutput counts the writes that reach the terminal.
type TerminalOutput struct{ t *Terminal }

// Write writes to the terminal. The write takes its place in the order
// before the bytes go out: the terminal can show them, and a key typed in
// answer can be read, before the write call returns to this goroutine.
// (Ordered after the write, a quick reply read meanwhile would count as
// typed before the frame; the e2e tests hit that on a loaded machine.)
func (o *TerminalOutput) Write(p []byte) (int, error) {
	if len(p) == 0 {
		return o.t.out.Write(p)
	}
	s := o.t.seq.Add(1)
	first := o.t.armed.CompareAndSwap(true, false)
	if first {
		o.t.drawn.Store(s)
	}
	n, err := o.t.out.Write(p)
	if first && n == 0 {
		o.t.drawn.Store(0) // nothing went out: the screen is still to draw
		o.t.armed.Store(true)
	}
	return n, err
}

func (o *TerminalOutput) Read(p []byte) (int, error) { return o.t.out.Read(p) }
func (o *TerminalOutput) Close() error               { return o.t.out.Close() }
func (o *TerminalOutput) Fd() uintptr                { return o.t.out.Fd() }

// TerminalInput notes when input was read.
type TerminalInput struct{ t *Terminal }

func (i *TerminalInput) Read(p []byte) (int, error) {
	n, err := i.t.in.Read(p)
	if n > 0 {
		i.t.lastRead.Store(i.t.seq.Add(1))
	}
	return n, err
}

func (i *TerminalInput) Write(p []byte) (int, error) { return i.t.in.Write(p) }
func (i *TerminalInput) Close() error                { return i.t.in.Close() }
func (i *TerminalInput) Fd() uintptr                 { return i.t.in.Fd() }
func (i *TerminalInput) Name() string                { return i.t.in.Name() }

// putUp notes that a new item or intro was put up in this Update. Its
// View reaches the renderer before any later message, so the first write
// from now on carries it. (A tick landing in the microseconds between
// this Update and its View would write the frame before; the next tick,
// 1/60 s on, brings the new one.)
func (t *Terminal) putUp() {
	t.drawn.Store(0)
	t.armed.Store(true)
}

// readAfterDrawn reports whether the screen put up last has been written
// and input was read after that: the key now in Update was typed with the
// screen in front of the user. Keys of a burst read before the write do
// not count even when Update meets them after it. Where reads cannot be
// watched (Windows reads its console itself), the write alone counts.
func (t *Terminal) readAfterDrawn() bool {
	d := t.drawn.Load()
	if d == 0 {
		return false
	}
	r := t.lastRead.Load()
	return r == 0 || r > d
}

// watcher is what a screen asks of the terminal; tests fake it.
type watcher interface {
	putUp()
	readAfterDrawn() bool
}

// sight is a screen's view of the watcher. With none (tests driving
// Update, teatest) every screen counts as seen, as before.
type sight struct{ w watcher }

// shown notes that a new item or intro was put up.
func (s sight) shown() {
	if s.w != nil {
		s.w.putUp()
	}
}

// seen reports whether a key now was typed after the screen was drawn.
func (s sight) seen() bool { return s.w == nil || s.w.readAfterDrawn() }
