package model

// Keeps reports whether answer a stands when next is given for the same
// item: a skip is not an answer and never erases one. The TUI, line mode
// and the store all ask this one rule (the store too, for an answer another
// cxo process gave after this one loaded).
func (a Answer) Keeps(next Answer) bool { return next.Skipped && a.Given() }
