package main

import (
	"fmt"
	"io"

	"github.com/cxo-dev/cxo/assets"
)

// snapNotice says on w when an asked --width (asked > 0) lies outside the
// widths the guides are laid out at, so the text comes out at another
// width than the one asked for.
func snapNotice(w io.Writer, asked int) {
	if asked <= 0 {
		return
	}
	switch got := assets.RenderWidth(asked); {
	case asked < assets.MinRenderWidth:
		fmt.Fprintf(w, "cxo: --width %d is narrower than the guides can be laid out; using %d\n", asked, got)
	case asked > assets.MaxRenderWidth:
		fmt.Fprintf(w, "cxo: --width %d is wider than the guides are laid out (longer lines are hard to read); using %d\n", asked, got)
	}
}
