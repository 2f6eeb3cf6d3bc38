package assets

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// HangBullets re-wraps glamour's bullet items so their wrapped lines
// continue under the item's text, not under the bullet, within width
// columns. glamour wraps an item as one paragraph starting at the bullet;
// this runs after it, on the styled text, in internal/rendergen and in the
// freshness test alike.
func HangBullets(rendered string, width int) string {
	lines := strings.Split(rendered, "\n")
	var out []string
	for i := 0; i < len(lines); i++ {
		indent, ok := bulletIndent(lines[i])
		if !ok {
			out = append(out, lines[i])
			continue
		}
		// The item: its bullet line and the lines glamour wrapped it onto,
		// at the same indent, up to a blank line or the next item.
		item := []string{visible(lines[i])}
		j := i + 1
		for ; j < len(lines); j++ {
			plain := ansi.Strip(lines[j])
			rest := strings.TrimLeft(plain, " ")
			if strings.TrimSpace(plain) == "" || len(plain)-len(rest) != indent || strings.HasPrefix(rest, "• ") {
				break
			}
			item = append(item, ansi.TruncateLeft(visible(lines[j]), indent, ""))
		}
		if len(item) == 1 {
			out = append(out, lines[i])
			continue
		}
		head := ansi.Cut(item[0], 0, indent+2) // the indent and "• "
		text := strings.Join(append([]string{ansi.TruncateLeft(item[0], indent+2, "")}, item[1:]...), " ")
		wrapped := strings.Split(ansi.Wrap(text, max(width-indent-2, 10), ""), "\n")
		pad := strings.Repeat(" ", indent+2)
		out = append(out, head+wrapped[0])
		for _, w := range wrapped[1:] {
			out = append(out, pad+w)
		}
		i = j - 1
	}
	return strings.Join(out, "\n")
}

// bulletIndent is the column a bullet item's "• " starts at.
func bulletIndent(line string) (int, bool) {
	plain := ansi.Strip(line)
	rest := strings.TrimLeft(plain, " ")
	if !strings.HasPrefix(rest, "• ") {
		return 0, false
	}
	return len(plain) - len(rest), true
}

// visible is a styled line without the spaces glamour pads it with.
func visible(line string) string {
	return ansi.Truncate(line, ansi.StringWidth(strings.TrimRight(ansi.Strip(line), " ")), "")
}
