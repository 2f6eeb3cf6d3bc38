package main

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"github.com/cxo-dev/cxo/model"
	"github.com/cxo-dev/cxo/ui"
)

// runRateScreen runs cxo rate full-screen; what stopped it is said again
// once the screen is gone, and where the response went.
func runRateScreen(g *globals, inv model.Invitation, write func(model.Response) (string, error)) error {
	theme, err := g.themeName()
	if err != nil {
		return err
	}
	m := ui.NewRater(g.store(), inv, write, theme != "light")
	tty := ui.StdTerminal()
	m.SetTerminal(tty) // an answer key counts once its question is drawn
	p := tea.NewProgram(m, tty.ProgramOptions()...)
	stopSignals := catchSignals(p)
	_, err = p.Run()
	if code := stopSignals(); code != 0 && err == nil {
		return exitError{code: code}
	}
	if err == nil {
		err = m.Err()
	}
	if err != nil {
		return err
	}
	if m.Wrote() != "" {
		g.stderrf("response written to %s: send it to %s; whoever receives it can read it\n", model.Escaped(m.Wrote()), model.Clean(inv.Name))
	} else {
		g.stderrf("%s\n", ui.RateStopped(g.store(), inv))
	}
	return nil
}

func (g *globals) stderrf(format string, args ...any) { fmt.Fprintf(g.stderr, format, args...) }
