package ui

import "strings"

// plainText turns a guide section's Markdown into text a screen reader reads
// without symbols: no heading marks, emphasis stars or code ticks.
func plainText(md string) string {
	var b strings.Builder
	var header []string
	for _, line := range strings.Split(md, "\n") {
		// Table rows are read as "column: cell" pairs.
		if strings.HasPrefix(line, "|") {
			cells := tableCells(line)
			switch {
			case header == nil:
				header = cells
			case strings.HasPrefix(strings.TrimSpace(cells[0]), "---"):
			default:
				var parts []string
				for i, c := range cells {
					if i < len(header) && header[i] != "" && header[i] != "#" {
						c = header[i] + ": " + c
					}
					parts = append(parts, c)
				}
				b.WriteString(strings.Join(parts, "; ") + "\n")
			}
			continue
		}
		header = nil
		line = strings.TrimLeft(line, "#")
		if strings.HasPrefix(line, " ") && !strings.HasPrefix(line, "  ") {
			line = strings.TrimSpace(line)
		}
		line = strings.NewReplacer("**", "", "__", "", "`", "").Replace(line)
		b.WriteString(line + "\n")
	}
	return strings.TrimSpace(b.String())
}

func tableCells(line string) []string {
	line = strings.Trim(strings.TrimSpace(line), "|")
	cells := strings.Split(line, "|")
	for i := range cells {
		cells[i] = strings.TrimSpace(cells[i])
	}
	return cells
}
