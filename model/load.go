package model

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Problem is one thing wrong with a bank file, with where it is.
type Problem struct {
	File string
	Line int
	Msg  string
}

// String is the problem as one line, with any control character in the
// file name or the bank's text written out (\x1b), never sent raw.
func (p Problem) String() string {
	if p.Line > 0 {
		return Escaped(fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Msg))
	}
	return Escaped(fmt.Sprintf("%s: %s", p.File, p.Msg))
}

// Problems is every problem found in a bank; it is the error LoadBank returns.
type Problems []Problem

func (ps Problems) Error() string {
	if len(ps) == 0 {
		return "no problems"
	}
	if len(ps) == 1 {
		return ps[0].String()
	}
	return fmt.Sprintf("%s (and %d more problems)", ps[0].String(), len(ps)-1)
}

// Source is one file the bank is built from.
type Source struct {
	Name string // shown in problems: a path or assets/bank.yaml
	Data []byte
	// Lent marks cxo's own plan serving a user's bank: the user does not
	// have the file, so where it and the bank disagree the problem is the
	// bank's, reported at the facet's line, and plans for facets the bank
	// leaves out are not used.
	Lent bool
}

// LoadBank parses and validates a bank against its plan and guides. It
// returns every problem it finds, not only the first.
func LoadBank(bank, plan Source, guides []Guide) (*Bank, error) {
	l := &loader{file: bank.Name}
	b := &Bank{Guides: guides}
	l.parseBank(bank.Data, b)
	// Unknown or repeated fields are reported but do not stop the rules
	// being checked, so one misspelt key does not hide every other problem.
	if l.fatal == 0 {
		b.index()
		l.validate(b)
	}
	if plan.Data != nil {
		pl := &loader{file: plan.Name}
		if plan.Lent {
			pl.borrower = l
		}
		b.Plan = pl.parsePlan(plan.Data, b)
		l.problems = append(l.problems, pl.problems...)
		if pl.fatal == 0 && l.fatal == 0 {
			for _, f := range b.Facets {
				if _, ok := b.Plan[f.ID]; !ok && f.ID != "" {
					l.addf(f.Line, "facet %s has no development plan: a bank draws on the plan in %s, which has no actions for it (use one of its facet ids)", f.ID, plan.Name)
				}
			}
		}
	}
	if len(l.problems) > 0 {
		sort.SliceStable(l.problems, func(i, j int) bool {
			if l.problems[i].File != l.problems[j].File {
				return l.problems[i].File < l.problems[j].File
			}
			return l.problems[i].Line < l.problems[j].Line
		})
		return nil, l.problems
	}
	return b, nil
}

type loader struct {
	file     string
	problems Problems
	fatal    int // problems after which the rules cannot be checked
	// borrower is the user's bank a lent plan serves (see Source.Lent).
	borrower *loader
}

// addf records a problem that leaves the bank's shape unknown.
func (l *loader) addf(line int, format string, args ...any) {
	l.softf(line, format, args...)
	l.fatal++
}

// softf records a problem the rest of the file can be checked past.
func (l *loader) softf(line int, format string, args ...any) {
	l.problems = append(l.problems, Problem{File: l.file, Line: max(line, 1), Msg: fmt.Sprintf(format, args...)})
}

var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// root decodes the document and returns its top mapping.
func (l *loader) root(data []byte) *yaml.Node {
	if l.rawControls(data) {
		return nil
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line := 0
		msg := err.Error()
		// yaml errors read "yaml: line N: ..."; keep the line as ours.
		if m := regexp.MustCompile(`line (\d+): (.*)`).FindStringSubmatch(msg); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = m[2]
		}
		l.addf(line, "not valid YAML: %s", strings.TrimPrefix(msg, "yaml: "))
		return nil
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		l.addf(1, "expected a mapping at the top level")
		return nil
	}
	return doc.Content[0]
}

