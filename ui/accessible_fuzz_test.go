package ui

import (
	"bufio"
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxo-dev/cxo/model"
	"github.com/cxo-dev/cxo/store"
)

// FuzzAccessibleInput feeds arbitrary bytes to the line mode as the answer
// stream of a quick assessment: it must never panic or hang, never print
// an escape byte it was sent, and every stored answer must be valid.
func FuzzAccessibleInput(f *testing.F) {
	for _, seed := range []string{
		"1\n2\n1\n",
		"s\nx\nb\ng\nq\n",
		"9\nhello\n\n\x1b[31m3\n",
		strings.Repeat("1\n", 40),
		"b\nb\nb\n1\n",
		"\x00\xff\n5\r\n",
	} {
		f.Add([]byte(seed))
	}
	bank, err := testBankErr()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, input []byte) {
		s := store.New(filepath.Join(t.TempDir(), "cxo.db"), "fuzz")
		var out bytes.Buffer
		l := &Line{Store: s, Bank: bank, In: bufio.NewReader(bytes.NewReader(input)), Out: &out}
		if err := l.Run(Start{Action: "new", Length: model.LengthQuick}); err != nil {
			t.Fatalf("run: %v", err)
		}
		if bytes.IndexByte(out.Bytes(), 0x1b) >= 0 {
			t.Fatalf("an escape byte reached the output")
		}
		list, _, err := s.List()
		if err != nil || len(list) != 1 {
			t.Fatalf("list: %v %v", list, err)
		}
		a, _, err := s.Load(list[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		for id, ans := range a.Answers {
			it, _ := bank.Item(id)
			if ans.Value < 0 || ans.Value > it.Levels() {
				t.Fatalf("stored answer %d out of range for %s", ans.Value, id)
			}
		}
	})
}

func TestPlainTextReadsTablesAndDropsMarks(t *testing.T) {
	md := "## Eight paired traits\n\nSome **bold** and `code`.\n\n| # | CIO | CTO |\n| --- | --- | --- |\n| 1 | Runs IT | Runs engineering |\n"
	got := plainText(md)
	for _, want := range []string{"Eight paired traits", "Some bold and code.", "1; CIO: Runs IT; CTO: Runs engineering"} {
		if !strings.Contains(got, want) {
			t.Errorf("plain text lacks %q:\n%s", want, got)
		}
	}
	if strings.ContainsAny(got, "#*`|") {
		t.Errorf("markup left in plain text:\n%s", got)
	}
}
