package ui

// showFinished prints a finished assessment's kept result (the stored
// snapshot, with the colleagues' view, as the history shows it) and how
// to export it or change an answer; the assessment stays finished.
func (l *Line) showFinished(id string) error {
	a, res, err := l.Store.LoadWithResult(l.Bank, id)
	if err != nil {
		return err
	}
	l.printSummary(a, res)
	l.printf("%s.\n", finishedHint(a.ID, l.cxo()))
	return nil
}
