package model

import (
	"fmt"
	"unicode/utf8"
)

// NoteLimit is the most characters an evidence note holds: room for a
// paragraph of evidence, and a bound on what one answer can make the
// database, an export and the screen carry.
const NoteLimit = 2000

// CheckNote refuses a note longer than NoteLimit, naming the limit; a note
// is never cut to fit.
func CheckNote(note string) error {
	if n := utf8.RuneCountInString(note); n > NoteLimit {
		return fmt.Errorf("the note is %s characters; a note holds at most %s, so it was not kept", Thousands(n), Thousands(NoteLimit))
	}
	return nil
}

// Thousands writes n with a comma between thousands (2,000).
func Thousands(n int) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return "-" + Thousands(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
