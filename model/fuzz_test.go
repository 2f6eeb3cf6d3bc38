package model

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fuzzGuides are the real guides (read from ../assets, since this package
// cannot import assets) plus the two tiny test guides.
func fuzzGuides(f *testing.F) []Guide {
	f.Helper()
	paths, err := filepath.Glob("../assets/guides/*.md")
	if err != nil || len(paths) == 0 {
		f.Fatalf("no guides in ../assets/guides: %v", err)
	}
	guides := testGuides()
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		guides = append(guides, ParseGuide(strings.TrimSuffix(filepath.Base(p), ".md"), string(data)))
	}
	return guides
}

// FuzzLoadBank: whatever the bytes, LoadBank never panics and returns
// either a bank or a non-empty list of problems; a bank it accepts can be
// ordered and scored without panicking and with numbers in range.
func FuzzLoadBank(f *testing.F) {
	embedded, err := os.ReadFile("../assets/bank.yaml")
	if err != nil {
		f.Fatal(err)
	}
	guides := fuzzGuides(f)
	for _, seed := range []string{
		string(embedded),
		testBankYAML,
		"",
		"version: 1\n",
		"- a\n- b\n",
		"version: x\nfacets: 3\nitems: {a: b}\n",
		"version: x\nfacets:\n  - id: a\n    layer: lean\n    expect: [1, 2]\nitems:\n  - id: a\n    facet: a\n    format: choice\n    options: [{score: 9}, {text: t, score: x}, 3]\n    anchors: {x: 1, 9: [a]}\n",
		"version: &v x\nfacets: *v\nitems: [*v]\n",
		"version: x\nfacets:\n  - {id: a, name: A, layer: lean, group: orientation, cto: a, cio: b, guide: g}\nitems:\n  - {id: a, facet: a, format: likert, text: t, pair: a, quick: true, guide: g}\n",
		"version: \"x\nfacets: [\n",
		"\t- bad indent\n",
		"version: x\nversion: y\n<<: {a: 1}\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := LoadBank(Source{Name: "fuzz.yaml", Data: data}, Source{}, guides)
		if err != nil {
			ps, ok := err.(Problems)
			if !ok || len(ps) == 0 {
				t.Fatalf("error %T %v is not a non-empty Problems", err, err)
			}
			if b != nil {
				t.Fatalf("a bank came back with problems")
			}
			for _, p := range ps {
				if p.Msg == "" || p.File != "fuzz.yaml" || p.Line < 0 {
					t.Fatalf("malformed problem %+v", p)
				}
			}
			return
		}
		if b == nil {
			t.Fatal("no bank and no problems")
		}
		for _, length := range []Length{LengthFull, LengthQuick} {
			a := NewAssessment(b, "fuzz", t0, length, "")
			// Answer with a spread of values, some out of range.
			for i, id := range a.Order {
				a.Answers[id] = Answer{Value: i%7 - 1, NA: i%11 == 5, Skipped: i%13 == 3}
			}
			r := Compute(b, a)
			if r.Lean.Low > r.Lean.Score || r.Lean.Score > r.Lean.High || r.Lean.Low < -100 || r.Lean.High > 100 {
				t.Fatalf("lean out of range: %+v", r.Lean)
			}
			for _, group := range [][]Score{r.Facets, r.Readiness, r.Foundations} {
				for _, s := range group {
					if s.Low > s.Score || s.Score > s.High || s.Low < 0 || s.High > 100 {
						t.Fatalf("facet %s out of range: %+v", s.ID, s)
					}
				}
			}
			if r.Answered+r.Skipped+r.NA != r.Total || r.Total != len(a.Order) {
				t.Fatalf("counts %d+%d+%d != %d", r.Answered, r.Skipped, r.NA, r.Total)
			}
			evidence := 0
			if len(r.Plan) > 0 && r.Plan[0].Name == "Gather evidence" {
				evidence = 1
			}
			if len(r.Plan) > Priorities || len(r.Plan)+len(r.Later) != len(r.Gaps)+evidence {
				t.Fatalf("%d priorities and %d later for %d gaps", len(r.Plan), len(r.Later), len(r.Gaps))
			}
			if r.Profile == ProfileLean && (!r.Lean.Enough || r.Held) {
				t.Fatalf("a lean verdict without the evidence: %+v", r.Lean)
			}
			a.Reconcile(b)
		}
	})
}
