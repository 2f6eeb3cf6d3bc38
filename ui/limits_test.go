package ui

import (
	"bufio"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/cxo-dev/cxo/model"
)

// endlessLine is n bytes of 'x' then a line break, made as it is read.
type endlessLine struct{ n int }

func (e *endlessLine) Read(p []byte) (int, error) {
	if e.n < 0 {
		return 0, io.EOF
	}
	i := 0
	for ; i < len(p) && e.n > 0; i++ {
		p[i] = 'x'
		e.n--
	}
	if i < len(p) && e.n == 0 {
		p[i] = '\n'
		i++
		e.n = -1
	}
	return i, nil
}

// A 64 MB line is read past in pieces: refused, and nowhere near its own
// size in memory.
func TestA64MBLineIsRefusedInBoundedMemory(t *testing.T) {
	r := bufio.NewReader(io.MultiReader(&endlessLine{n: 64 << 20}, strings.NewReader("1\n")))
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	line, tooLong, err := readBounded(r, LineLimit)
	runtime.ReadMemStats(&after)
	if !tooLong || line != "" || err != nil {
		t.Fatalf("readBounded = %q, %v, %v; want it refused", line, tooLong, err)
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 1<<20 {
		t.Errorf("reading a 64 MB line allocated %d bytes", grew)
	}
	if line, tooLong, _ := readBounded(r, LineLimit); line != "1\n" || tooLong {
		t.Errorf("the next line reads %q (too long %v)", line, tooLong)
	}
	for _, n := range []int{LineLimit - 1, LineLimit} {
		line, tooLong, _ := readBounded(bufio.NewReader(strings.NewReader(strings.Repeat("y", n)+"\r\n")), LineLimit)
		if tooLong || len(line) != n+2 {
			t.Errorf("a line of %d bytes: %d read, too long %v", n, len(line), tooLong)
		}
	}
	if _, tooLong, _ := readBounded(bufio.NewReader(strings.NewReader(strings.Repeat("y", LineLimit+1))), LineLimit); !tooLong {
		t.Error("a line of 4 KiB + 1 at the end of input was taken")
	}
}

// The line mode refuses a line over 4 KiB and a note over 2,000
// characters whole, names the limit and asks again.
func TestLineModeLimits(t *testing.T) {
	s := testStore(t)
	var out strings.Builder
	in := strings.Repeat("2", 5000) + "\ne " + strings.Repeat("n", 2001) + "\ne " + strings.Repeat("k", 2000) + "\n3\nq\n"
	l := &Line{Store: s, Bank: testBank(t), In: bufio.NewReader(strings.NewReader(in)), Out: &out}
	if err := l.Run(Start{Action: "new", Length: model.LengthQuick}); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	for _, want := range []string{"longer than 4,096 bytes (4 KiB)", "the note is 2,001 characters; a note holds at most 2,000, so it was not kept; type it again, shorter.", "Item 2 of"} {
		if !strings.Contains(text, want) {
			t.Errorf("line mode output lacks %q:\n%s", want, text)
		}
	}
	list, _, _ := s.List()
	a, _, err := s.Load(list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if ans := a.Answers[a.Order[0]]; ans.Value != 3 || ans.Note != strings.Repeat("k", 2000) {
		t.Errorf("item 1: value %d, note of %d characters; want 3 and the 2,000-character note", ans.Value, len(ans.Note))
	}
}
