package store

import (
	"sort"
	"strings"
)

// sortNewestFirst orders a list the way list, export and resume read it:
// newest first by the time each assessment was started, which is stored
// to the nanosecond. The id only breaks ties: ids carry the start time to
// the second and a random suffix, so within one second they would order
// at random. Records written before sub-second times were kept (or two
// starts in the same instant) tie on Started and fall back to the id, so
// the order is the same on every call.
func sortNewestFirst(list []Summary) {
	sort.SliceStable(list, func(i, j int) bool {
		a, b := list[i].Started, list[j].Started
		if !a.Equal(b) {
			return a.After(b)
		}
		return strings.Compare(list[i].ID, list[j].ID) > 0
	})
}
