package ui

import (
	"github.com/cxo-dev/cxo/model"
	"github.com/cxo-dev/cxo/store"
)

// nothingToResume says why there is nothing to resume in the database at
// path, and what to do instead (start: "press n", "run cxo new"). An empty
// database is not "every assessment is finished".
func nothingToResume(list []store.Summary, path, start string) string {
	if len(list) == 0 {
		return "nothing to resume: no assessment is saved in " + model.Escaped(path) + " yet; " + start + " to start one"
	}
	return "nothing to resume: every assessment in " + model.Escaped(path) + " is finished; " + start + " to start a new one"
}

// finishedHint says, under a finished assessment's result in line mode,
// how to export it and how to change an answer (cxo is the command with
// its --db and --bank).
func finishedHint(id, cxo string) string {
	return "It stays finished (export it with " + cxo + " export " + model.Escaped(id) + "); to change an answer, open it full screen with " +
		cxo + " resume " + model.Escaped(id) + " (v there opens the review); " + cxo + " --accessible new starts a new one"
}

// finishedShown is the full-screen note when cxo resume names a finished
// assessment: its result shows instead.
const finishedShown = "this assessment is finished, so there is nothing to resume: here is its result; v opens the review, where answers can be changed, e exports it"
