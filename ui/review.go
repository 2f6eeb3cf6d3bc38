package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/cxo-dev/cxo/model"
)

// reviewModel lists every item with its answer: jump to any, or finish.
type reviewModel struct {
	cursor    int
	finishing bool
	win       rowWindow
	// asking: leaving after a changed answer reopened a finished
	// assessment; enter finishes it again, esc keeps it open.
	asking bool
	// onlyFlagged lists only the items an answer-quality flag points at;
	// forID is the assessment it was set for (kept while answering a
	// picked item and coming back).
	onlyFlagged bool
	forID       string
}

// flagged maps the items the result's answer-quality flags point at to
// the flag's code: for a finished assessment, or one a changed answer
// reopened in this run (its last result).
func flagged(m *session) map[string]string {
	out := map[string]string{}
	if m.res.BankVersion == "" || (m.a.Status != model.StatusFinished && m.changed != m.a.ID) {
		return out
	}
	return model.FlaggedItems(m.res.Flags)
}

// rows are the item indexes listed: every item, or the flagged ones.
func (r *reviewModel) rows(m *session) []int {
	fl := flagged(m)
	var out []int
	for i, id := range m.a.Order {
		if !r.onlyFlagged || fl[id] != "" {
			out = append(out, i)
		}
	}
	return out
}

// step moves the cursor by d rows of the list on show.
func (r *reviewModel) step(m *session, d int) {
	rows := r.rows(m)
	if len(rows) == 0 {
		return
	}
	at := 0
	for j, i := range rows {
		if i <= r.cursor {
			at = j
		}
	}
	r.cursor = rows[min(max(at+d, 0), len(rows)-1)]
}

// jumpFlag moves to the next (d=1) or previous (d=-1) flagged item,
// wrapping round.
func (r *reviewModel) jumpFlag(m *session, d int) {
	fl := flagged(m)
	n := len(m.a.Order)
	for k := 1; k <= n; k++ {
		i := ((r.cursor+d*k)%n + n) % n
		if fl[m.a.Order[i]] != "" {
			r.cursor = i
			return
		}
	}
	m.fail("no answer-quality flag points at an item")
}

func (r *reviewModel) open(m *session) {
	// A finished assessment of an older bank may hold answers to replaced
	// items: they take the replacing item's place (in memory), so a
	// changed answer is stored under the item now asked.
	m.a.AdoptReplaced(m.bank)
	r.finishing, r.asking = false, false
	if r.forID == m.a.ID && (m.changed == m.a.ID || m.a.FirstOpen() >= len(m.a.Order)) {
		// Back from answering a picked item (or nothing is left open):
		// as it was left, not back at the first item.
		return
	}
	r.forID = m.a.ID
	// Start on the first item still open, else on the first; a finished
	// one with flags lists the flagged items (o lists all).
	r.cursor, r.onlyFlagged = 0, false
	if i := m.a.FirstOpen(); i < len(m.a.Order) {
		r.cursor = i
	} else if len(flagged(m)) > 0 {
		r.onlyFlagged = true
		r.cursor = r.rows(m)[0]
	}
}

func (r *reviewModel) key(m *session, msg tea.KeyPressMsg) (intent, tea.Cmd) {
	if r.finishing {
		return stay, nil // the result is being scored and saved from these answers
	}
	n := len(m.a.Order)
	if r.asking {
		switch {
		case key.Matches(msg, reviewKeys.FinishAgain):
			r.asking, r.finishing = false, true
			return stay, finishCmd(m.store, m.bank, m.a)
		case key.Matches(msg, reviewKeys.KeepOpen):
			r.asking, m.changed = false, ""
			m.ok("kept open: " + m.a.ID + " is in progress; its last result stays in the history until you finish it again")
			return intent{ev: evBack, index: min(m.a.Cursor, n-1)}, nil
		}
		return stay, nil
	}
	switch {
	case key.Matches(msg, reviewKeys.Back) && m.changed == m.a.ID && m.a.Status != model.StatusFinished:
		r.asking = true
		return stay, nil
	case key.Matches(msg, reviewKeys.Back):
		// Back to the result it was opened from, or to the saved item.
		return intent{ev: evBack, index: min(m.a.Cursor, n-1)}, nil
	case key.Matches(msg, reviewKeys.Up):
		r.step(m, -1)
	case key.Matches(msg, reviewKeys.Down):
		r.step(m, 1)
	case key.Matches(msg, reviewKeys.PageUp):
		r.step(m, -10)
	case key.Matches(msg, reviewKeys.PageDown):
		r.step(m, 10)
	case key.Matches(msg, reviewKeys.NextFlag):
		r.jumpFlag(m, 1)
	case key.Matches(msg, reviewKeys.PrevFlag):
		r.jumpFlag(m, -1)
	case key.Matches(msg, reviewKeys.OnlyFlagged):
		if len(flagged(m)) == 0 {
			m.fail("no answer-quality flag points at an item")
			return stay, nil
		}
		r.onlyFlagged = !r.onlyFlagged
		if r.onlyFlagged && flagged(m)[m.a.Order[r.cursor]] == "" {
			r.jumpFlag(m, 1)
		}
	case key.Matches(msg, reviewKeys.Pick):
		return intent{ev: evPick, index: r.cursor}, saveCursorCmd(m.store, -1, m.a.ID, r.cursor)
	case key.Matches(msg, reviewKeys.Finish):
		r.finishing = true
		return stay, finishCmd(m.store, m.bank, m.a)
	}
	return stay, nil
}

