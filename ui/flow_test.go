package ui

import (
	"bytes"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cxo-dev/cxo/model"
	"github.com/cxo-dev/cxo/store"
)

// rootFiles are the root model's files: they alone may name App.
var rootFiles = map[string]bool{"app.go": true, "flow.go": true, "startcheck.go": true,
	"keyqueue.go": true, "helpview.go": true, "frame.go": true, "lockwait.go": true, "signal.go": true,
	"stopped.go": true}

// The flow lives in one place: only flow.go writes the screen state, and no
// screen file takes the root model or reaches into another screen.
func TestFlowLivesInOnePlace(t *testing.T) {
	fset, files := parseUI(t)
	// The screens are App's fields whose type is a *Model struct.
	screens := map[string]bool{}
	structFields := map[string]map[string]bool{} // type name -> its fields
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			ts, ok := n.(*ast.TypeSpec)
			if !ok {
				return true
			}
			st, ok := ts.Type.(*ast.StructType)
			if !ok {
				return true
			}
			structFields[ts.Name.Name] = map[string]bool{}
			for _, fld := range st.Fields.List {
				for _, name := range fld.Names {
					structFields[ts.Name.Name][name.Name] = true
					if id, ok := fld.Type.(*ast.Ident); ok && ts.Name.Name == "App" && strings.HasSuffix(id.Name, "Model") {
						screens[name.Name] = true
					}
				}
			}
			return true
		})
	}
	if len(screens) < 8 {
		t.Fatalf("found only %d screens on App: %v", len(screens), screens)
	}
	for path, f := range files {
		name := filepath.Base(path)
		// Writes to the screen state.
		ast.Inspect(f, func(n ast.Node) bool {
			as, ok := n.(*ast.AssignStmt)
			if !ok {
				return true
			}
			for _, lhs := range as.Lhs {
				if sel, ok := lhs.(*ast.SelectorExpr); ok && sel.Sel.Name == "state" && name != "flow.go" {
					t.Errorf("%s: writes the screen state outside flow.go", fset.Position(as.Pos()))
				}
			}
			return true
		})
		if rootFiles[name] {
			continue
		}
		for _, decl := range f.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			recvType, recvName := "", ""
			if ok && fn.Recv != nil {
				recvName, recvType = receiver(fn.Recv.List[0])
			}
			ast.Inspect(decl, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.Ident:
					if n.Name == "App" {
						t.Errorf("%s: a screen file names the root model", fset.Position(n.Pos()))
					}
				case *ast.SelectorExpr:
					base, _ := n.X.(*ast.Ident)
					own := base != nil && base.Name == recvName && recvType != "App"
					if screens[n.Sel.Name] && !own {
						t.Errorf("%s: reaches into the %s screen", fset.Position(n.Pos()), n.Sel.Name)
					}
				}
				return true
			})
		}
	}
}

// parseUI parses the package's own files (tests aside), by file name.
func parseUI(t *testing.T) (*token.FileSet, map[string]*ast.File) {
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	files := map[string]*ast.File{}
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files[name] = f
	}
	return fset, files
}

func receiver(f *ast.Field) (name, typ string) {
	if len(f.Names) > 0 {
		name = f.Names[0].Name
	}
	t := f.Type
	if star, ok := t.(*ast.StarExpr); ok {
		t = star.X
	}
	if id, ok := t.(*ast.Ident); ok {
		typ = id.Name
	}
	return name, typ
}

// stateIDs name the states in the diagram.
var stateIDs = map[state]string{
	stateHome: "home", stateNew: "new", stateIntro: "intro", stateQuestion: "question", stateReview: "review",
	stateResults: "results", stateExport: "export", stateGuides: "guides", stateReader: "reader",
	stateHistory: "history", stateCompare: "compare", stateDamaged: "damaged", anyState: "any",
}

// label is a row's key and condition in words.
func (t transition) label() string {
	var parts []string
	if len(t.key.Keys()) > 0 {
		parts = append(parts, t.key.Help().Key)
	}
	if t.after != "" {
		parts = append(parts, "once "+t.after)
	}
	s := strings.Join(parts, ", ")
	if t.why != "" {
		s += " (" + t.why + ")"
	}
	return strings.TrimSpace(s)
}

