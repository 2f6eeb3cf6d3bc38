// Package assets embeds the coach's content: the question bank, the
// development plan and the reference guides.
package assets

import (
	"embed"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/cxo-dev/cxo/model"
)

//go:embed bank.yaml plan.yaml guides/*.md
var content embed.FS

// Guides parses every embedded guide, in a stable order.
func Guides() []model.Guide {
	entries, _ := fs.Glob(content, "guides/*.md")
	sort.Strings(entries)
	order := map[string]int{"cto-role": 0, "cio-role": 1, "cio-vs-cto": 2, "operational-skills": 3, "disagreements": 4}
	var out []model.Guide
	for _, e := range entries {
		data, _ := content.ReadFile(e)
		name := strings.TrimSuffix(path.Base(e), ".md")
		out = append(out, model.ParseGuide(name, string(data)))
	}
	sort.SliceStable(out, func(i, j int) bool { return rank(order, out[i].Name) < rank(order, out[j].Name) })
	return out
}

func rank(order map[string]int, name string) int {
	if r, ok := order[name]; ok {
		return r
	}
	return len(order)
}

// BankVersion reads the embedded bank's version without parsing the bank,
// so --version costs nothing on start-up.
func BankVersion() string {
	for _, line := range strings.Split(string(File("bank.yaml")), "\n") {
		if v, ok := strings.CutPrefix(line, "version:"); ok {
			return strings.Trim(strings.TrimSpace(v), `"'`)
		}
	}
	return "unknown"
}

// File returns one embedded file (for tests and bank check).
func File(name string) []byte {
	data, _ := content.ReadFile(name)
	return data
}

var (
	defaultOnce sync.Once
	defaultBank *model.Bank
	defaultErr  error
)

// DefaultBank loads the embedded bank once.
func DefaultBank() (*model.Bank, error) {
	defaultOnce.Do(func() {
		defaultBank, defaultErr = LoadBank("", nil)
	})
	return defaultBank, defaultErr
}

// LoadBank loads a bank: the embedded one when name is empty, or a custom
// bank file's contents checked against the embedded plan and guides.
func LoadBank(name string, data []byte) (*model.Bank, error) {
	if name == "" {
		name, data = "assets/bank.yaml", File("bank.yaml")
	}
	return model.LoadBank(
		model.Source{Name: name, Data: data},
		model.Source{Name: "assets/plan.yaml", Data: File("plan.yaml"), Lent: name != "assets/bank.yaml"},
		Guides())
}
