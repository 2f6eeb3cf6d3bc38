package ui

import (
	"errors"
	"strings"
	"time"

	"github.com/cxo-dev/cxo/store"
)

// lockNotice is how long a wait for the file goes unmentioned.
const lockNotice = time.Second

// watchLock says once per wait, after a second, that another cxo holds
// the file and that cxo waits for it (the store waits up to 60 s).
func (l *Line) watchLock() {
	if l.Store.Waiting != nil {
		return
	}
	l.Store.Waiting = func(waited time.Duration) bool {
		if waited >= lockNotice && !l.lockTold {
			l.lockTold = true
			l.printf("Another cxo is using %s; waiting up to 60 s for it (ctrl+c stops; every saved answer is safe)...\n", l.Store.Path)
		}
		return true
	}
}

// save runs a write. When the file stays busy the answer is kept: enter
// tries again, q stops (the answers saved before are safe).
func (l *Line) save(write func() error) error {
	for {
		l.lockTold = false
		err := write()
		var busy *store.BusyError
		if !errors.As(err, &busy) {
			return err
		}
		l.printf("Not saved yet: %v. Press enter to try again, or q to stop.\n", err)
		s, err := l.readLine("> ")
		if err != nil {
			return err
		}
		if strings.EqualFold(s, "q") {
			return errStop
		}
	}
}
