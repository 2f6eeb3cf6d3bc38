package model

// Items that took over from an older item keep the older answers' meaning.
// In bank 2026.11-2 each two-option choice became a five-point preference
// between the same two statements, in the same order, under a new id (the
// old id would have let an old "2" - the second statement - read as
// "somewhat the first"). An answer stored under the old id reads as the
// extreme of the preference on the side it chose. Stored answers are never
// rewritten: the mapping is applied whenever they are read.

import "slices"

// ReplacedBy returns the item that took over from the old id, if any.
func (b *Bank) ReplacedBy(oldID string) (Item, bool) {
	i, ok := b.replaced[oldID]
	if !ok {
		return Item{}, false
	}
	if i >= len(b.Items) {
		return b.Retired[i-len(b.Items)], true
	}
	return b.Items[i], true
}

// fromReplaced reads an answer given to the replaced two-option choice as
// an answer to the preference that replaced it.
func fromReplaced(ans Answer) (Answer, bool) {
	switch {
	case ans.NA || ans.NoOpportunity || ans.Skipped || !ans.Given():
		return ans, true
	case ans.Value == 1:
		return ans, true
	case ans.Value == 2:
		ans.Value = 5
		return ans, true
	}
	return Answer{}, false
}

// Resolve finds the bank item an id of an assessment's order stands for and
// the answer that counts for it: its own answer, or the mapped answer to the
// item it replaced when it has none of its own.
func (b *Bank) Resolve(id string, answers map[string]Answer) (Item, Answer, bool) {
	if it, ok := b.Item(id); ok {
		ans := answers[id]
		if !ans.Given() && it.Replaces != "" {
			if old, ok := fromReplaced(answers[it.Replaces]); ok && old.Given() {
				return it, old, true
			}
		}
		return it, ans, true
	}
	if it, ok := b.ReplacedBy(id); ok {
		if own := answers[it.ID]; own.Given() {
			return it, own, true
		}
		ans, ok := fromReplaced(answers[id])
		return it, ans, ok
	}
	return Item{}, Answer{}, false
}

// AdoptReplaced puts each replacing item in the place of the item it
// replaced in the order, and, in memory only, gives it the mapped answer
// when it has none: the question screens then show the old answer where
// the user left it. Nothing stored under the old id changes.
func (a *Assessment) AdoptReplaced(b *Bank) bool {
	changed := false
	for i, id := range a.Order {
		if _, ok := b.Item(id); ok {
			continue
		}
		it, ok := b.ReplacedBy(id)
		if !ok || slices.Contains(a.Order, it.ID) {
			continue
		}
		a.Order[i] = it.ID
		changed = true
	}
	for _, it := range append(append([]Item{}, b.Items...), b.Retired...) {
		if it.Replaces == "" || a.Answers[it.ID].Given() {
			continue
		}
		if old, ok := fromReplaced(a.Answers[it.Replaces]); ok && old.Given() {
			a.Answers[it.ID] = old
		}
	}
	return changed
}