// statesDoc draws docs/states.md from the flow table.
func statesDoc() string {
	var b strings.Builder
	b.WriteString("# cxo screens and the keys between them\n\n")
	b.WriteString("Generated from the transition table in `ui/flow.go` by `go test ./ui -run TestStatesDiagram -update`\n")
	b.WriteString("(`task generate`); a test fails when this file is stale. Besides the keys shown, `q` quits\n")
	b.WriteString("from any screen without a text field, `ctrl+c` from every screen, and `?` shows all keys.\n\n")
	b.WriteString("```mermaid\nstateDiagram-v2\n")
	for s := stateHome; s <= stateDamaged; s++ {
		fmt.Fprintf(&b, "    state \"%s\" as %s\n", stateNames[s], stateIDs[s])
	}
	b.WriteString("    state \"any screen\" as any\n")
	b.WriteString("    [*] --> home\n")
	for _, t := range flow {
		fmt.Fprintf(&b, "    %s --> %s : %s\n", stateIDs[t.from], stateIDs[t.to], t.label())
	}
	b.WriteString("```\n\n")
	b.WriteString("The same table as text, in the order `Update` tries the rows (the first that matches wins):\n\n")
	b.WriteString("| from | key | to | when |\n|---|---|---|---|\n")
	for _, t := range flow {
		k := ""
		if len(t.key.Keys()) > 0 {
			k = "`" + t.key.Help().Key + "`"
		}
		when := strings.TrimSpace(strings.Join([]string{t.why, map[bool]string{true: "once " + t.after}[t.after != ""]}, "; "))
		when = strings.Trim(when, "; ")
		from := stateNames[t.from]
		if t.from == anyState {
			from = "any screen"
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", from, k, stateNames[t.to], when)
	}
	return b.String()
}

// docs/states.md is drawn from the table Update uses; -update rewrites it.
func TestStatesDiagram(t *testing.T) {
	path := filepath.Join("..", "docs", "states.md")
	want := statesDoc()
	if f := flag.Lookup("update"); f != nil && f.Value.String() == "true" {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil || !bytes.Equal(got, []byte(want)) {
		t.Fatalf("docs/states.md is stale (%v): run go test ./ui -run TestStatesDiagram -update", err)
	}
	for s := stateHome; s <= stateDamaged; s++ {
		if !strings.Contains(want, "--> "+stateIDs[s]+" ") && s != stateHome {
			t.Errorf("no row leads to the %s screen", stateNames[s])
		}
	}
}

// flowFixture builds stores to start a driver from. Each kind is built
// once (every commit syncs to disk) and copied for each row.
type flowFixture struct {
	t     *testing.T
	b     *model.Bank
	built map[string]string // kind -> database file
}

// copyOf is a fresh copy of the store of a kind, built on first use.
func (f flowFixture) copyOf(kind string, build func(*store.Store)) *store.Store {
	path, ok := f.built[kind]
	if !ok {
		path = filepath.Join(f.t.TempDir(), "cxo.db")
		build(store.New(path, "test"))
		f.built[kind] = path
	}
	data, err := os.ReadFile(path)
	if err != nil {
		f.t.Fatal(err)
	}
	s := testStore(f.t)
	if err := os.WriteFile(s.Path, data, 0o600); err != nil {
		f.t.Fatal(err)
	}
	return s
}

// unfinished stores a quick assessment with its first answered items
// answered and the cursor at cursor; it returns the store.
func (f flowFixture) unfinished(answered, cursor int) *store.Store {
	return f.copyOf(fmt.Sprint("open ", answered, cursor), func(s *store.Store) { f.buildUnfinished(s, answered, cursor) })
}

func (f flowFixture) buildUnfinished(s *store.Store, answered, cursor int) {
	a := model.NewAssessment(f.b, "20261101-090000-opn", time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC), model.LengthQuick, "")
	if err := s.Create(a); err != nil {
		f.t.Fatal(err)
	}
	for i := 0; i < answered; i++ {
		if err := s.SaveAnswer(a.ID, a.Order[i], model.Answer{Value: 1, Took: time.Second}, cursor); err != nil {
			f.t.Fatal(err)
		}
	}
	if err := s.SaveCursor(a.ID, cursor); err != nil {
		f.t.Fatal(err)
	}
}

// finished stores two finished assessments (with gaps in the plan) and
// returns the store and the newer one's id.
func (f flowFixture) finished() (*store.Store, string) {
	return f.copyOf("finished", f.buildFinished), "20261002-090000-bbb"
}

func (f flowFixture) buildFinished(s *store.Store) {
	for i, n := range []string{"20261001-090000-aaa", "20261002-090000-bbb"} {
		// Full length: quick readiness is indicative and names no gaps.
		a := model.NewAssessment(f.b, n, time.Date(2026, 10, 1+i, 9, 0, 0, 0, time.UTC), model.LengthFull, "")
		if err := s.Create(a); err != nil {
			f.t.Fatal(err)
		}
		for j, oid := range a.Order {
			it, _ := f.b.Item(oid)
			a.Answers[oid] = model.Answer{Value: j%it.Levels() + 1, Took: 8 * time.Second}
			if err := s.SaveAnswer(a.ID, oid, a.Answers[oid], j+1); err != nil {
				f.t.Fatal(err)
			}
		}
		if _, err := s.Finish(f.b, a); err != nil {
			f.t.Fatal(err)
		}
	}
}

// sectionStart is the index of the first item of the second section of
// the fixture's quick assessment.
func (f flowFixture) sectionStart() int {
	a := model.NewAssessment(f.b, "20261101-090000-opn", time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC), model.LengthQuick, "")
	for i := 1; i < len(a.Order); i++ {
		if a.SectionOf(f.b, i) != a.SectionOf(f.b, i-1) {
			return i
		}
	}
	f.t.Fatal("one section only")
	return 0
}

