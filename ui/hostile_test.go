package ui

import (
	"bufio"
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/cxo-dev/cxo/assets"
	"github.com/cxo-dev/cxo/model"
)

// hostileTexts would drive a terminal if printed raw: a window title, a
// clear screen, an OSC 8 hyperlink, C1 controls and bidi overrides.
var hostileTexts = []string{
	"title\x1b]0;pwned\x07",
	"clear\x1b[2J\x1b[H",
	"link\x1b]8;;https://evil.example/\x1b\\here\x1b]8;;\x1b\\",
	"c1\u009b31m\u009d0;x\u009c",
	"bidi\u202egnp.exe\u202c\u2066x\u2069",
}

// hostileBankStruct is cxo's bank with hostile texts put straight into the
// struct: the loader refuses such a bank, so this is what would reach the
// screens if a text ever got past it (a stored record, a future field).
func hostileBankStruct(t *testing.T) *model.Bank {
	t.Helper()
	b, err := assets.LoadBank("hostile.yaml", assets.File("bank.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(hostileTexts, " ")
	for i := range b.Facets {
		b.Facets[i].Name += " " + all
		b.Facets[i].CTO += " " + all
	}
	for i := range b.Items {
		b.Items[i].Text += " " + all
		for j := range b.Items[i].Options {
			b.Items[i].Options[j].Text += " " + all
		}
	}
	return b
}

// sgrOnly matches the colour and attribute sequences a frame may hold.
var sgrOnly = regexp.MustCompile("\x1b\\[[0-9;:]*m")

// assertInert fails when frame holds anything but text, line breaks and
// colour sequences.
func assertInert(t *testing.T, what, frame string) {
	t.Helper()
	rest := sgrOnly.ReplaceAllString(frame, "")
	for _, r := range rest {
		if r != '\n' && model.IsControl(r) {
			i := strings.IndexRune(rest, r)
			t.Fatalf("%s carries the control %U near %q", what, r, rest[max(i-20, 0):min(i+20, len(rest))])
		}
	}
}

func TestHostileTextNeverReachesTheTerminal(t *testing.T) {
	s := testStore(t)
	d := &driver{t: t, app: New(s, hostileBankStruct(t), "test", Start{})}
	d.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	d.run(d.app.Init())
	d.keys("n", "enter")
	assertInert(t, "the section intro", d.app.View().Content)
	d.keys("enter")
	for i := 0; i < 6; i++ {
		assertInert(t, "item "+itoa(i+1), d.app.View().Content)
		d.keys("2")
	}
	d.keys("v")
	assertInert(t, "the review", d.app.View().Content)
}

// The line mode prints the same texts cleaned.
func TestLineModeCleansWhatItPrints(t *testing.T) {
	s := testStore(t)
	var out strings.Builder
	l := &Line{Store: s, Bank: hostileBankStruct(t), In: bufio.NewReader(strings.NewReader("1\n2\n3\n1\ne " + hostileTexts[0] + "\ng\nq\n")), Out: &out}
	if err := l.Run(Start{Action: "new", Length: model.LengthQuick}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "Item 4 of") {
		t.Fatalf("the run did not get to item 4:\n%s", out.String())
	}
	assertInert(t, "the line mode", out.String())
}
