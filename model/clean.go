package model

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Text from outside cxo (a custom bank, a note the user typed, an id or a
// path on the command line, a stored record) is cleaned before it reaches
// a terminal or a document: escape sequences could set the window title,
// clear the screen, plant a hyperlink to anywhere or recolour what follows,
// and bidi controls could make text read differently from what it is.
// Clean, CleanLines and Escaped are the one place this is decided.

// IsControl reports whether r is a character cxo never prints: C0 controls
// (ESC and BEL among them), DEL, C1 controls, the bidi embeddings,
// overrides and isolates, the directional marks, and the line and
// paragraph separators.
func IsControl(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0:
		return true
	case r == 0x061c, r == 0x200e, r == 0x200f, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true // bidi marks, embeddings, overrides and isolates
	case r == 0x2028, r == 0x2029:
		return true
	}
	return false
}

// HasControl reports whether s holds a character Clean would drop; it
// names the first one as it would be written in Go ("\x1b", "\u202e").
func HasControl(s string) (string, bool) {
	for _, r := range s {
		if IsControl(r) {
			return escapeRune(r), true
		}
	}
	return "", false
}

// Clean removes control characters (escape sequences whole) from text,
// so it cannot drive a terminal or break a document, and keeps it to one
// line: line breaks and tabs become spaces, so the words on either side
// stay apart. Invalid UTF-8 becomes U+FFFD (a lone 0x9b byte is CSI to
// some terminals).
func Clean(s string) string { return clean(s, false, false) }

// CleanLines is Clean for text of several lines: line breaks are kept
// (a CR LF becomes one LF) and the text is not trimmed.
func CleanLines(s string) string { return clean(s, true, false) }

// CleanStyled is CleanLines for a styled frame: colour and attribute
// sequences (SGR, ESC [ ... m) are kept, every other sequence goes. It is
// the last step of the full-screen view, so nothing a bank or a record
// holds can reach the terminal as a command, whichever path it took.
func CleanStyled(s string) string { return clean(s, true, true) }

func clean(s string, lines, sgr bool) string {
	var b strings.Builder
	b.Grow(len(s))
	space := func() {
		if str := b.String(); str != "" && !strings.HasSuffix(str, " ") && !strings.HasSuffix(str, "\n") {
			b.WriteByte(' ')
		}
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == 0x1b:
			n := escapeLen(s[i:])
			if sgr && isSGR(s[i:i+n]) {
				b.WriteString(s[i : i+n])
			}
			i += n
			continue
		case lines && r == '\n':
			b.WriteByte('\n')
		case lines && r == '\r' && strings.HasPrefix(s[i+1:], "\n"):
		case r == '\n' || r == '\r' || r == '\t' || r == 0x2028 || r == 0x2029:
			space()
		case IsControl(r):
		default:
			b.WriteRune(r)
		}
		i += size
	}
	if lines {
		return b.String()
	}
	return strings.TrimSpace(b.String())
}

// Escaped shows s with its control characters written out as Go escapes
// ("id\x1b[2J" rather than an id that clears the screen), for an error
// that must show what was typed. The rest of s is kept as it is.
func Escaped(s string) string {
	var b strings.Builder
	for _, r := range s {
		if IsControl(r) {
			b.WriteString(escapeRune(r))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func escapeRune(r rune) string {
	if r < 0x100 {
		return fmt.Sprintf(`\x%02x`, r)
	}
	return fmt.Sprintf(`\u%04x`, r)
}

// isSGR reports whether seq, a whole escape sequence, only sets colours
// and attributes.
func isSGR(seq string) bool {
	if len(seq) < 3 || seq[1] != '[' || seq[len(seq)-1] != 'm' {
		return false
	}
	for i := 2; i < len(seq)-1; i++ {
		if c := seq[i]; (c < '0' || c > '9') && c != ';' && c != ':' {
			return false
		}
	}
	return true
}

// escapeLen measures an ANSI escape sequence starting at s[0] == ESC.
func escapeLen(s string) int {
	if len(s) < 2 {
		return len(s)
	}
	switch s[1] {
	case '[': // CSI: parameters then a final byte 0x40-0x7e
		for i := 2; i < len(s); i++ {
			if s[i] >= 0x40 && s[i] <= 0x7e {
				return i + 1
			}
		}
		return len(s)
	case ']', 'P', '_', '^', 'X': // OSC, DCS, APC, PM, SOS: up to BEL or ST
		for i := 2; i < len(s); i++ {
			if s[i] == 0x07 {
				return i + 1
			}
			if s[i] == 0x1b && i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
		}
		return len(s)
	}
	return 2
}

// md escapes text for a Markdown paragraph or table cell.
func md(s string) string { return mdEscaper.Replace(Clean(s)) }

var mdEscaper = strings.NewReplacer(`\`, `\\`, "|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`", "<", "&lt;", ">", "&gt;", "[", `\[`, "]", `\]`, "#", `\#`)