// finishFailed keeps the review on show after the result could not be
// saved, so f tries again.
func (r *reviewModel) finishFailed(m *session, err error) {
	r.finishing = false
	m.fail("could not save the result: " + err.Error() + " - press f on the review to try again")
}

func (r *reviewModel) view(m *session, w, h int) string {
	t := m.theme
	a := m.a
	tally := a.Tally()
	answered, total := tally.Done(), tally.Total
	var b strings.Builder
	// The counts wrap between them, never cut.
	dot := t.Subtle.Render(" · ")
	title := pack("", []piece{{"", t.Title.Render("Review")}, {"  ", t.Subtle.Render(tally.Progress())},
		{dot, t.Subtle.Render(itoa(tally.Skipped) + " skipped")}, {dot, t.Subtle.Render(itoa(tally.Open) + " open")}}, w)
	b.WriteString(title + "\n")
	hint := "Press f to finish and see your results."
	if m.a.Status == model.StatusFinished {
		hint = "Change any answer with enter, then press f to update the result. ⚑ marks answers an answer-quality flag points at."
	}
	if m.changed == a.ID && a.Status != model.StatusFinished {
		hint = "An answer changed since the result: f finishes again and replaces it; esc asks whether to keep it open."
	} else if answered < total {
		hint = "Open items are scored as missing, never as neutral. Press enter to answer one, or f to finish anyway."
	}
	hintText := wrap(t.Subtle.Render(hint), w)
	b.WriteString(hintText + "\n\n")
	header := 3 + strings.Count(hintText, "\n") + strings.Count(title, "\n")
	// After a finish, items an answer-quality flag points at are marked.
	flagged := flagged(m)
	list := r.rows(m)
	at := 0
	for j, i := range list {
		if i == r.cursor {
			at = j
		}
	}
	// Below the rows: the position, then the selected item's whole text
	// and answer (or the question after a change, or the scoring note),
	// wrapped: the rows are an index, cut to the width; what is selected
	// is read in full here.
	var detail string
	if r.asking {
		detail = wrap(t.Warn.Render("You changed an answer, so the result no longer matches. ")+
			t.Text.Render("enter: finish again and replace the result · esc: keep it open (the last result stays in the history until you finish)"), w)
	} else if r.finishing {
		detail = t.Subtle.Render("scoring and saving...")
	} else if r.cursor < total {
		text := "(no longer in the bank)"
		if it, ok := m.bank.Item(a.Order[r.cursor]); ok {
			text = it.Text
		}
		label := "item " + itoa(r.cursor+1) + ": "
		detail = hanging(t.Subtle.Render(label)+t.Text.Render(text), w, len(label)) + "\n" +
			hanging(t.Subtle.Render("answer: ")+t.Text.Render(reviewAnswer(m.bank, a, r.cursor)), w, 8)
	}
	rows := max(h-header-1-lipgloss.Height(detail), 3)
	first := r.win.place(at, len(list), rows)
	for _, i := range list[first:min(len(list), first+rows)] {
		it, ok := m.bank.Item(a.Order[i])
		ans := a.Answers[a.Order[i]]
		state := t.Subtle.Render("·  open    ")
		switch {
		case ans.NA:
			state = t.Good.Render("✓  n/a     ")
		case ans.NoOpportunity:
			state = t.Good.Render("✓  no opp. ")
		case ans.Skipped:
			state = t.Warn.Render("→  skipped ")
		case ans.Given():
			state = t.Good.Render("✓  " + shortAnswer(it, ans))
		}
		text := it.Text
		if !ok {
			text = "(no longer in the bank)"
		}
		mark := "  "
		if flagged[a.Order[i]] != "" {
			mark = t.Warn.Render("⚑ ")
		}
		// Numbers right-aligned to the widest, so the texts line up.
		num := pad(itoa(i+1), len(itoa(total))) + "."
		line := state + " " + mark + t.Subtle.Render(num) + " " + t.Text.Render(text)
		if i == r.cursor {
			line = t.Selected.Render("▸ ") + line
		} else {
			line = "  " + line
		}
		b.WriteString(truncate(line, w) + "\n")
	}
	where := listPosition(at, len(list), first, min(rows, len(list)-first))
	if r.onlyFlagged {
		where = "flagged only (o shows all) · " + where
	}
	b.WriteString(wrap(t.Subtle.Render(where), w) + "\n")
	b.WriteString(detail)
	return b.String()
}

// reviewAnswer is the whole answer to the i-th item, as the user saw it.
func reviewAnswer(b *model.Bank, a *model.Assessment, i int) string {
	it, ok := b.Item(a.Order[i])
	ans, seen := a.Answers[a.Order[i]]
	switch {
	case !ok:
		return "kept, but the item is no longer in the bank and is not scored"
	case !seen:
		return "not answered yet"
	}
	return model.AnswerText(it, ans)
}

// shortAnswer fits an answer into the review's narrow column.
func shortAnswer(it model.Item, ans model.Answer) string {
	s := itoa(ans.Value) + " of 5"
	switch it.Format {
	case model.FormatChoice, model.FormatScenario:
		s = "option " + itoa(ans.Value)
	}
	return s + strings.Repeat(" ", max(8-len(s), 0))
}
