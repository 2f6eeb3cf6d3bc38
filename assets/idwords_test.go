package assets

import (
	"os"
	"reflect"
	"testing"

	"go.yaml.in/yaml/v3"
)

// oldItem is what an earlier bank asked under an id: its words, options,
// scores and anchors.
type oldItem struct {
	ID      string         `yaml:"id"`
	Format  string         `yaml:"format"`
	Text    string         `yaml:"text"`
	Options []oldOption    `yaml:"options"`
	Anchors map[int]string `yaml:"anchors"`
	Reverse bool           `yaml:"reverse"`
}

type oldOption struct {
	Text  string `yaml:"text"`
	Score int    `yaml:"score"`
}

// An id never changes its words: every item of the earlier banks that the
// bank still knows (asked or retired) has exactly the text, options,
// scores, anchors and keying it had (an option may only be appended), so
// no stored answer is shown against words it was not given to. An item
// whose words change needs a new id.
func TestAnIDKeepsItsWords(t *testing.T) {
	b, err := DefaultBank()
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range []string{"testdata/bank-2026.11-1.yaml", "../model/testdata/bank2/bank-2026.11-2.yaml"} {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var old struct {
			Items []oldItem `yaml:"items"`
		}
		if err := yaml.Unmarshal(data, &old); err != nil {
			t.Fatal(err)
		}
		known := 0
		for _, o := range old.Items {
			it, ok := b.Item(o.ID)
			if !ok {
				if _, replaced := b.ReplacedBy(o.ID); !replaced {
					t.Errorf("%s: %s is neither in the bank nor retired nor replaced; its answers would lose their words", file, o.ID)
				}
				continue
			}
			known++
			var opts []oldOption
			for _, op := range it.Options {
				opts = append(opts, oldOption{op.Text, op.Score})
			}
			anchors := it.Anchors
			if len(anchors) == 0 {
				anchors = nil
			}
			reverse := it.Reverse
			if it.Format == "likert" && o.Reverse && !reverse && it.Scale == "cio" && file == "testdata/bank-2026.11-1.yaml" {
				reverse = true // the first bank keyed CIO statements by reverse
			}
			// Bank 2026.11-2 appended a balanced option to the first
			// bank's scenarios: every older answer keeps its words.
			if len(opts) > len(o.Options) && it.Format == "scenario" {
				opts = opts[:len(o.Options)]
			}
			if it.Text != o.Text || !reflect.DeepEqual(opts, o.Options) || !reflect.DeepEqual(anchors, o.Anchors) || string(it.Format) != o.Format || reverse != o.Reverse {
				t.Errorf("%s: %s changed its words or scores under the same id:\n was %+v\n now %+v", file, o.ID, o, it)
			}
		}
		if known == 0 {
			t.Errorf("%s: no item of it is known", file)
		}
	}
}
