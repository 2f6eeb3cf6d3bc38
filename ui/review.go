package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/cxo-dev/cxo/model"
)

// reviewModel lists every item with its answer: jump to any, or finish.
type reviewModel struct {
	cursor    int
	finishing bool
}

func (r *reviewModel) open(m *session) {
	// A finished assessment of an older bank may hold answers to replaced
	// items: they take the replacing item's place (in memory), so a
	// changed answer is stored under the item now asked.
	m.a.AdoptReplaced(m.bank)
	r.finishing = false
	// Start on the first item still open, else on the first.
	r.cursor = 0
	if i := m.a.FirstOpen(); i < len(m.a.Order) {
		r.cursor = i
	}
}

func (r *reviewModel) key(m *session, msg tea.KeyPressMsg) (intent, tea.Cmd) {
	if r.finishing {
		return stay, nil // the result is being scored and saved from these answers
	}
	n := len(m.a.Order)
	switch {
	case key.Matches(msg, reviewKeys.Back):
		// Back to the result it was opened from, or to the saved item.
		return intent{ev: evBack, index: min(m.a.Cursor, n-1)}, nil
	case key.Matches(msg, reviewKeys.Up):
		r.cursor = max(r.cursor-1, 0)
	case key.Matches(msg, reviewKeys.Down):
		r.cursor = min(r.cursor+1, n-1)
	case key.Matches(msg, reviewKeys.PageUp):
		r.cursor = max(r.cursor-10, 0)
	case key.Matches(msg, reviewKeys.PageDown):
		r.cursor = min(r.cursor+10, n-1)
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
	answered, total := a.Progress()
	skipped := 0
	for _, id := range a.Order {
		if a.Answers[id].Skipped {
			skipped++
		}
	}
	var b strings.Builder
	b.WriteString(t.Title.Render("Review") + t.Subtle.Render("  "+itoa(answered)+" of "+itoa(total)+" answered · "+itoa(skipped)+" skipped · "+itoa(total-answered-skipped)+" open") + "\n")
	hint := "Press f to finish and see your results."
	if m.a.Status == model.StatusFinished {
		hint = "Change any answer with enter, then press f to update the result. ⚑ marks answers an answer-quality flag points at."
	}
	if answered < total {
		hint = "Open items are scored as missing, never as neutral. Press enter to answer one, or f to finish anyway."
	}
	hintText := wrap(t.Subtle.Render(hint), w)
	b.WriteString(hintText + "\n\n")
	header := 3 + strings.Count(hintText, "\n")
	// After a finish, items an answer-quality flag points at are marked.
	flagged := map[string]string{}
	if m.res.BankVersion != "" && m.a.Status == model.StatusFinished {
		for _, f := range m.res.Flags {
			for _, id := range f.Items {
				flagged[id] = f.Code
			}
		}
	}
	// Below the rows: a blank line and the selected item's whole answer
	// (or the scoring note while finishing).
	rows := max(h-header-2, 3)
	first := pageStart(r.cursor, rows)
	for i := first; i < min(total, first+rows); i++ {
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
	b.WriteString("\n")
	if r.finishing {
		b.WriteString(t.Subtle.Render("scoring and saving..."))
	} else if r.cursor < total {
		b.WriteString(truncate(t.Subtle.Render("answer: ")+t.Text.Render(reviewAnswer(m.bank, a, r.cursor)), w))
	}
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
		s = "option " + string(rune('a'+ans.Value-1))
	}
	return s + strings.Repeat(" ", max(8-len(s), 0))
}
