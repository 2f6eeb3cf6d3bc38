package ui

import (
	"bufio"
	"cmp"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/cxo-dev/cxo/model"
	"github.com/cxo-dev/cxo/store"
)

// Line is the accessible line mode: no alternate screen and no redraws;
// every item is printed with numbered options and answered with one line.
// It uses the same store, scoring and export as the full-screen mode.
type Line struct {
	Store *store.Store
	Bank  *model.Bank
	In    *bufio.Reader // one reader for the whole run
	Out   io.Writer
	// Command runs cxo again on the same data ("cxo --db FILE"), for the
	// hints printed; "cxo" when empty.
	Command string

	lockTold bool // the wait for a busy file was mentioned (linebusy.go)

	// outErr is the first failed write to Out: nothing more is read, so no
	// answer is saved to an item the user was never shown.
	outErr error
}

func (l *Line) cxo() string { return cmp.Or(l.Command, "cxo") }

var sectionName = map[model.Layer]string{
	model.LayerLean: "Orientation", model.LayerReadiness: "Readiness", model.LayerFoundation: "Shared foundations",
}

// errEOF ends the run quietly: input closed, everything is saved.
var errEOF = errors.New("end of input")

// errStop ends the run at the user's q, everything saved.
var errStop = errors.New("stopped")

// printf prints to the user, cleaned: bank text, notes and ids never
// reach the terminal as commands.
func (l *Line) printf(format string, args ...any) {
	if l.outErr != nil {
		return
	}
	if _, err := fmt.Fprint(l.Out, model.CleanLines(fmt.Sprintf(format, args...))); err != nil {
		l.outErr = err
	}
}

// readLine reads one answer; io.EOF at the end of input.
func (l *Line) readLine(prompt string) (string, error) {
	l.printf("%s", prompt)
	if l.outErr != nil {
		return "", l.outErr
	}
	for {
		s, tooLong, err := readBounded(l.In, LineLimit)
		if tooLong {
			// Refused whole, never cut: the user types it again.
			l.printf("\nThat line is longer than %s bytes (4 KiB), the most one line may hold; it was not used. Type it again, shorter.\n", model.Thousands(LineLimit))
			if err != nil {
				return "", errEOF
			}
			l.printf("%s", prompt)
			continue
		}
		if err != nil && s == "" {
			l.printf("\n")
			return "", errEOF
		}
		return model.Clean(s), nil
	}
}

// Run starts as asked: a home menu, a new assessment or a resume.
func (l *Line) Run(start Start) error {
	l.watchLock()
	// Like the full-screen start: check the file and keep a last good copy
	// (no room for the copy is no reason to stop).
	if _, err := l.Store.Backup(); err != nil {
		var w *store.WriteError
		var d *store.DamagedError
		switch {
		case errors.As(err, &w):
		case errors.As(err, &d) && d.Repair:
			// What is sound still reads, as the full screen's c goes on.
			l.printf("Note: %s. What is sound opens; a damaged assessment says so when opened; %s check --repair copies what is sound to a fresh file.\n", model.OneLine(err.Error()), l.cxo())
		default:
			return err
		}
	}
	var err error
	switch start.Action {
	case ActionNew:
		err = l.startNew(start.Length, start.Target)
	case ActionResume:
		err = l.resume(start.ResumeID)
	default:
		err = l.home()
	}
	if errors.Is(err, errEOF) {
		// Before any assessment was opened (an ended run says its own).
		l.printf("Input ended; nothing was started.\n")
		err = nil
	}
	if err == nil {
		err = l.outErr // the user was not shown what happened
	}
	return err
}

