package ui

import (
	"time"

	"github.com/cxo-dev/cxo/model"
)

// clock is where the screens get the time and new assessment ids. The
// program uses the real ones; a test injects its own, so a seeded walk
// (TestMonkey) creates the same assessments, in the same item order, with
// the same answer times, every run.
type clock struct {
	now   func() time.Time
	newID func(time.Time) string
}

func realClock() clock { return clock{now: time.Now, newID: model.NewID} }
