package ui

import (
	"fmt"

	"github.com/cxo-dev/cxo/model"
)

// StoppedLine is what the full-screen program says once it has ended with
// an assessment open and not finished, as the line mode and cxo rate do:
// where it stopped, that every answer is saved, and the exact command that
// goes on (command is "cxo" with the --db and --bank given). It is "" when
// no assessment was open.
func (m *App) StoppedLine(command string) string {
	if !m.assessmentOpen() {
		return ""
	}
	a := m.a
	where := fmt.Sprintf("at item %d of %d", m.question.index+1, len(a.Order))
	if m.state == stateReview || m.question.index >= len(a.Order) {
		where = "at the review (" + a.Tally().Progress() + ")"
	}
	return model.CleanLines(fmt.Sprintf("Stopped %s; every answer so far is saved. Resume with: %s resume %s", where, command, a.ID))
}

// assessmentOpen: an unfinished assessment is on show, or a guide opened
// from one of its items.
func (m *App) assessmentOpen() bool {
	if m.a == nil || m.a.Status == model.StatusFinished {
		return false
	}
	from := m.state
	for range 2 { // the reader, from the list, from a question
		if from != stateGuides && from != stateReader {
			break
		}
		from = m.openedBy[from].from
	}
	switch from {
	case stateIntro, stateQuestion, stateReview:
		return true
	}
	return false
}
