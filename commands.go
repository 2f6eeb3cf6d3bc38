package main

import (
	"bufio"
	"cmp"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"text/tabwriter"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/cxo-dev/cxo/assets"
	"github.com/cxo-dev/cxo/model"
	"github.com/cxo-dev/cxo/store"
	"github.com/cxo-dev/cxo/ui"
)

func startHome() ui.Start { return ui.Start{} }

// isTerminal reports whether both ends of the session are a terminal.
func isTerminal(g *globals) bool {
	in, ok1 := g.stdin.(*os.File)
	out, ok2 := file(g.stdout)
	return ok1 && ok2 && term.IsTerminal(in.Fd()) && term.IsTerminal(out.Fd())
}

// launch runs the full-screen TUI, or the line mode with --accessible.
func launch(g *globals, start ui.Start) error {
	theme, err := g.themeName()
	if err != nil {
		return err
	}
	start.Theme = theme
	s := g.store()
	if g.isAccessible() {
		b, err := g.loadBank()
		if err != nil {
			return err
		}
		line := &ui.Line{Store: s, Bank: b, In: bufio.NewReader(g.stdin), Out: g.styledOut(), Command: g.command()}
		return line.Run(start)
	}
	if !isTerminal(g) {
		return errors.New("the full-screen interface needs a terminal, and stdin or stdout is not one; use the line mode instead: cxo --accessible" + commandSuffix(start))
	}
	// The embedded bank is parsed after the first frame is drawn; a custom
	// one is checked first, so a bad file is reported before the screen
	// changes.
	load := afterFirstFrame(start, assets.DefaultBank)
	if g.bank != "" {
		b, err := g.loadBank()
		if err != nil {
			return err
		}
		load = func() (*model.Bank, error) { return b, nil }
	}
	app := ui.NewLoading(s, load, cxoVersion(), start)
	tty := ui.StdTerminal()
	app.SetTerminal(tty) // an answer key counts once its item is drawn
	p := tea.NewProgram(app, tty.ProgramOptions()...)
	app.SetSend(p.Send) // the store's waits for a busy file reach the screen
	stopSignals := catchSignals(p)
	warmWidths() // before the first frame, off the main goroutine (firstframe.go)
	final, err := p.Run()
	if app, ok := final.(*ui.App); ok && err == nil {
		if line := app.StoppedLine(g.command()); line != "" {
			g.stderrf("%s\n", line) // as the line mode says it, once the screen is gone
		}
	}
	if code := stopSignals(); code != 0 && err == nil {
		return exitError{code: code} // ended by a signal, terminal restored
	}
	if app, ok := final.(*ui.App); ok && err == nil {
		err = app.Failure() // said once more after the screen is gone, and status 1
	}
	return err
}

func commandSuffix(start ui.Start) string {
	if start.Action == ui.ActionHome {
		return ""
	}
	return " " + string(start.Action)
}

func newCommand(g *globals) *cobra.Command {
	var quick bool
	var target string
	cmd := &cobra.Command{
		Use:   "new",
		Short: "Start a new assessment straight away",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			role, ok := model.ParseRole(target)
			if !ok {
				return usagef("--target must be cto or cio, not %q", target)
			}
			length := model.LengthFull
			if quick {
				length = model.LengthQuick
			}
			return launch(g, ui.Start{Action: ui.ActionNew, Length: length, Target: role})
		},
	}
	cmd.Flags().BoolVar(&quick, "quick", false, "the quick assessment (about 24 items, 5 minutes) instead of the full one (about 60, 12 minutes)")
	cmd.Flags().StringVar(&target, "target", "", "measure strengths and gaps against cto or cio (default: the role you lean to)")
	return cmd
}

func resumeCommand(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "resume [ID]",
		Short: "Resume the newest unfinished assessment (or ID) on the exact item",
		Args:  maxArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			start := ui.Start{Action: ui.ActionResume}
			if len(args) == 1 {
				id, err := g.store().Resolve(args[0])
				if err != nil {
					return err
				}
				start.ResumeID = id
			}
			return launch(g, start)
		},
	}
}

