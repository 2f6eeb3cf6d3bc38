package store

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/cxo-dev/cxo/model"
)

// ShellQuote quotes s for a POSIX shell when it needs quoting, so a path
// in a hint can be pasted as it is.
func ShellQuote(s string) string {
	if _, ok := model.HasControl(s); ok {
		return ansiQuote(s) // written out, so the hint stays one line
	}
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("_-./+,:@%=~", r))
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// ansiQuote quotes s as $'...' (bash, zsh, ksh and POSIX.1-2024 shells)
// with its control characters written as \xHH or \uHHHH, so a path that
// holds a line break or an escape sequence stays one visible line in a
// hint and still names the same file when pasted.
func ansiQuote(s string) string {
	var b strings.Builder
	b.WriteString("$'")
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			fmt.Fprintf(&b, `\x%02x`, s[i]) // a byte that is not UTF-8, kept as it is
			i++
			continue
		}
		i += size
		switch {
		case r == '\'' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case model.IsControl(r) && r < 0x80:
			fmt.Fprintf(&b, `\x%02x`, r)
		case model.IsControl(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteString("'")
	return b.String()
}