// Every row of the flow that a key starts is driven through Update: from
// its screen, with its condition arranged, the key leads to its screen.
func TestEveryTransition(t *testing.T) {
	t.Chdir(t.TempDir()) // the export writes into the working directory
	f := flowFixture{t: t, b: testBank(t), built: map[string]string{}}
	n := len(model.NewAssessment(f.b, "x", time.Now(), model.LengthQuick, "").Order)
	k := f.sectionStart()
	start := func(s *store.Store, st Start, keys ...string) *driver {
		st.Theme = "dark"
		d := newDriver(t, s, st, 100, 30)
		d.keys(keys...)
		return d
	}
	fresh := func(keys ...string) func() *driver {
		return func() *driver { return start(testStore(t), Start{}, keys...) }
	}
	open := func(answered, cursor int, keys ...string) func() *driver {
		return func() *driver { return start(f.unfinished(answered, cursor), Start{}, keys...) }
	}
	results := func(fromHistory bool, keys ...string) func() *driver {
		return func() *driver {
			s, id := f.finished()
			if fromHistory {
				return start(s, Start{}, append([]string{"h", "enter"}, keys...)...)
			}
			return start(s, Start{Action: "resume", ResumeID: id}, keys...)
		}
	}
	damaged := func() *driver {
		path := filepath.Join(t.TempDir(), "cxo.db")
		if err := os.WriteFile(path, bytes.Repeat([]byte("not a database "), 400), 0o600); err != nil {
			t.Fatal(err)
		}
		return start(store.New(path, "test"), Start{})
	}
	// arrange, per row (from → to, condition), the way to its screen.
	arrange := map[string]func() *driver{
		"home → new assessment":                                 fresh(),
		"home → history":                                        fresh(),
		"home → guides":                                         fresh(),
		"home → review (every item passed)":                     open(n, n),
		"home → section (at a section's start)":                 open(0, 0),
		"home → question":                                       open(1, 1),
		"new assessment → home":                                 fresh("n"),
		"new assessment → section (the first section)":          fresh("n"),
		"section → question":                                    open(0, 0, "r"),
		"section → home":                                        open(0, 0, "r"),
		"section → review":                                      open(0, 0, "r"),
		"section → guide (its section)":                         open(0, 0, "r"),
		"section → question (the previous section's last item)": open(k, k, "r"),
		"question → home":                                       open(1, 1, "r"),
		"question → review":                                     open(1, 1, "r"),
		"question → guide (its section)":                        open(1, 1, "r"),
		"question → review (picked in the review)":              open(1, 1, "r", "v", "enter"),
		"question → review (the last item)":                     open(n-1, n-1, "r"),
		"question → section (a section's last item)":            open(k-1, k-1, "r"),
		"question → question":                                   open(1, 1, "r"),
		"review → question":                                     open(1, 1, "r", "v"),
		"review → results":                                      open(n, n, "r"),
		"review → results (opened from an unchanged result)":    results(false, "v"),
		"review → section (the saved item starts a section)":    open(0, 0, "r", "v"),
		"results → history (opened from the history)":           results(true),
		"results → home":                                        results(false),
		"results → export":                                      results(false),
		"results → history":                                     results(false),
		"results → review":                                      results(false),
		"results → guide (on a gap)":                            results(false, "3"),
		"results → guides":                                      results(false),
		"export → results":                                      results(false, "e"),
		"guides → guide":                                        fresh("g"),
		"guides → home (opened from home)":                      fresh("g"),
		"guides → results (opened from the results)":            results(false, "g"),
		"guide → guides (opened from the list)":                 fresh("g", "enter"),
		"guide → section (opened from a section intro)":         open(0, 0, "r", "g"),
		"guide → question (opened from a question)":             open(1, 1, "r", "g"),
		"guide → results (opened from the results)":             results(false, "3", "enter"),
		"history → results (picking one to compare)":            results(false, "c"),
		"history → home":                                        fresh("h"),
		"history → compare (picking one to compare)":            results(false, "c"),
		"history → results (a finished one)":                    results(false, "esc", "h"),
		"history → review (every item passed)":                  open(n, n, "h"),
		"history → section (at a section's start)":              open(0, 0, "h"),
		"history → question":                                    open(1, 1, "h"),
		"compare → results":                                     results(false, "c", "enter"),
		"results → invite or import":                            results(false),
		"invite or import → results":                            results(false, "i"),
		"invite or import → results (inviting)":                 func() *driver { return observed(results(false, "i", "S", "a", "m")()) },
		"invite or import → results (importing)":                func() *driver { return importing(t, observed(results(false)())) },
		"database problem → home":                               damaged,
		"database problem → home (single values damaged: what is sound still reads)": func() *driver {
			path := filepath.Join(t.TempDir(), "cxo.db")
			d := start(store.New(path, "test"), Start{Action: "new", Length: model.LengthQuick}, "enter", "1", "q")
			damageCursor(t, path, d.app.a.ID)
			return start(store.New(path, "test"), Start{})
		},
	}
	// The same key and condition may lead from one screen by two rows
	// (the question's → and its answer keys): each row is driven.
	seen := map[string]bool{}
	for _, row := range flow {
		if len(row.key.Keys()) == 0 {
			continue
		}
		name := stateNames[row.from] + " → " + stateNames[row.to]
		if row.why != "" {
			name += " (" + row.why + ")"
		}
		id := name + " by " + row.key.Help().Key
		if seen[id] {
			t.Errorf("two rows read %q", id)
		}
		seen[id] = true
		t.Run(id, func(t *testing.T) {
			do, ok := arrange[name]
			if !ok {
				t.Fatalf("no arrangement for the row %q: add one to TestEveryTransition", name)
			}
			d := do()
			if d.app.state != row.from {
				t.Fatalf("arranged on the %s screen, want %s (status %q)", stateNames[d.app.state], stateNames[row.from], d.app.status)
			}
			d.keys(row.key.Keys()[0])
			if d.app.state != row.to {
				t.Fatalf("%s led to the %s screen, want %s (status %q)\n%s", row.key.Keys()[0], stateNames[d.app.state], stateNames[row.to], d.app.status, d.screen())
			}
		})
	}
}

// Handlers match keys through key.Matches and the screens' keymaps only:
// no key's text is compared or switched on (outside line mode, which reads
// lines, not keys).
func TestHandlersMatchThroughKeymaps(t *testing.T) {
	fset, files := parseUI(t)
	keyText := func(e ast.Expr) bool {
		call, ok := e.(*ast.CallExpr)
		if !ok {
			return false
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok {
			return false
		}
		id, _ := sel.X.(*ast.Ident)
		return sel.Sel.Name == "String" && id != nil && id.Name == "msg"
	}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.BinaryExpr:
				if keyText(n.X) || keyText(n.Y) {
					t.Errorf("%s: compares a key's text; match a keymap binding", fset.Position(n.Pos()))
				}
			case *ast.SwitchStmt:
				if n.Tag != nil && keyText(n.Tag) {
					t.Errorf("%s: switches on a key's text; match keymap bindings", fset.Position(n.Pos()))
				}
			}
			return true
		})
	}
}
