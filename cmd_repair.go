package main

import (
	"errors"
	"fmt"
	"time"

	"github.com/cxo-dev/cxo/store"
)

// runRepair is cxo check --repair: it says what is wrong and what cannot
// be brought back before it changes anything, and asks (or needs --yes
// when stdin is not a terminal, as cxo delete does) when something would
// be left behind.
func runRepair(g *globals, s *store.Store, yes bool) error {
	plan, err := s.PlanRepair()
	var d *store.DamagedError
	if errors.As(err, &d) && !d.Repair {
		// Damage where no repair reaches (the tree itself): say so, rather
		// than repeat what plain check says.
		return &store.DamagedError{Path: d.Path, Reason: d.Reason + "; --repair cannot help: the damage is in the file's structure, not in single values or one header page"}
	}
	if err != nil {
		return err
	}
	if plan.Found == "" {
		fmt.Fprintf(g.stdout, "%s: ok, nothing to repair\n", s.Path)
		return nil
	}
	fmt.Fprintf(g.stdout, "%s: %s\n", s.Path, plan.Found)
	if len(plan.Lost) == 0 {
		fmt.Fprintf(g.stdout, "The repair brings back all %d assessments.\n", plan.Assessments)
	} else {
		fmt.Fprintf(g.stdout, "The repair brings back %d assessments, but not these (the old file keeps their bytes):\n", plan.Assessments)
		for _, l := range plan.Lost {
			fmt.Fprintln(g.stdout, "  - "+l)
		}
		if !yes {
			ok, err := confirm(g, "Repair "+s.Path+" without them?", "not repairing "+s.Path)
			if err != nil {
				return err
			}
			if !ok {
				fmt.Fprintln(g.stderr, "left "+s.Path+" as it was")
				return nil
			}
		}
	}
	aside, err := s.Repair(plan, time.Now())
	if err != nil {
		return err
	}
	fmt.Fprintf(g.stdout, "repaired %s; the old file is kept at %s\n", s.Path, aside)
	if _, err := s.Backup(); err != nil {
		fmt.Fprintf(g.stderr, "cxo: no last good copy of the repaired file could be kept: %v\n", err)
	}
	return nil
}
