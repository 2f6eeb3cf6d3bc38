package main

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cxo-dev/cxo/store"
)

// deleteCommand deletes one assessment, or all with --all. Deleting
// rewrites the database and its last-good copies (store.DeleteScrubbed),
// so the deleted answers and notes are gone from every file cxo keeps.
func deleteCommand(g *globals) *cobra.Command {
	var yes, all bool
	cmd := &cobra.Command{
		Use:   "delete ID | --all",
		Short: "Delete an assessment (or --all) and its answers, from the database and its last-good copies",
		Args: func(cmd *cobra.Command, args []string) error {
			switch {
			case all && len(args) > 0:
				return usagef("cxo delete takes an id or --all, not both")
			case !all && len(args) != 1:
				return usagef("cxo delete needs the id of the assessment to delete (cxo list shows them), or --all")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			s := g.store()
			var ids []string
			what := "every assessment and all their answers"
			if !all {
				id, err := s.Resolve(args[0])
				if err != nil {
					return err
				}
				ids, what = []string{id}, id+" and all its answers"
			} else {
				list, _, err := s.List()
				if err != nil {
					return err
				}
				if _, err := os.Stat(s.Path); len(list) == 0 && errors.Is(err, os.ErrNotExist) {
					fmt.Fprintln(g.stderr, "no assessments to delete")
					return nil // and no database is created for it
				}
				// With none left, the files are still rewritten: that clears
				// what deletes by an older cxo left in free pages and copies.
				yes = yes || len(list) == 0
				what = fmt.Sprintf("all %d assessments and their answers", len(list))
			}
			if !yes {
				ok, err := confirm(g, "Delete "+what+"?", "not deleting "+what)
				if err != nil {
					return err
				}
				if !ok {
					fmt.Fprintln(g.stderr, "kept "+strings.TrimSuffix(strings.TrimSuffix(what, " and all its answers"), " and their answers"))
					return nil
				}
			}
			done, err := s.DeleteScrubbed(ids)
			if err != nil {
				return err
			}
			if all {
				fmt.Fprintln(g.stderr, "deleted every assessment")
			} else {
				fmt.Fprintln(g.stderr, "deleted "+ids[0])
			}
			reportScrubbed(g, s.Path, done)
			return nil
		},
	}
	cmd.Flags().BoolVar(&yes, "yes", false, "delete without asking")
	cmd.Flags().BoolVar(&all, "all", false, "delete every assessment (settings are kept)")
	return cmd
}

// reportScrubbed says which copies were rewritten or removed.
func reportScrubbed(g *globals, path string, done store.Scrubbed) {
	msg := "rewrote " + path
	if n := len(done.Rewritten); n > 0 {
		msg += fmt.Sprintf(" and %d last-good cop%s", n, map[bool]string{true: "y", false: "ies"}[n == 1])
	}
	it := " in it"
	if len(done.Rewritten) > 0 {
		it = " in any of them"
	}
	fmt.Fprintln(g.stderr, msg+" so the deleted answers are not left"+it)
	for _, c := range done.Removed {
		fmt.Fprintf(g.stderr, "removed %s: it could not be read to rewrite, and would have kept the deleted answers\n", c)
	}
}