func (l *Line) home() error {
	list, _, err := l.Store.List()
	if err != nil {
		return err
	}
	newest, _ := store.Newest(list, false)
	open := newest.ID
	last, _ := store.Newest(list, true)
	done := last.ID // the result finished last, shown as it was kept
	qn, qd := model.Estimate(l.Bank, model.LengthQuick)
	fn, fd := model.Estimate(l.Bank, model.LengthFull)
	l.printf("cxo - CTO or CIO? a private career coach\n\n")
	for {
		l.printf("1. New quick assessment (%d items, %s)\n", qn, minutes(qd))
		l.printf("2. New full assessment (%d items, %s)\n", fn, minutes(fd))
		keys := "1, 2"
		if open != "" {
			l.printf("3. Resume %s\n", open)
			keys += ", 3"
		}
		if done != "" {
			l.printf("4. Show the result of %s, finished %s\n", done, last.Finished.Local().Format("2 January 2006"))
			keys += ", 4"
		}
		l.printf("q. Quit\n")
		s, err := l.readLine("Choose: ")
		if err != nil {
			return err
		}
		switch {
		case s == "1":
			return l.startNew(model.LengthQuick, "")
		case s == "2":
			return l.startNew(model.LengthFull, "")
		case s == "3" && open != "":
			return l.resume(open)
		case s == "4" && done != "":
			return l.showFinished(done)
		case s == "q":
			return nil
		}
		l.printf("Please type %s or q.\n", keys)
	}
}

func (l *Line) startNew(length model.Length, target model.Role) error {
	a, err := createAssessment(l.Store, l.Bank, length, target)
	if err != nil {
		return err
	}
	n, d := model.Estimate(l.Bank, length)
	l.printf("Started assessment %s: %d items, %s. Every answer is saved as you go.\n", a.ID, n, minutes(d))
	return l.run(a)
}

func (l *Line) resume(id string) error {
	if id == "" {
		list, _, err := l.Store.List()
		if err != nil {
			return err
		}
		newest, ok := store.Newest(list, false)
		if !ok {
			return errors.New(nothingToResume(list, l.Store.Path, "run "+l.cxo()+" --accessible new"))
		}
		id = newest.ID
	}
	a, began, skipped, err := openToGoOn(l.Store, l.Bank, id)
	if err != nil {
		return err
	}
	if a.Status == model.StatusFinished {
		l.printf("Assessment %s is finished, so there is nothing to resume; here is its result as it was kept.\n", a.ID)
		return l.showFinished(a.ID)
	}
	if skipped != "" {
		l.printf("Note: %s.\n", skipped)
	}
	if began != a.BankVersion {
		l.printf("This assessment began with question bank %s; it goes on with %s. Answers to items it no longer asks are kept but not scored.\n",
			began, a.BankVersion)
	}
	l.printf("Resuming %s: %s.\n", a.ID, a.Tally().Progress())
	return l.run(a)
}

// run asks the items from the cursor on. An item is printed only after the
// previous answer is committed.
func (l *Line) run(a *model.Assessment) error {
	i := min(max(a.Cursor, 0), len(a.Order))
	section := model.Layer("")
	for i < len(a.Order) {
		it, _ := l.Bank.Item(a.Order[i])
		f, _ := l.Bank.Facet(it.Facet)
		if f.Layer != section {
			section = f.Layer
			l.printf("\n%s\n%s\n", partTitle(l.Bank, a, section), sectionIntro[section].text)
		}
		l.printItem(a, i, it, f)
		shown := time.Now()
		next, err := l.ask(a, i, it, shown)
		if errors.Is(err, errEOF) || errors.Is(err, errStop) {
			how := map[bool]string{true: "Input ended", false: "Stopped"}[errors.Is(err, errEOF)]
			l.printf("%s at item %d of %d; every answer so far is saved. Resume with: %s --accessible resume %s\n",
				how, i+1, len(a.Order), l.cxo(), a.ID)
			return nil
		}
		if err != nil {
			return err
		}
		i = next
	}
	if err := l.revisit(a); err != nil {
		if errors.Is(err, errStop) || errors.Is(err, errEOF) {
			how := map[bool]string{true: "Input ended", false: "Stopped"}[errors.Is(err, errEOF)]
			l.printf("%s before finishing; every answer so far is saved. Resume with: %s --accessible resume %s\n", how, l.cxo(), a.ID)
			return nil
		}
		return err
	}
	res, err := l.Store.Finish(l.Bank, a) // scores the stored answers
	if err != nil {
		return err
	}
	l.printSummary(a, res)
	return nil
}

