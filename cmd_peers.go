package main

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/cxo-dev/cxo/model"
	"github.com/cxo-dev/cxo/store"
	"github.com/cxo-dev/cxo/ui"
)

// peerCommands are invite, rate and import: a private, file-based 360.
func peerCommands(g *globals) []*cobra.Command {
	return []*cobra.Command{inviteCommand(g), rateCommand(g), importCommand(g)}
}

func stdinTerminal(g *globals) bool {
	in, ok := g.stdin.(*os.File)
	return ok && term.IsTerminal(in.Fd())
}

// newestID is the id given, or the newest finished assessment, or the
// newest of all.
func newestID(s *store.Store, args []string) (string, error) {
	if len(args) == 1 {
		return s.Resolve(args[0])
	}
	list, _, err := s.List()
	if err != nil {
		return "", err
	}
	if n, ok := store.Newest(list, true); ok {
		return n.ID, nil
	}
	if n, ok := store.Newest(list, false); ok {
		return n.ID, nil
	}
	return "", errors.New("no assessment to invite colleagues to rate; take one first (cxo new)")
}

func inviteCommand(g *globals) *cobra.Command {
	var out, name string
	var force bool
	cmd := &cobra.Command{
		Use:   "invite [ID]",
		Short: "Make an invitation file for colleagues to rate you (the assessment finished last, else the one in progress, or ID)",
		Args:  maxArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			b, err := g.loadBank()
			if err != nil {
				return err
			}
			s := g.store()
			id, err := newestID(s, args)
			if err != nil {
				return err
			}
			a, _, err := s.Load(id)
			if err != nil {
				return err
			}
			if name == "" {
				if !stdinTerminal(g) {
					return usagef("the name colleagues will see is needed: add --name NAME")
				}
				fmt.Fprint(g.stderr, "The name colleagues will see in the questions: ")
				line, _, _ := ui.ReadLine(bufio.NewReader(g.stdin))
				name = strings.TrimSpace(line)
			}
			if strings.TrimSpace(name) == "" {
				// Said with the flag here; the results screen says it without.
				return usagef("the name colleagues will see is empty: add --name NAME")
			}
			// Checked in full before anything is stored.
			now := time.Now()
			if _, err := model.NewInvitation(b, a, model.NewToken(), name, now); err != nil {
				return err
			}
			rec, err := s.Invite(id, strings.TrimSpace(name), now)
			if err != nil {
				return err
			}
			inv, err := model.NewInvitation(b, a, rec.ID, rec.Name, rec.Created)
			if err != nil {
				return err
			}
			if out == "" {
				out = "cxo-invitation-" + id + ".json"
			}
			data := model.EncodePeerFile(inv)
			if out == "-" {
				_, err := g.stdout.Write(data)
				return err
			}
			// An earlier copy of this same invitation is replaced; anything
			// else only with --force.
			overwrite := force
			if old, err := store.ReadPeerFile(out, "invitation"); err == nil {
				if prev, err := model.DecodeInvitation(old); err == nil && prev.ID == inv.ID {
					overwrite = true
				}
			}
			if err := store.WriteExport(out, data, overwrite); err != nil {
				if errors.Is(err, store.ErrExists) {
					return fmt.Errorf("%s already exists and is not this invitation; add --force to overwrite it", model.Escaped(out))
				}
				return err
			}
			fmt.Fprintf(g.stderr, "invitation for %s written to %s: send it to colleagues who see your work; each runs cxo rate %s and sends back the response file, which you bring in with cxo import\n",
				model.Escaped(id), model.Escaped(out), store.ShellQuote(out))
			return nil
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to FILE (default cxo-invitation-ID.json; - for stdout)")
	cmd.Flags().StringVar(&name, "name", "", "the name colleagues will see (asked on a terminal)")
	cmd.Flags().BoolVar(&force, "force", false, "overwrite FILE if it exists")
	return cmd
}

func rateCommand(g *globals) *cobra.Command {
	var out string
	var force bool
	cmd := &cobra.Command{
		Use:   "rate FILE",
		Short: "Rate a colleague from their invitation file; writes a response file to send back",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			data, err := store.ReadPeerFile(args[0], "invitation")
			if err != nil {
				return err
			}
			inv, err := model.DecodeInvitation(data)
			if err != nil {
				return fmt.Errorf("invitation %s refused: %w", model.Escaped(args[0]), err)
			}
			write := func(r model.Response) (string, error) {
				path := out
				if path == "" {
					path = responseFileName(inv, r)
				}
				return path, writeResponse(path, r, force)
			}
			if !g.isAccessible() && isTerminal(g) {
				return runRateScreen(g, inv, write)
			}
			line := &ui.Line{Store: g.store(), In: bufio.NewReader(g.stdin), Out: g.styledOut(), Command: g.command()}
			return line.Rate(inv, write)
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "write the response to OUT (default cxo-response-INVITATION-RATER.json: the first characters of the invitation id and of your random rater token)")
	cmd.Flags().BoolVar(&force, "force", false, "overwrite OUT if it holds something else")
	return cmd
}

// responseFileName is the default name of a response: the invitation's
// first characters and the rater token's, so the person who collects
// several responses to one invitation gets files that do not clash. The
// token is random, so the name holds nothing personal.
func responseFileName(inv model.Invitation, r model.Response) string {
	return "cxo-response-" + inv.ID[:min(8, len(inv.ID))] + "-" + r.Rater[:min(8, len(r.Rater))] + ".json"
}

// writeResponse writes a response file; a file that holds this rater's
// earlier response to the same invitation is replaced (a correction),
// anything else only with force.
func writeResponse(path string, r model.Response, force bool) error {
	overwrite := force
	if !force {
		if data, err := store.ReadPeerFile(path, "response"); err == nil {
			if old, err := model.DecodeResponse(data); err == nil && old.Invitation == r.Invitation && old.Rater == r.Rater {
				overwrite = true
			}
		}
	}
	if err := store.WriteExport(path, model.EncodePeerFile(r), overwrite); err != nil {
		if errors.Is(err, store.ErrExists) {
			return fmt.Errorf("%s already exists and is not your response to this invitation; give another -o, or add --force", model.Escaped(path))
		}
		return err
	}
	return nil
}

func importCommand(g *globals) *cobra.Command {
	var yes bool
	cmd := &cobra.Command{
		Use:   "import FILE...",
		Short: "Bring colleagues' response files into the assessment they rate",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			b, err := g.loadBank()
			if err != nil {
				return err
			}
			refused, err := importFiles(g, g.store(), b, args, yes)
			if err != nil {
				return err
			}
			if refused > 0 {
				return exitError{code: 1}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&yes, "yes", false, "replace a response with a later one from the same rater without asking")
	return cmd
}

// importFiles imports response files in one transaction, says in one line
// per file what happened, and counts the files refused. A correction of a
// response imported earlier is asked about (or --yes) and then imported
// in a second transaction.
func importFiles(g *globals, s *store.Store, b *model.Bank, paths []string, yes bool) (refused int, err error) {
	refuse := func(path string, err error) {
		refused++
		fmt.Fprintf(g.stderr, "%s refused: %s\n", model.Escaped(path), err)
	}
	var rs []model.Response
	var from []string
	for _, path := range paths {
		r, err := store.ReadResponse(path)
		if err == nil {
			rs, from = append(rs, r), append(from, path)
			continue
		}
		refuse(path, err)
	}
	if len(rs) == 0 {
		return refused, nil
	}
	got, errs, err := s.ImportAll(b, rs, false)
	if err != nil {
		return refused, err
	}
	var again []model.Response
	var againFrom []string
	for i, e := range errs {
		var rep *store.ReplaceError
		switch {
		case errors.As(e, &rep):
			ok := yes
			if !yes {
				var cerr error
				ok, cerr = confirm(g, fmt.Sprintf("%s corrects a response imported earlier into %s. Replace it?", model.Escaped(from[i]), rep.Assessment), "not replacing the earlier response")
				if cerr != nil {
					refuse(from[i], cerr)
					continue
				}
			}
			if !ok {
				refuse(from[i], errors.New("the earlier response from the same rater was kept"))
				continue
			}
			again, againFrom = append(again, rs[i]), append(againFrom, from[i])
		case e != nil:
			refuse(from[i], e)
		default:
			fmt.Fprintln(g.stderr, importedLine(from[i], got[i]))
		}
	}
	if len(again) > 0 {
		got, errs, err := s.ImportAll(b, again, true)
		if err != nil {
			return refused, err
		}
		for i, e := range errs {
			if e != nil {
				refuse(againFrom[i], e)
			} else {
				fmt.Fprintln(g.stderr, importedLine(againFrom[i], got[i]))
			}
		}
	}
	return refused, nil
}

func importedLine(path string, got store.Imported) string {
	what := "imported"
	if got.Replaced {
		what = "replaced the earlier response with"
	}
	noun := "responses"
	if got.Responses == 1 {
		noun = "response"
	}
	msg := fmt.Sprintf("%s %s into assessment %s: %d %s", what, model.Escaped(path), got.Assessment, got.Responses, noun)
	if need := model.MinRaters - got.Responses; need > 0 {
		msg += "; " + model.NeedMore(need)
	}
	if got.Rescored > 0 {
		msg += "; " + model.RescoredWords(got.Rescored)
	}
	return msg
}