func listCommand(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List saved assessments: id, started, status, progress, lean",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			st := g.store()
			list, skipped, err := st.List()
			if err != nil {
				return err
			}
			bank, _ := g.loadBank() // only to read results of older methods
			for _, e := range skipped {
				fmt.Fprintln(g.stderr, "cxo: skipped "+e.Error())
			}
			unreadable := unreadableIDs(skipped)
			if len(list) == 0 && len(unreadable) == 0 {
				fmt.Fprintln(g.stdout, "No assessments yet. Start one with: cxo new --quick")
				return nil
			}
			damaged := damagedIDs(g, st)
			w := tabwriter.NewWriter(g.stdout, 0, 0, 2, ' ', 0)
			fmt.Fprintln(w, "ID\tSTARTED\tSTATUS\tPROGRESS\tLENGTH\tLEAN")
			for _, s := range list {
				lean := listLean(st, bank, s)
				if lean == "" {
					lean = "-"
				}
				status := string(s.Status)
				if damaged[s.ID] {
					status += " (damaged)" // its counts are what was stored, not what reads
				}
				fmt.Fprintf(w, "%s\t%s\t%s\t%d/%d\t%s\t%s\n", model.Escaped(s.ID), s.Started.Local().Format("2006-01-02 15:04"), status, s.Answered, s.Total, s.Length, lean)
			}
			// One whose header cannot be read still has a row: left out,
			// it would look deleted.
			for _, id := range unreadable {
				fmt.Fprintf(w, "%s\t-\tdamaged\t-\t-\tits header cannot be read (%s check names it)\n", model.Escaped(id), g.command())
			}
			return w.Flush()
		},
	}
}

// unreadableIDs are the assessments List could not read a header of.
func unreadableIDs(skipped []error) []string {
	var ids []string
	for _, e := range skipped {
		var r *store.RecordError
		if errors.As(e, &r) && r.Assessment() != "" && !slices.Contains(ids, r.Assessment()) {
			ids = append(ids, r.Assessment())
		}
	}
	return ids
}

// damagedIDs checks the file once and names the assessments holding a
// value that fails its checksum, so cxo list never shows one as sound; it
// says on stderr what to run.
func damagedIDs(g *globals, st *store.Store) map[string]bool {
	bad, err := st.DamagedValues()
	if err != nil || len(bad) == 0 {
		return nil // a file List could read; what else is wrong, cxo check says
	}
	ids := store.DamagedAssessments(bad)
	what := "assessments hold"
	if len(ids) == 1 {
		what = "assessment holds"
	}
	fmt.Fprintf(g.stderr, "cxo: %d %s damaged values; %s check names them, and check --repair copies what is sound to a fresh file\n",
		len(ids), what, g.command())
	return ids
}

