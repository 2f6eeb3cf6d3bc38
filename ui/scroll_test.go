package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/cxo-dev/cxo/model"
	"github.com/cxo-dev/cxo/store"
)

// rowsOf returns the list rows on screen (lines starting with the cursor
// or two spaces and an id) and which of them holds the cursor.
func rowsOf(screen, prefix string) (rows []string, cursor int) {
	cursor = -1
	for _, l := range strings.Split(screen, "\n") {
		l = strings.TrimPrefix(l, " ")
		if strings.HasPrefix(l, "▸ "+prefix) {
			cursor = len(rows)
			rows = append(rows, l)
		} else if strings.HasPrefix(l, "  "+prefix) {
			rows = append(rows, l)
		}
	}
	return rows, cursor
}

// The history scrolls by one row, keeps the cursor's neighbours in view
// and says where it is: "12/25" and how many more lie above and below.
func TestHistoryScrollsByRowWithPosition(t *testing.T) {
	d := newDriver(t, testStore(t), Start{Theme: "dark"}, 80, 24)
	var list []store.Summary
	for i := range 25 {
		list = append(list, store.Summary{ID: fmt.Sprintf("20261102-0930%02d-abc", i), Started: time.Date(2026, 11, 2, 9, 30, i, 0, time.UTC),
			Length: model.LengthQuick, Status: model.StatusInProgress, Answered: 3, Total: 24})
	}
	d.send(listLoadedMsg{list: list})
	d.keys("h")
	prevFirst := ""
	for i := range 25 {
		scr := d.screen()
		rows, cur := rowsOf(scr, "2026")
		if len(rows) < 15 {
			t.Fatalf("step %d: only %d rows of 25 shown at 80×24:\n%s", i, len(rows), scr)
		}
		if cur < 0 || !strings.Contains(rows[cur], list[i].ID) {
			t.Fatalf("step %d: the cursor row is not on screen:\n%s", i, scr)
		}
		if i > 0 && i < 24 && (cur == 0 || cur == len(rows)-1) {
			t.Errorf("step %d: the cursor's neighbour is out of view:\n%s", i, scr)
		}
		if !strings.Contains(scr, fmt.Sprintf("%d/25", i+1)) {
			t.Errorf("step %d: no position %d/25:\n%s", i, i+1, scr)
		}
		first := rows[0]
		firstAt := indexOf(list, first)
		if i > 0 && firstAt-indexOf(list, prevFirst) > 1 {
			t.Errorf("step %d: the list jumped more than a row:\n%s", i, scr)
		}
		if strings.Contains(first, list[0].ID) == strings.Contains(scr, "▲") {
			t.Errorf("step %d: the more-above mark is wrong:\n%s", i, scr)
		}
		if strings.Contains(rows[len(rows)-1], list[24].ID) == strings.Contains(scr, "▼") {
			t.Errorf("step %d: the more-below mark is wrong:\n%s", i, scr)
		}
		prevFirst = first
		d.keys("down")
	}
}

func indexOf(list []store.Summary, row string) int {
	for i, s := range list {
		if strings.Contains(row, s.ID) {
			return i
		}
	}
	return -1
}

// The first row shown moves by one as the cursor moves by one.
func TestRowWindowMovesByOneRow(t *testing.T) {
	var w rowWindow
	prev := 0
	for c := range 25 {
		first := w.place(c, 25, 10)
		if first-prev > 1 {
			t.Fatalf("cursor %d: first row jumped %d → %d", c, prev, first)
		}
		if c > 0 && c < 24 && (c-first < 1 || first+10-1-c < 1) {
			t.Errorf("cursor %d: no neighbour in view (first %d)", c, first)
		}
		prev = first
	}
	for c := 24; c >= 0; c-- {
		first := w.place(c, 25, 10)
		if prev-first > 1 {
			t.Fatalf("cursor %d going up: first row jumped %d → %d", c, prev, first)
		}
		prev = first
	}
	if got := listPosition(11, 25, 5, 10); got != "▲ 5 more · 12/25 · ▼ 10 more" {
		t.Errorf("listPosition = %q", got)
	}
	if got := panelPosition(0, 20, 45); got != "lines 1-20 of 45 ▼" {
		t.Errorf("panelPosition = %q", got)
	}
}

// The review shows its position too, with the selection scrolling by row.
func TestReviewShowsPosition(t *testing.T) {
	d := questionDriver(t, "dark", 80, 24)
	d.keys("v")
	total := len(d.app.a.Order)
	for range 20 {
		d.keys("down")
	}
	scr := d.screen()
	if !strings.Contains(scr, fmt.Sprintf("21/%d", total)) || !strings.Contains(scr, "▲") || !strings.Contains(scr, "▼") {
		t.Errorf("the review does not say where it is:\n%s", scr)
	}
}

func ansiStrip(s string) string { return ansi.Strip(s) }
