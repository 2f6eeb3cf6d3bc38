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