// fields walks a mapping node, calling fn with each key, its value and line.
func (l *loader) fields(n *yaml.Node, what string, known []string, fn func(key string, v *yaml.Node)) {
	if n.Kind != yaml.MappingNode {
		l.addf(n.Line, "%s: expected a mapping", what)
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if seen[k.Value] {
			l.softf(k.Line, "%s: %q given twice", what, k.Value)
			continue
		}
		seen[k.Value] = true
		ok := false
		for _, kn := range known {
			if kn == k.Value {
				ok = true
			}
		}
		if !ok {
			l.softf(k.Line, "%s: unknown field %q", what, k.Value)
			continue
		}
		fn(k.Value, v)
	}
}

// lineBreaksTabs drops the two control characters bank text may hold.
// Built once: building it for every field was half the bank's parse time,
// which the first frame shares the CPU with.
var lineBreaksTabs = strings.NewReplacer("\n", "", "\t", "")

func (l *loader) str(v *yaml.Node, what string) string {
	if v.Kind != yaml.ScalarNode {
		l.addf(v.Line, "%s: expected text", what)
		return ""
	}
	// Bank text is shown as it is, on a terminal: an escape sequence in it
	// could retitle the window, clear the screen or plant a link, and a
	// bidi override could make it read as something else.
	if c, bad := HasControl(lineBreaksTabs.Replace(v.Value)); bad {
		l.softf(v.Line, "%s \"%s\" holds the control character %s; bank text may hold no escape sequences, control or bidi characters", what, Escaped(v.Value), c)
	}
	return strings.TrimSpace(v.Value)
}

func (l *loader) boolean(v *yaml.Node, what string) bool {
	var b bool
	if v.Kind != yaml.ScalarNode || v.Decode(&b) != nil {
		l.addf(v.Line, "%s: expected true or false", what)
	}
	return b
}

func (l *loader) integer(v *yaml.Node, what string) (int, bool) {
	var n int
	if v.Kind != yaml.ScalarNode || v.Decode(&n) != nil {
		l.addf(v.Line, "%s: expected a whole number", what)
		return 0, false
	}
	return n, true
}

func (l *loader) seq(v *yaml.Node, what string) []*yaml.Node {
	if v.Kind != yaml.SequenceNode {
		l.addf(v.Line, "%s: expected a list", what)
		return nil
	}
	return v.Content
}

func (l *loader) parseBank(data []byte, b *Bank) {
	top := l.root(data)
	if top == nil {
		return
	}
	var facets, items, retired *yaml.Node
	l.fields(top, "bank", []string{"version", "facets", "items", "retired"}, func(k string, v *yaml.Node) {
		switch k {
		case "version":
			b.Version = l.str(v, "version")
		case "facets":
			facets = v
		case "items":
			items = v
		case "retired":
			retired = v
		}
	})
	if b.Version == "" {
		l.addf(top.Line, "bank: missing version")
	}
	if facets == nil {
		l.addf(top.Line, "bank: missing facets")
	} else {
		for _, n := range l.seq(facets, "facets") {
			b.Facets = append(b.Facets, l.parseFacet(n))
		}
	}
	if items == nil {
		l.addf(top.Line, "bank: missing items")
	} else {
		for _, n := range l.seq(items, "items") {
			b.Items = append(b.Items, l.parseItem(n))
		}
	}
	if retired != nil {
		for _, n := range l.seq(retired, "retired") {
			it := l.parseItem(n)
			it.Retired = true
			b.Retired = append(b.Retired, it)
		}
	}
}

