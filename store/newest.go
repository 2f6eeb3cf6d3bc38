package store

import "github.com/cxo-dev/cxo/model"

// Newest is the newest assessment of a list (newest first, as List gives
// it) that is finished, or unfinished when finished is false. It is the one
// definition of what "cxo resume" and "cxo export" pick without an id, what
// the home screen's Resume opens and what line mode offers.
func Newest(list []Summary, finished bool) (Summary, bool) {
	for _, s := range list {
		if (s.Status == model.StatusFinished) == finished {
			return s, true
		}
	}
	return Summary{}, false
}