// revisit offers, once the last item is passed, the items skipped or left
// open, as the full-screen review does: r goes back to each in turn, and
// Enter finishes with them open. Anything else is asked again, and the end
// of input leaves the assessment open (a typo or a short script must not
// finish it with items the user meant to answer).
func (l *Line) revisit(a *model.Assessment) error {
	var open []int
	for i, id := range a.Order {
		if !a.Answers[id].Given() {
			open = append(open, i)
		}
	}
	if len(open) == 0 {
		return nil
	}
	them := plural(len(open), "it", "them")
	prompt := fmt.Sprintf("\n%d %s skipped or left open. Type r to answer %s now, or press Enter to finish without %s: ",
		len(open), plural(len(open), "item is", "items are"), them, them)
	for {
		s, err := l.readLine(prompt)
		if err != nil {
			return err
		}
		s = strings.ToLower(strings.TrimSpace(s))
		if s == "" {
			return nil
		}
		if s == "q" {
			return errStop
		}
		if s == "r" {
			break
		}
		prompt = fmt.Sprintf("Please type r to answer %s, press Enter (an empty line) to finish without %s, or q to stop here with every answer saved: ", them, them)
	}
	for _, i := range open {
		it, _ := l.Bank.Item(a.Order[i])
		f, _ := l.Bank.Facet(it.Facet)
		l.printItem(a, i, it, f)
		if _, err := l.ask(a, i, it, time.Now()); err != nil {
			return err
		}
	}
	return nil
}

func (l *Line) printItem(a *model.Assessment, i int, it model.Item, f model.Facet) {
	l.printf("\nItem %d of %d · %s · %s\n%s\n", i+1, len(a.Order), sectionName[f.Layer], f.Name, it.Text)
	for n, label := range optionLabels(it) {
		l.printf("  %d. %s\n", n+1, label)
	}
	if prev := a.Answers[it.ID]; prev.Given() {
		l.printf("  (current answer: %s)\n", model.AnswerText(it, prev))
	}
	l.printf("  %s\n", answerHint(it))
}

// noteLine reads "e TEXT" (an evidence note): ok when the line is one,
// with its text cleaned ("" for a bare e).
func noteLine(s string) (string, bool) {
	if s == "e" || s == "E" {
		return "", true
	}
	if len(s) > 2 && (s[0] == 'e' || s[0] == 'E') && s[1] == ' ' {
		return model.Clean(s[2:]), true
	}
	return "", false
}

// answerHint says which lines the item takes.
func answerHint(it model.Item) string {
	extra := "s skip, b back, g guide, e NOTE evidence, q quit"
	if it.OffersNoOpportunity() {
		extra = "o no opportunity yet, " + extra
	}
	if it.NA {
		extra = "x not applicable, " + extra
	}
	return fmt.Sprintf("Answer 1-%d, or %s.", it.Levels(), extra)
}