func (l *loader) parseFacet(n *yaml.Node) Facet {
	f := Facet{Line: n.Line}
	l.fields(n, "facet", []string{"id", "name", "layer", "group", "cto", "cio", "guide", "expect", "reason"}, func(k string, v *yaml.Node) {
		switch k {
		case "id":
			f.ID = l.str(v, "facet id")
		case "name":
			f.Name = l.str(v, "facet name")
		case "layer":
			f.Layer = Layer(l.str(v, "facet layer"))
		case "group":
			f.Group = l.str(v, "facet group")
		case "cto":
			f.CTO = l.str(v, "facet cto")
		case "cio":
			f.CIO = l.str(v, "facet cio")
		case "guide":
			f.Guide = l.str(v, "facet guide")
		case "reason":
			f.Reason = l.str(v, "facet reason")
		case "expect":
			f.Expect = map[Role]int{}
			l.fields(v, "facet expect", []string{"cto", "cio"}, func(k string, v *yaml.Node) {
				if n, ok := l.integer(v, "expect "+k); ok {
					if n < 0 || n > 100 {
						l.addf(v.Line, "expect %s: %d is outside 0-100", k, n)
					}
					f.Expect[Role(k)] = n
				}
			})
		}
	})
	return f
}

func (l *loader) parseItem(n *yaml.Node) Item {
	it := Item{Line: n.Line, lines: map[string]int{}}
	l.fields(n, "item", []string{"id", "facet", "format", "text", "reverse", "pair", "quick", "na", "guide", "options", "anchors", "scale", "replaces", "observer", "industry", "chance", "successor"}, func(k string, v *yaml.Node) {
		it.lines[k] = v.Line
		switch k {
		case "id":
			it.ID = l.str(v, "item id")
		case "facet":
			it.Facet = l.str(v, "item facet")
		case "format":
			it.Format = Format(l.str(v, "item format"))
		case "text":
			it.Text = l.str(v, "item text")
		case "reverse":
			it.Reverse = l.boolean(v, "reverse")
		case "pair":
			it.Pair = l.str(v, "pair")
		case "scale":
			it.Scale = Role(l.str(v, "scale"))
		case "replaces":
			it.Replaces = l.str(v, "replaces")
		case "observer":
			it.Observer = l.str(v, "observer wording")
		case "industry":
			it.Industry = l.str(v, "industry")
		case "chance":
			it.Chance = l.str(v, "chance")
		case "successor":
			it.Successor = l.str(v, "successor")
		case "quick":
			it.Quick = l.boolean(v, "quick")
		case "na":
			it.NA = l.boolean(v, "na")
		case "guide":
			it.Guide = l.str(v, "item guide")
		case "options":
			for _, o := range l.seq(v, "options") {
				it.Options = append(it.Options, l.parseOption(o))
			}
			if it.Options == nil {
				it.Options = []Option{}
			}
		case "anchors":
			it.Anchors = map[int]string{}
			if v.Kind != yaml.MappingNode {
				l.addf(v.Line, "anchors: expected a mapping of levels 1 to 5")
				return
			}
			for i := 0; i+1 < len(v.Content); i += 2 {
				lk, lv := v.Content[i], v.Content[i+1]
				level, err := strconv.Atoi(lk.Value)
				if err != nil || level < 1 || level > 5 {
					l.addf(lk.Line, "anchors: level %q is not 1 to 5", lk.Value)
					continue
				}
				it.Anchors[level] = l.str(lv, "anchor")
			}
		}
	})
	return it
}

func (l *loader) parseOption(n *yaml.Node) Option {
	o := Option{Score: noScore, line: n.Line}
	l.fields(n, "option", []string{"text", "score"}, func(k string, v *yaml.Node) {
		switch k {
		case "text":
			o.Text = l.str(v, "option text")
		case "score":
			if s, ok := l.integer(v, "option score"); ok {
				o.Score = s
			}
		}
	})
	return o
}

// noScore marks an option whose score was not given.
const noScore = -1000

// rawControls reports each line that holds a control character as it is
// (not written as a YAML escape): the YAML parser would name only line 1,
// or read a C1 NEL as a line break. Tabs and line ends are text.
func (l *loader) rawControls(data []byte) bool {
	found := false
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSuffix(line, "\r")
		if c, bad := HasControl(strings.ReplaceAll(line, "\t", "")); bad {
			l.addf(i+1, "holds the control character %s; bank text may hold no escape sequences, control or bidi characters", c)
			found = true
		}
	}
	return found
}
