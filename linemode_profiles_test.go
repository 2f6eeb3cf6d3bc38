package main

import (
	"context"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/cxo-dev/cxo/assets"
	"github.com/cxo-dev/cxo/model"
	"github.com/cxo-dev/cxo/store"
)

// respondent picks the answer (as typed) to an item shown as the i-th.
type respondent func(b *model.Bank, it model.Item, i int) string

// extreme answers every trade-off at the end of one role, agrees fully
// with that role's statements and not at all with the other's, and
// varies its readiness ratings.
func extreme(toCTO bool) respondent {
	return func(b *model.Bank, it model.Item, i int) string {
		f, _ := b.Facet(it.Facet)
		if f.Layer != model.LayerLean {
			return strconv.Itoa(2 + i%4)
		}
		want := toCTO
		if it.Format == model.FormatLikert && it.Scale == model.RoleCIO {
			want = !toCTO
		}
		best := 0
		for v, x := range model.LevelValues(it) {
			y := model.LevelValues(it)[best]
			if (want && x > y) || (!want && x < y) {
				best = v
			}
		}
		return strconv.Itoa(best + 1)
	}
}

func same(n int) respondent {
	return func(*model.Bank, model.Item, int) string { return strconv.Itoa(n) }
}

// lineDriver answers what the line mode shows, item by item, as a person
// at the keyboard would; it types a when offered a held verdict.
type lineDriver struct {
	b       *model.Bank
	byText  map[string]model.Item
	answer  respondent
	mu      sync.Mutex
	out     strings.Builder
	typed   chan string
	shown   int
	offered bool
}

func (d *lineDriver) Write(p []byte) (int, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.out.Write(p)
	s := d.out.String()
	switch {
	case strings.HasSuffix(s, "to see the verdict anyway, or press Enter to finish: "):
		d.offered = true
		d.typed <- "a\n"
	case strings.HasSuffix(s, "> "):
		i := strings.LastIndex(s, "\nItem ")
		rest := strings.SplitN(s[i+1:], "\n", 3)
		it, ok := d.byText[rest[1]]
		if !ok {
			d.typed <- "q\n"
			return len(p), nil
		}
		d.typed <- d.answer(d.b, it, d.shown) + "\n"
		d.shown++
	}
	return len(p), nil
}

// The profiles the simulation promises hold when cxo itself is driven
// through the line mode: a consistent extreme respondent is a strong lean
// on the right side in both lengths, and one answer to everything is held
// back (with the key that shows it anyway).
func TestLineModeProfiles(t *testing.T) {
	dir := isolate(t)
	b, err := assets.DefaultBank()
	if err != nil {
		t.Fatal(err)
	}
	byText := map[string]model.Item{}
	for _, it := range b.Items {
		byText[it.Text] = it
	}
	cases := []struct {
		name   string
		who    respondent
		length string
		want   string
		held   bool
	}{
		{"extreme CTO", extreme(true), "--quick", "Lean: strong CTO lean (provisional: quick assessment).", false},
		{"extreme CIO", extreme(false), "--quick", "Lean: strong CIO lean (provisional: quick assessment).", false},
		{"extreme CTO", extreme(true), "--full", "Lean: strong CTO lean.", false},
		{"extreme CIO", extreme(false), "--full", "Lean: strong CIO lean.", false},
		{"all 3", same(3), "--quick", "held back until you review them", true},
		{"all 1", same(1), "--full", "held back until you review them", true},
	}
	for n, c := range cases {
		t.Run(c.name+c.length, func(t *testing.T) {
			db := filepath.Join(dir, strconv.Itoa(n)+".db")
			in, feed := io.Pipe()
			d := &lineDriver{b: b, byText: byText, answer: c.who, typed: make(chan string, 4)}
			go func() {
				for s := range d.typed {
					if _, err := io.WriteString(feed, s); err != nil {
						return
					}
				}
			}()
			args := []string{"--db", db, "--accessible", "new"}
			if c.length == "--quick" {
				args = append(args, "--quick")
			}
			var errb strings.Builder
			code := run(context.Background(), args, in, d, &errb)
			close(d.typed)
			feed.Close()
			out := d.out.String()
			if code != 0 || !strings.Contains(out, c.want) {
				t.Fatalf("exit %d, want %q in:\n%s\n%s", code, c.want, out[max(len(out)-3000, 0):], errb.String())
			}
			if c.held != d.offered {
				t.Errorf("offered the held verdict: %v, want %v", d.offered, c.held)
			}
			if c.held && !strings.Contains(out, "Lean, set aside the quality checks:") {
				t.Errorf("typing a did not show the held verdict")
			}
			// The stored result is the model's reading of the stored answers.
			s := store.New(db, "test")
			list, _, err := s.List()
			if err != nil || len(list) != 1 || list[0].Status != model.StatusFinished {
				t.Fatalf("list %+v %v", list, err)
			}
			a, res, err := s.LoadWithResult(b, list[0].ID)
			if err != nil {
				t.Fatal(err)
			}
			if again := model.Compute(b, a); again.Lean.Verdict != res.Lean.Verdict || again.Profile != res.Profile || res.Method != model.Method {
				t.Errorf("stored %s/%s, recomputed %s/%s", res.Profile, res.Lean.Verdict, again.Profile, again.Lean.Verdict)
			}
		})
	}
}