// ask reads lines until one is a valid answer or command; it returns the
// index to show next.
func (l *Line) ask(a *model.Assessment, i int, it model.Item, shown time.Time) (int, error) {
	for {
		s, err := l.readLine("> ")
		if err != nil {
			return i, err
		}
		if note, ok := noteLine(s); ok {
			// e TEXT keeps a one-line note of evidence with this item,
			// saved at once; the item waits for its answer.
			if note == "" {
				l.printf("Type e and the note on one line, for example: e ran the on-call rota for two years\n")
				continue
			}
			if err := model.CheckNote(note); err != nil {
				l.printf("%v; type it again, shorter.\n", err)
				continue
			}
			ans := a.Answers[it.ID]
			ans.Note = note
			if err := l.save(func() error { return l.Store.SaveAnswer(a.ID, it.ID, ans, i) }); err != nil {
				return i, fmt.Errorf("note not saved (%w); your earlier answers are safe", err)
			}
			a.Answers[it.ID] = ans
			l.printf("Note kept with item %d. %s\n", i+1, answerHint(it))
			continue
		}
		ans := model.Answer{}
		switch s = strings.ToLower(s); {
		case s == "q":
			return i, errStop
		case s == "b":
			if i == 0 {
				l.printf("This is the first item.\n")
				continue
			}
			return i - 1, l.Store.SaveCursor(a.ID, i-1)
		case s == "g":
			name, slug := model.SplitRef(it.Guide)
			text, found := "", false
			if g, ok := l.Bank.Guide(name); ok {
				text, found = g.SectionText(slug)
			}
			if found {
				l.printf("\n%s\n", plainText(text))
			} else {
				l.printf("This item names no guide section that can be shown.\n")
			}
			// After a long section, say where the reader is again.
			l.printf("Back to item %d of %d. %s\n", i+1, len(a.Order), answerHint(it))
			continue
		case s == "s":
			ans.Skipped = true
		case s == "x":
			if !it.NA {
				l.printf("This item has no \"not applicable\"; answer 1-%d or s to skip.\n", it.Levels())
				continue
			}
			ans.NA = true
		case s == "o":
			if !it.OffersNoOpportunity() {
				l.printf("\"No opportunity yet\" is for the readiness ratings; answer 1-%d or s to skip.\n", it.Levels())
				continue
			}
			ans.NoOpportunity = true
		default:
			// Numbers only: b is back here, so the full screen's letters
			// a-d would pick three options of four, and on a rating none.
			v := digit(s)
			if v < 1 || v > it.Levels() {
				allowed := ""
				if it.NA {
					allowed += "x, "
				}
				if it.OffersNoOpportunity() {
					allowed += "o, "
				}
				l.printf("Please type a number from 1 to %d, or %ss, b, g, e NOTE or q.\n", it.Levels(), allowed)
				continue
			}
			ans.Value = v
		}
		now := time.Now()
		ans.At, ans.Took = now.UTC(), model.AnswerTime(shown, now)
		ans.Note = a.Answers[it.ID].Note
		if a.Answers[it.ID].Keeps(ans) {
			ans = a.Answers[it.ID] // a skip never erases an answer
		}
		if err := l.save(func() error { return l.Store.SaveAnswer(a.ID, it.ID, ans, i+1) }); err != nil {
			return i, fmt.Errorf("not saved (%w); your earlier answers are safe, run %s --accessible resume to continue", err, l.cxo())
		}
		a.Answers[it.ID] = ans
		a.Cursor = i + 1
		return i + 1, nil
	}
}

func (l *Line) printSummary(a *model.Assessment, r model.Result) {
	l.printf("%s", summaryText(l.Bank, a, r, false))
	if r.Held {
		// The key that shows a held verdict anyway.
		// Anything but a or Enter is asked again rather than taken as "no".
		prompt := "Type a to see the verdict anyway, or press Enter to finish: "
		for {
			s, err := l.readLine(prompt)
			if err != nil || strings.TrimSpace(s) == "" {
				break
			}
			if strings.EqualFold(strings.TrimSpace(s), "a") {
				l.printf("Lean, set aside the quality checks: %s.\n  %s\n", r.Unheld, model.LeanWords(r.Lean))
				break
			}
			prompt = "Please type a to see the verdict anyway, or press Enter (an empty line) to finish: "
		}
	}
	l.printf("%s\n", model.HonestSentence)
	l.printf("Assessment id: %s (export it with: %s export %s)\n", a.ID, l.cxo(), a.ID)
}
