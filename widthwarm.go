package main

import "github.com/charmbracelet/x/ansi"

// warmWidths fills, on a spare core while Bubble Tea sets the terminal up,
// the character-width table its renderer needs the first time it draws a
// character outside ASCII. The table is built lazily on first use
// (go-runewidth paints 2 MB, about 10 ms on the CI machine), and cxo's home
// draws ▸, ─ and · in its very first frame, so without this the first
// frame waited for it; a program that draws only ASCII never pays it.
// Measured in docs/benchmarks.md (issue 15).
func warmWidths() {
	go func() {
		ansi.StringWidthWc("▸") // the renderer's measure without mode 2027
		ansi.StringWidth("▸")   // and with it
	}()
}
