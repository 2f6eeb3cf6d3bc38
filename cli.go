package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"charm.land/fang/v2"
	"github.com/spf13/cobra"

	"github.com/cxo-dev/cxo/assets"
	"github.com/cxo-dev/cxo/model"
	"github.com/cxo-dev/cxo/store"
)

// usageError marks errors that exit with status 2.
type usageError struct{ error }

func usagef(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

// exitError carries a status after its message has already been printed.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// globals are the flags every command shares.
type globals struct {
	db         string
	bank       string
	theme      string
	accessible bool

	stdin          io.Reader
	stdout, stderr io.Writer
}

func (g *globals) dbPath() string {
	if g.db != "" {
		return g.db
	}
	if env := os.Getenv("CXO_DB"); env != "" {
		return env
	}
	return store.DefaultPath()
}

// command is how to run cxo again on the same data: "cxo", with the --db
// and --bank this run was given (CXO_DB carries over by itself), for hints
// a user can paste.
func (g *globals) command() string {
	c := "cxo"
	if g.db != "" {
		c += " --db " + store.ShellQuote(g.db)
	}
	if g.bank != "" {
		c += " --bank " + store.ShellQuote(g.bank)
	}
	return c
}

func (g *globals) store() *store.Store { return store.New(g.dbPath(), cxoVersion()) }

// loadBank is the embedded bank, or the --bank file checked by the same
// validator.
func (g *globals) loadBank() (*model.Bank, error) {
	if g.bank == "" {
		return assets.DefaultBank()
	}
	data, err := readBankFile(g.bank)
	if err != nil {
		return nil, err
	}
	b, err := assets.LoadBank(g.bank, data)
	if err != nil {
		return nil, fmt.Errorf("bank %s is not valid: %w (cxo bank check %s lists every problem)", g.bank, err, g.bank)
	}
	return b, nil
}

func (g *globals) themeName() (string, error) {
	t, from := g.theme, "--theme"
	if t == "" {
		t, from = os.Getenv("CXO_THEME"), "CXO_THEME"
	}
	switch t {
	case "", "dark", "light":
		return t, nil
	}
	return "", usagef("%s must be dark or light, not %q", from, t)
}

func (g *globals) isAccessible() bool {
	if g.accessible {
		return true
	}
	v := os.Getenv("CXO_ACCESSIBLE")
	return v != "" && v != "0" && !strings.EqualFold(v, "false")
}

// run executes the command line and returns the exit status.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if asksForHelp(args) {
		trim := &trimWriter{w: stdout}
		defer trim.flush()
		stdout = trim
	}
	checked := &checkedWriter{w: stdout}
	g := &globals{stdin: stdin, stdout: checked, stderr: stderr}
	root := rootCommand(g)
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(checked)
	root.SetErr(stderr)
	held := holdErrors(root)
	err := fang.Execute(ctx, root,
		fang.WithVersion(cxoVersion()+" (question bank "+assets.BankVersion()+")"),
		fang.WithErrorHandler(func(w io.Writer, _ fang.Styles, err error) { reportError(w, g.command(), err) }))
	if err == nil && *held != nil {
		err = *held
		reportError(stderr, g.command(), err)
	}
	if err == nil && checked.err != nil {
		err = checked.err // the results were not shown
		reportError(stderr, g.command(), err)
	}
	if err == nil {
		return 0
	}
	var exit exitError
	var usage usageError
	switch {
	case errors.As(err, &exit):
		return exit.code
	case errors.As(err, &usage), isCobraUsage(err):
		return 2
	}
	return 1
}

// reportError prints err as the one line cxo's errors are, with control
// characters written out (an argument may carry escape sequences). An
// exitError has already said what it had to. cxo is how to run cxo again
// on the same data, for the hint.
func reportError(w io.Writer, cxo string, err error) {
	var exit exitError
	if errors.As(err, &exit) {
		return
	}
	// Control characters are written out (\x1b), so an id or a path that
	// holds one shows as typed and cannot drive the terminal.
	msg := model.Escaped(model.OneLine(err.Error()))
	var damaged *store.DamagedError
	if errors.As(err, &damaged) {
		msg += "; " + damagedHint(cxo, damaged)
	}
	fmt.Fprintln(w, "cxo: "+msg)
}

