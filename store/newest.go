package store

import "github.com/cxo-dev/cxo/model"

// Newest is the assessment finished last, or, when finished is false, the
// unfinished one started last (list is newest first, as List gives it). It
// is the one
// definition of what "cxo resume" and "cxo export" pick without an id, what
// the home screen's Resume opens and what line mode offers.
func Newest(list []Summary, finished bool) (Summary, bool) {
	var best Summary
	found := false
	for _, s := range list {
		if (s.Status == model.StatusFinished) != finished {
			continue
		}
		// Unfinished: the one started last (list order). Finished: the
		// one finished last, so the result just seen is the one exported;
		// a tie keeps list order.
		if !found || finished && s.Finished.After(best.Finished) {
			best, found = s, true
		}
		if !finished {
			break
		}
	}
	return best, found
}
