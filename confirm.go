package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"

	"github.com/charmbracelet/x/term"

	"github.com/cxo-dev/cxo/ui"
)

// confirm asks question on the terminal and reports a yes. Without a
// terminal to ask on it is a usage error naming the flag that says yes
// (refusal reads "not deleting X without confirmation: add --yes"). The
// answer is read bounded, so a line too long reads as no.
func confirm(g *globals, question, refusal string) (bool, error) {
	in, ok := g.stdin.(*os.File)
	if !ok || !term.IsTerminal(in.Fd()) {
		return false, usagef("%s without confirmation: add --yes", refusal)
	}
	fmt.Fprintf(g.stderr, "%s [y/N] ", question)
	answer, _, _ := ui.ReadLine(bufio.NewReader(g.stdin))
	a := strings.ToLower(strings.TrimSpace(answer))
	return a == "y" || a == "yes", nil
}
