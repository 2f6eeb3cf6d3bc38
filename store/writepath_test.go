package store

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// Every write to the database goes through Store.update, which runs the
// write guard (verify) first: a command added later cannot write to a
// file the check calls damaged. This reads the package's source and finds
// every place that could open a write transaction or open the file.
func TestOneGuardedWritePath(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	allowed := map[string][]string{
		"Update":  {"update", "upgrade", "copySound"}, // upgrade runs inside update; copySound fills the fresh file of a repair
		"Batch":   {},
		"Begin":   {"copyDB"},                                   // copyDB fills the fresh file of a scrub, after scrub's verify
		"Open":    {"openWithFile", "copySound", "compactOver"}, // bolt.Open; compactOver opens the scrub's fresh file
		"upgrade": {"update"},
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		pkgs := map[string]bool{}
		for _, imp := range f.Imports {
			p := strings.Trim(imp.Path.Value, `"`)
			pkgs[p[strings.LastIndex(p, "/")+1:]] = true
			if imp.Name != nil {
				pkgs[imp.Name.Name] = true
			}
		}
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Body == nil {
				continue
			}
			ast.Inspect(fn.Body, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				sel, ok := call.Fun.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				method := sel.Sel.Name
				x, isIdent := sel.X.(*ast.Ident)
				switch {
				case method == "Open" && (!isIdent || x.Name != "bolt"):
					return true // os.Open and the like read, they do not write
				case method != "Open" && isIdent && pkgs[x.Name]:
					return true // crc32.Update and the like
				}
				if ok := allowed[method]; ok != nil || method == "Batch" || method == "Begin" {
					if !slices.Contains(allowed[method], fn.Name.Name) {
						t.Errorf("%s: %s calls %s; every write must go through Store.update", fset.Position(call.Pos()), fn.Name.Name, method)
					}
				}
				return true
			})
		}
	}
}