func exportCommand(g *globals) *cobra.Command {
	var out, format string
	var force bool
	cmd := &cobra.Command{
		Use:   "export [ID]",
		Short: "Export the assessment finished last (or ID) as Markdown or JSON",
		Args:  maxArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if format == "" {
				format = model.FormatFor(out)
			}
			switch format {
			case "", "md", "markdown":
				format = "md"
			case "json":
			default:
				return usagef("--format must be md or json, not %q", format)
			}
			b, err := g.loadBank()
			if err != nil {
				return err
			}
			s := g.store()
			id := ""
			if len(args) == 1 {
				if id, err = s.Resolve(args[0]); err != nil {
					return err
				}
			} else {
				list, _, err := s.List()
				if err != nil {
					return err
				}
				newest, ok := store.Newest(list, true)
				if !ok {
					return errors.New("no finished assessment to export; finish one, or name an unfinished one by id (cxo list shows them)")
				}
				id = newest.ID
			}
			a, res, err := s.LoadWithResult(b, id)
			if err != nil {
				return err
			}
			data := model.Encode(b, model.BuildReport(b, a, res), format)
			if out == "" || out == "-" {
				_, err := g.stdout.Write(data)
				return err
			}
			if err := store.WriteExport(out, data, force); err != nil {
				if errors.Is(err, store.ErrExists) {
					return fmt.Errorf("%s already exists; add --force to overwrite it", model.Escaped(out))
				}
				return err
			}
			fmt.Fprintf(g.stderr, "exported %s to %s\n", model.Escaped(id), model.Escaped(out))
			return nil
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to FILE instead of stdout (created 0600)")
	cmd.Flags().StringVar(&format, "format", "", "md or json (default md, or json for a .json file)")
	cmd.Flags().BoolVar(&force, "force", false, "overwrite FILE if it exists")
	return cmd
}

func guideCommand(g *globals) *cobra.Command {
	var style string
	var width int
	cmd := &cobra.Command{
		Use:   "guide [NAME]",
		Short: "Print a guide: styled on a terminal, Markdown when piped",
		Args:  maxArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			guides := assets.Guides()
			if len(args) == 0 {
				for _, gd := range guides {
					fmt.Fprintf(g.stdout, "%-20s %s\n", gd.Name, gd.Title)
				}
				return nil
			}
			var gd *model.Guide
			var names []string
			for i := range guides {
				names = append(names, guides[i].Name)
				if guides[i].Name == args[0] {
					gd = &guides[i]
				}
			}
			if gd == nil {
				return usagef("no guide %q; the guides are %s", args[0], strings.Join(names, ", "))
			}
			switch style {
			case "", "dark", "light", "markdown":
			default:
				return usagef("--style must be dark, light or markdown, not %q", style)
			}
			if width < 0 {
				return usagef("--width must be a number of columns, not %d", width)
			}
			theme, err := g.themeName()
			if err != nil {
				return err
			}
			out, isFile := file(g.stdout)
			tty := isFile && term.IsTerminal(out.Fd())
			forced := os.Getenv("CLICOLOR_FORCE") != "" && os.Getenv("CLICOLOR_FORCE") != "0"
			if style == "markdown" || (style == "" && !tty && !forced) {
				_, err := fmt.Fprint(g.stdout, gd.Markdown)
				return err
			}
			if style == "" {
				// --theme or CXO_THEME, else what the terminal says its
				// background is, else dark.
				style = cmp.Or(theme, "dark")
				if in, ok := g.stdin.(*os.File); ok && theme == "" && tty && term.IsTerminal(in.Fd()) {
					if dark, ok := terminalIsDark(in, out, backgroundWait); ok && !dark {
						style = "light"
					}
				}
			}
			snapNotice(g.stderr, width)
			if width <= 0 {
				width = 80
				if tty {
					if w, _, err := term.GetSize(out.Fd()); err == nil && w > 0 {
						width = w
					}
				}
			}
			// Rendered with glamour ahead of time (see assets.Rendered).
			text, err := assets.Rendered(gd.Name, style, width)
			if err != nil {
				return err
			}
			text += "\n"
			_, err = fmt.Fprint(g.styledOut(), text)
			return err
		},
	}
	cmd.Flags().StringVar(&style, "style", "", "dark, light or markdown (default: styled on a terminal, Markdown when piped)")
	cmd.Flags().IntVar(&width, "width", 0, "wrap within N columns; widths outside 20 to 100 use the nearest (default: the terminal's width)")
	return cmd
}

func bankCommand(g *globals) *cobra.Command {
	bank := &cobra.Command{
		Use:   "bank",
		Short: "Work with question banks",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return usagef("cxo bank needs a subcommand: cxo bank check FILE, or cxo bank template")
		},
	}
	bank.AddCommand(bankTemplateCommand(g))
	bank.AddCommand(&cobra.Command{
		Use:   "check FILE",
		Short: "Validate a custom question bank: every problem as file:line: message",
		Args:  exactArgs(1, "the bank FILE to check"),
		RunE: func(cmd *cobra.Command, args []string) error {
			data, err := readBankFile(args[0])
			if err != nil {
				return err
			}
			b, err := assets.LoadBank(args[0], data)
			var problems model.Problems
			if errors.As(err, &problems) {
				for _, p := range problems {
					fmt.Fprintln(g.stdout, p.String()) // control characters written out
				}
				fmt.Fprintf(g.stderr, "cxo: %s has %d problem(s)\n", model.Escaped(args[0]), len(problems))
				return exitError{code: 1}
			}
			if err != nil {
				return err
			}
			full, _ := model.Estimate(b, model.LengthFull)
			quick, _ := model.Estimate(b, model.LengthQuick)
			fmt.Fprintf(g.stdout, "%s: ok - bank %s, %d facets, %d items (%d quick)\n", model.Escaped(args[0]), b.Version, len(b.Facets), full, quick)
			return nil
		},
	})
	return bank
}
