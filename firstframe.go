package main

// What cxo does so its first frame comes as soon as the smallest Bubble Tea
// program's: work the first frame does not need waits until it is drawn,
// and work it does need is done off the main goroutine beforehand.
// Measured by BenchmarkStartupAnswered; figures in docs/benchmarks.md
// (issue 15).

import (
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/cxo-dev/cxo/model"
	"github.com/cxo-dev/cxo/ui"
)

// warmWidths fills, on a spare core while Bubble Tea sets the terminal up,
// the character-width table its renderer needs the first time it draws a
// character outside ASCII. The table is built lazily on first use
// (go-runewidth paints 2 MB, about 10 ms on the CI machine), and cxo's home
// draws ▸, ─ and · in its very first frame, so without this the first
// frame waited for it; a program that draws only ASCII never pays it.
// Started after the signal handler is set up: the two together slowed
// each other.
func warmWidths() {
	go func() {
		ansi.StringWidthWc("▸") // the renderer's measure without mode 2027
		ansi.StringWidth("▸")   // and with it
	}()
}

// firstFrameWait is one frame of Bubble Tea's renderer (60 a second, the
// first drawn one interval after the program starts) and a little for
// writing it.
const firstFrameWait = time.Second/60 + 3*time.Millisecond

// afterFirstFrame delays the embedded bank's parse until home's first
// frame is on screen: home draws its menu without the bank (the hints
// that need it fill in a frame later), and the parse (about 7 ms of CPU
// and 2 MB of garbage) beside the first frame delayed it by 4-8 ms on two
// cores. A new or resumed assessment needs the bank for its first screen,
// so it is parsed at once there.
func afterFirstFrame(start ui.Start, load func() (*model.Bank, error)) func() (*model.Bank, error) {
	if start.Action != ui.ActionHome {
		return load
	}
	return func() (*model.Bank, error) {
		time.Sleep(firstFrameWait)
		return load()
	}
}
