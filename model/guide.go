package model

import (
	"strings"
	"unicode"
)

// Guide is one reference guide: Markdown plus the sections items link to.
type Guide struct {
	Name     string // file name without .md: cto-role
	Title    string // the # heading
	Markdown string
	Sections []Section
}

// Section is a ## heading of a guide.
type Section struct {
	Slug  string
	Title string
	Line  int // 1-based line of the heading in the Markdown
}

// ParseGuide reads the title and ## sections of a Markdown guide.
func ParseGuide(name, markdown string) Guide {
	g := Guide{Name: name, Markdown: markdown}
	inFence := false
	for i, line := range strings.Split(markdown, "\n") {
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "```") {
			inFence = !inFence
			continue
		}
		if inFence {
			continue
		}
		switch {
		case strings.HasPrefix(line, "# ") && g.Title == "":
			g.Title = strings.TrimSpace(line[2:])
		case strings.HasPrefix(line, "## "):
			title := strings.TrimSpace(line[3:])
			g.Sections = append(g.Sections, Section{Slug: Slug(title), Title: title, Line: i + 1})
		}
	}
	if g.Title == "" {
		g.Title = name
	}
	return g
}

// Section returns the section with the slug.
func (g Guide) Section(slug string) (Section, bool) {
	for _, s := range g.Sections {
		if s.Slug == slug {
			return s, true
		}
	}
	return Section{}, false
}

// SectionText returns the Markdown of one section, heading included.
func (g Guide) SectionText(slug string) (string, bool) {
	s, ok := g.Section(slug)
	if !ok {
		return "", false
	}
	lines := strings.Split(g.Markdown, "\n")
	end := len(lines)
	for _, other := range g.Sections {
		if other.Line > s.Line {
			end = other.Line - 1
			break
		}
	}
	return strings.TrimSpace(strings.Join(lines[s.Line-1:end], "\n")) + "\n", true
}

// Slug turns a heading into its anchor the way GitHub does: lower case,
// letters, digits, spaces and hyphens kept, spaces turned into hyphens.
func Slug(heading string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(heading) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_':
			b.WriteRune(r)
		case r == ' ':
			b.WriteByte('-')
		}
	}
	return b.String()
}

// SplitRef splits "guide#section" into its parts.
func SplitRef(ref string) (guide, section string) {
	guide, section, _ = strings.Cut(ref, "#")
	return guide, section
}
