package main

import (
	"os"
	"os/signal"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/cxo-dev/cxo/ui"
)

// hangupSignals are the signals Bubble Tea leaves to their default action,
// which ends the process with the terminal still in raw mode, on the
// alternate screen, the cursor hidden and mouse reporting on: SIGHUP (the
// terminal's window closed, or a multiplexer let go of it) and SIGQUIT
// (ctrl+\ when the terminal is not in raw mode, or kill -QUIT).
var hangupSignals = []os.Signal{syscall.SIGHUP, syscall.SIGQUIT}

// quitGrace is how long the program has to finish a save before it is
// stopped anyway (the terminal is restored either way).
const quitGrace = 5 * time.Second

// catchSignals ends the program the normal way on a hangup or quit signal,
// so its shutdown restores the terminal and an answer being written is
// finished first. It returns the exit status the signal asks for (128 +
// its number, as a shell reports it; 0 if none came) once stop is called.
func catchSignals(p *tea.Program) (stop func() int) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, hangupSignals...)
	done := make(chan struct{})
	got := make(chan int, 1)
	go func() {
		select {
		case <-done:
			return
		case sig := <-ch:
			n := 1
			if s, ok := sig.(syscall.Signal); ok {
				n = int(s)
			}
			got <- 128 + n
			p.Send(ui.StopMsg{})
			select {
			case <-done:
			case <-time.After(quitGrace):
				p.Kill() // restores the terminal too
			}
		}
	}()
	return func() int {
		signal.Stop(ch)
		close(done)
		select {
		case code := <-got:
			return code
		default:
			return 0
		}
	}
}