// holdErrors keeps the errors of cxo's own commands (bad flags, bad
// arguments, failed runs) from reaching fang, and returns where it keeps
// the first one. fang styles its error output from the terminal's
// background colour and asks the terminal for it first, so a terminal that
// never answers would hold a plain one-line error back for seconds; run
// reports a held error itself once fang returns. The commands fang and
// cobra add themselves (help, completion, man) still report through fang.
func holdErrors(root *cobra.Command) *error {
	var held error
	hold := func(err error) error {
		if held == nil {
			held = err
		}
		return nil
	}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if args := c.Args; args != nil {
			c.Args = func(cmd *cobra.Command, a []string) error {
				if err := args(cmd, a); err != nil {
					return hold(err)
				}
				return nil
			}
		}
		if pre := c.PersistentPreRunE; pre != nil {
			c.PersistentPreRunE = func(cmd *cobra.Command, a []string) error {
				if held != nil {
					return nil
				}
				if err := pre(cmd, a); err != nil {
					return hold(err)
				}
				return nil
			}
		}
		if run := c.RunE; run != nil {
			c.RunE = func(cmd *cobra.Command, a []string) error {
				if held != nil {
					return nil // its arguments were refused
				}
				if err := run(cmd, a); err != nil {
					return hold(err)
				}
				return nil
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	// A refused flag ends the command before it runs: cobra returns what
	// this returns, nil, at once.
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return hold(usageError{plainFlagError(err)}) })
	return &held
}

// plainFlagError drops the Go parser's wording from a bad flag value
// ('invalid argument "x" for "--quick" flag: strconv.ParseBool: parsing
// "x": invalid syntax') and says what the flag takes instead.
func plainFlagError(err error) error {
	msg := err.Error()
	head, detail, ok := strings.Cut(msg, ": strconv.")
	if !ok {
		return err
	}
	want := "a number"
	if strings.HasPrefix(detail, "ParseBool") {
		want = "true or false"
	}
	return errors.New(head + ": want " + want)
}

// isCobraUsage spots the usage errors cobra reports as plain errors.
func isCobraUsage(err error) bool {
	s := err.Error()
	for _, prefix := range []string{"unknown command", "unknown flag", "unknown shorthand flag", "flag needs an argument", "invalid argument", "accepts ", "requires ", "bad flag syntax"} {
		if strings.HasPrefix(s, prefix) {
			return true
		}
	}
	return false
}

func rootCommand(g *globals) *cobra.Command {
	root := &cobra.Command{
		Use:   "cxo",
		Short: "A private terminal coach: do you lean CTO or CIO, and how ready are you?",
		Long: "cxo guides you through an assessment of whether you lean toward the CTO role (revenue, external customers, product engineering) " +
			"or the CIO role (profitability, internal users, IT operations), rates your readiness, shows its reasoning and builds a development plan. " +
			"Everything stays on this machine.",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return nil
			}
			if near := cmd.SuggestionsFor(args[0]); len(near) > 0 {
				return usagef("unknown command %q; did you mean %q?", args[0], near[0])
			}
			return usagef("unknown command %q; cxo --help lists the commands", args[0])
		},
		RunE: func(cmd *cobra.Command, _ []string) error {
			return launch(g, startHome())
		},
		// The global flags are checked for every command, so a mistake in
		// one is never silently ignored by a command that does not use it.
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			if _, err := g.themeName(); err != nil {
				return err
			}
			if usesDatabase(cmd) {
				if err := notADatabase(g.dbPath()); err != nil {
					return err
				}
			}
			if g.bank != "" {
				if _, err := g.loadBank(); err != nil {
					return err
				}
			}
			return nil
		},
	}
	f := root.PersistentFlags()
	f.StringVar(&g.db, "db", "", "database file (env CXO_DB; default $XDG_DATA_HOME/cxo/cxo.db)")
	f.StringVar(&g.bank, "bank", "", "use a custom question bank file")
	f.StringVar(&g.theme, "theme", "", "dark or light (env CXO_THEME; default: ask the terminal)")
	f.BoolVar(&g.accessible, "accessible", false, "line mode for screen readers and pipes (env CXO_ACCESSIBLE=1)")
	root.AddCommand(newCommand(g), resumeCommand(g), listCommand(g), exportCommand(g), guideCommand(g), deleteCommand(g), bankCommand(g), checkCommand(g))
	return root
}

func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usagef("%s takes no arguments, got %q", cmd.CommandPath(), args[0])
	}
	return nil
}

func maxArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) > n {
			return usagef("%s takes at most %d argument(s), got %d", cmd.CommandPath(), n, len(args))
		}
		return nil
	}
}

func exactArgs(n int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return usagef("%s needs %s", cmd.CommandPath(), what)
		}
		return nil
	}
}
