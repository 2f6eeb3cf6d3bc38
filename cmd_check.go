package main

import (
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/cxo-dev/cxo/model"
	"github.com/cxo-dev/cxo/store"
)

func checkCommand(g *globals) *cobra.Command {
	var moveAside, repair, yes bool
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Check the database; keep last-good copies; --repair copies what is sound to a fresh file; --move-aside sets a damaged one aside",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			s := g.store()
			if repair {
				return runRepair(g, s, yes)
			}
			for _, note := range s.Tighten() {
				fmt.Fprintln(g.stderr, "cxo: "+note)
			}
			backup, err := s.Backup()
			var damaged *store.DamagedError
			var werr *store.WriteError
			switch {
			case err == nil:
				if backup == "" {
					fmt.Fprintf(g.stdout, "%s: no database yet\n", model.Escaped(s.Path))
					return nil
				}
				fmt.Fprintf(g.stdout, "%s: ok; last good copy kept at %s (%s)\n", model.Escaped(s.Path), model.Escaped(backup), store.RestoreHint(s.Path))
				return nil
			case errors.As(err, &werr):
				if cerr := s.Check(); cerr != nil {
					return cerr
				}
				fmt.Fprintf(g.stdout, "%s: ok, but no copy could be kept: %s\n", model.Escaped(s.Path), model.Escaped(err.Error()))
				return nil
			case errors.As(err, &damaged) && moveAside:
				to, merr := store.MoveAside(s.Path, time.Now())
				if merr != nil {
					return fmt.Errorf("%v; moving it aside failed too: %w", err, merr)
				}
				fmt.Fprintf(g.stdout, "%s was damaged; moved aside to %s (bytes kept); the next cxo run starts a fresh database\n", model.Escaped(s.Path), model.Escaped(to))
				if _, serr := os.Stat(store.BackupPath(s.Path)); serr == nil {
					fmt.Fprintf(g.stdout, "a last good copy exists: %s\n", store.RestoreHint(s.Path))
				}
				return nil
			}
			return err
		},
	}
	cmd.Flags().BoolVar(&moveAside, "move-aside", false, "if the database is damaged, rename it to <file>.corrupt-<time> and start fresh")
	cmd.Flags().BoolVar(&repair, "repair", false, "copy what is sound of a damaged database to a fresh file, keeping the old one aside")
	cmd.Flags().BoolVar(&yes, "yes", false, "with --repair: go ahead without asking when something cannot be brought back")
	cmd.MarkFlagsMutuallyExclusive("repair", "move-aside")
	return cmd
}
