package ui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/progress"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/cxo-dev/cxo/model"
)

// questionModel shows one item at a time, with the section intros. An
// answer is written to the store first; the next item shows only once the
// write is committed. Keys typed meanwhile wait in the App's queue.
type questionModel struct {
	index     int
	shownAt   time.Time
	highlight int

	saving  bool
	seq     int
	pending *pendingSave

	noting    bool
	note      textinput.Model
	quitAsked bool // ctrl+c was stopped once to keep the note (notefield.go)
	bar       progress.Model
}

// pendingSave is an answer (or a cursor move) not yet committed.
type pendingSave struct {
	item   string // "" for a cursor-only save
	answer model.Answer
	next   int // index to show once committed
	err    error
}

var sectionIntro = map[model.Layer]struct{ title, text string }{
	model.LayerLean: {"Which way do you lean?",
		"Statements and trade-offs between the outward side of technology leadership (revenue, external customers, product engineering) and the inward side (profitability, internal users, IT operations). There are no right answers: say what you actually prefer and do, not what sounds best."},
	model.LayerReadiness: {"How ready are you?",
		"What you have done in the last year, area by area: operational skills, the twelve areas of technology leadership and the CIO's own competences. Each of the five answers describes one thing a person at that level does; pick the one nearest what you have actually done, not your best day. Press o when you have had no chance to show it yet (not a low score: the plan lists it as a chance to seek), x where an item offers \"not applicable\" (its screen shows x then), and e to add a one-line note of evidence."},
	model.LayerFoundation: {"Shared foundations",
		"What both roles need: bridging business and technology, a technologist's grasp of business, strategic thinking and leadership. These are reported on their own and do not move your lean."},
}

// open shows the item at index, or its section's intro: the flow decides
// which (stateIntro or stateQuestion).
func (q *questionModel) open(m *session, index int) {
	q.noting = false
	q.pending = nil
	q.saving = false
	q.index = min(max(index, 0), max(len(m.a.Order)-1, 0))
	q.show(m)
}

// layout sizes and colours the progress bar; run on resize and on a theme
// change, never from View.
func (q *questionModel) layout(m *session) {
	q.bar = progress.New(progress.WithWidth(readingWidth(max(m.width-2, 1))), progress.WithoutPercentage(),
		progress.WithColors(m.theme.BarFill), progress.WithFillCharacters('━', '─'))
	q.bar.EmptyColor = m.theme.BarEmpty // the track in the theme's colour
}

// show resets the per-item state when an item comes on screen.
func (q *questionModel) show(m *session) {
	q.shownAt = m.clock.now()
	m.sight.shown()
	m.ignored = 0
	q.highlight = 0
	if ans, ok := m.a.Answers[q.item(m).ID]; ok && ans.Value > 0 {
		q.highlight = ans.Value - 1
	}
}

func (q *questionModel) item(m *session) model.Item {
	if q.index < 0 || q.index >= len(m.a.Order) {
		return model.Item{}
	}
	it, _ := m.bank.Item(m.a.Order[q.index])
	return it
}

func (q *questionModel) key(m *session, msg tea.KeyPressMsg) (intent, tea.Cmd) {
	if q.noting {
		return stay, q.noteKey(m, msg)
	}
	if q.pending != nil && q.pending.err != nil {
		// A save failed: the answer is kept; enter retries, esc goes back.
		switch {
		case key.Matches(msg, questionKeys.Retry):
			q.pending.err = nil
			return stay, q.write(m)
		case key.Matches(msg, questionKeys.Back):
			return intent{ev: evBack}, nil
		}
		return stay, nil
	}
	if m.state == stateIntro {
		switch {
		case key.Matches(msg, introKeys.Back):
			return intent{ev: evBack}, nil
		case key.Matches(msg, introKeys.Prev):
			if q.index > 0 {
				return stay, q.move(m, q.index-1)
			}
		case key.Matches(msg, introKeys.Guide):
			return intent{ev: evGuides, ref: q.item(m).Guide}, nil
		case key.Matches(msg, introKeys.Review):
			return intent{ev: evReview}, nil
		default:
			// Any other key shows the first item; it never answers an
			// item the user has not seen.
			return intent{ev: evBegin, index: q.index}, nil
		}
		return stay, nil
	}
	it := q.item(m)
	n := it.Levels()
	switch {
	case key.Matches(msg, questionKeys.Back):
		return intent{ev: evBack}, nil
	case key.Matches(msg, questionKeys.Answer), key.Matches(msg, questionKeys.Letter) && lettered(it) > 0:
		v := answerValue(msg.String())
		if v < 1 || v > n {
			m.fail("this item takes 1-" + itoa(n) + optionLetters(it))
			return stay, nil
		}
		return stay, q.answer(m, model.Answer{Value: v})
	case key.Matches(msg, questionKeys.Up):
		q.highlight = (q.highlight + n - 1) % n
	case key.Matches(msg, questionKeys.Down):
		q.highlight = (q.highlight + 1) % n
	case key.Matches(msg, questionKeys.Enter):
		return stay, q.answer(m, model.Answer{Value: q.highlight + 1})
	case key.Matches(msg, questionKeys.Skip):
		return stay, q.answer(m, model.Answer{Skipped: true})
	case key.Matches(msg, questionKeys.NA):
		if !it.NA {
			m.fail("this item has no \"not applicable\": answer it or press s to skip")
			return stay, nil
		}
		return stay, q.answer(m, model.Answer{NA: true})
	case key.Matches(msg, questionKeys.NoOpp):
		if !it.OffersNoOpportunity() {
			m.fail("\"no opportunity yet\" is for the readiness ratings: answer this one or press s to skip")
			return stay, nil
		}
		return stay, q.answer(m, model.Answer{NoOpportunity: true})
	case key.Matches(msg, questionKeys.Prev):
		if q.index > 0 {
			return stay, q.move(m, q.index-1)
		}
	case key.Matches(msg, questionKeys.Next):
		return stay, q.move(m, q.index+1)
	case key.Matches(msg, questionKeys.Guide):
		return intent{ev: evGuides, ref: it.Guide}, nil
	case key.Matches(msg, questionKeys.Review):
		return intent{ev: evReview}, nil
	case key.Matches(msg, questionKeys.Note):
		q.noting, q.quitAsked = true, false
		q.note = newNoteInput(readingWidth(m.width-2)+2, m.a.Answers[it.ID].Note) // as wide as the frame allows
		return stay, q.note.Focus()
	}
	return stay, nil
}

// answerValue maps 1-5 and a-d to a 1-based answer.
func answerValue(s string) int {
	switch s {
	case "1", "2", "3", "4", "5":
		return int(s[0] - '0')
	case "a", "b", "c", "d":
		return int(s[0]-'a') + 1
	}
	return 0
}

// lettered is how many of an item's options a letter picks: the first
// four of a choice or scenario (a-d). e is the evidence note, so a fifth
// option is picked with 5 alone; rated items take numbers only.
func lettered(it model.Item) int {
	if it.Format != model.FormatChoice && it.Format != model.FormatScenario {
		return 0
	}
	return min(len(it.Options), 4)
}

func optionLetters(it model.Item) string {
	if n := lettered(it); n > 0 {
		return " (or a-" + string(rune('a'+n-1)) + ")"
	}
	return ""
}

func (q *questionModel) noteKey(m *session, msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, questionKeys.CancelNote):
		q.noting = false
		return nil
	case key.Matches(msg, questionKeys.SaveNote):
		q.noting = false
		it := q.item(m)
		ans := m.a.Answers[it.ID]
		ans.Note = model.Clean(q.note.Value())
		return q.commit(m, it.ID, ans, q.index)
	}
	if !q.noteKeyRoom(m, msg) {
		return nil
	}
	var cmd tea.Cmd
	q.note, cmd = q.note.Update(msg)
	return cmd
}

// answer records an answer for the current item and moves on once saved.
func (q *questionModel) answer(m *session, ans model.Answer) tea.Cmd {
	it := q.item(m)
	if m.a.Answers[it.ID].Keeps(ans) {
		return q.move(m, q.index+1) // a skip never erases an answer
	}
	now := m.clock.now()
	ans.At = now.UTC()
	ans.Took = model.AnswerTime(q.shownAt, now)
	ans.Note = m.a.Answers[it.ID].Note
	return q.commit(m, it.ID, ans, q.index+1)
}

func (q *questionModel) commit(m *session, item string, ans model.Answer, next int) tea.Cmd {
	prev := m.a.Answers[item]
	if m.a.Status == model.StatusFinished && !ans.SameChoice(prev) {
		// As the store does: a changed answer reopens the assessment until
		// it is finished again, and its old result no longer stands.
		m.a.Status, m.a.Finished = model.StatusInProgress, time.Time{}
		m.changed = m.a.ID
	}
	m.a.Answers[item] = ans
	q.pending = &pendingSave{item: item, answer: ans, next: next}
	return q.write(m)
}

// move shows another item and records it as the place to resume.
func (q *questionModel) move(m *session, next int) tea.Cmd {
	q.pending = &pendingSave{next: next}
	return q.write(m)
}

func (q *questionModel) write(m *session) tea.Cmd {
	q.saving = true
	q.seq++
	p := q.pending
	cursor := min(p.next, len(m.a.Order))
	if p.item == "" {
		return saveCursorCmd(m.store, q.seq, m.a.ID, cursor)
	}
	return saveAnswerCmd(m.store, q.seq, m.a.ID, p.item, p.answer, cursor)
}

// saved moves on after a commit: to the next item, or (after an answer to
// an item picked in the review) back to the review, as the flow says.
func (q *questionModel) saved(m *session, msg savedMsg) intent {
	if msg.seq != q.seq || q.pending == nil {
		return stay
	}
	q.saving = false
	if msg.err != nil {
		q.pending.err = msg.err
		m.fail("not saved: " + msg.err.Error() + " - the answer is kept; enter retries")
		return stay
	}
	next, answered := q.pending.next, q.pending.item != ""
	q.pending = nil
	m.a.Cursor = next
	if answered {
		return intent{ev: evAnswered, index: next}
	}
	return intent{ev: evItem, index: next}
}

func (q *questionModel) view(m *session, w, h int) string {
	w = readingWidth(w) // the header and options stop where the other screens' text does
	t := m.theme
	a := m.a
	answered, total := a.Progress()
	section := a.SectionOf(m.bank, q.index)
	intro := sectionIntro[section]
	var b strings.Builder
	head := t.Title.Render(partTitle(m.bank, a, section)) // then the header above the body, which scrolls
	left := shortMinutes(a.Remaining(m.bank)) + " left"
	if answered == total {
		left = "all answered" // never "~1 min left" with nothing left
	}
	right := t.Subtle.Render("item " + itoa(q.index+1) + " of " + itoa(total) + " · " + left)
	b.WriteString(spread(head, right, w) + "\n")
	b.WriteString(q.bar.ViewAs(float64(answered)/float64(max(total, 1))) + "\n\n")
	if m.state == stateIntro {
		b.WriteString(wrap(t.Text.Render(intro.text), w) + "\n\n")
		b.WriteString(t.Subtle.Render("Press any key to begin."))
		return b.String()
	}
	it := q.item(m)
	f, _ := m.bank.Facet(it.Facet)
	head = b.String()
	b.Reset()
	b.WriteString(t.Subtle.Render(f.Name) + "\n")
	b.WriteString(wrap(t.Strong.Render(it.Text), w) + "\n\n")
	ans := a.Answers[it.ID]
	selFrom, selTo := 0, 0                   // the highlighted option's lines in the body
	asked := strings.Count(b.String(), "\n") // the item's own lines, kept above the options
	for i, label := range optionLabels(it) {
		mark, style := "  ", t.Text
		if i == q.highlight {
			mark, style = t.Selected.Render("▸ "), t.Selected
		}
		chosen := ans.Value == i+1 && ans.Scored()
		if chosen {
			style = t.Chosen
		}
		num := t.Key.Render(itoa(i+1)) + " "
		if i < lettered(it) {
			num = t.Key.Render(itoa(i+1)+"/"+string(rune('a'+i))) + " "
		} else if lettered(it) > 0 {
			num = t.Key.Render(itoa(i+1)+"  ") + " " // no letter: e is the note
		}
		tick := "  "
		if chosen {
			tick = t.Chosen.Render("✓ ")
		}
		// Wrapped lines start under the first word of the option.
		prefix := mark + tick + num + " "
		indent := lipgloss.Width(prefix)
		body := wrap(style.Render(label), max(w-indent, 10))
		body = strings.ReplaceAll(body, "\n", "\n"+strings.Repeat(" ", indent))
		if i == q.highlight {
			selFrom = strings.Count(b.String(), "\n")
			selTo = selFrom + strings.Count(body, "\n") + 1
		}
		b.WriteString(prefix + body + "\n")
	}
	b.WriteString("\n")
	// What was answered and the other ways to answer, wrapped, not cut.
	switch {
	case ans.NA:
		b.WriteString(t.Chosen.Render("✓ marked not applicable") + "\n")
	case ans.NoOpportunity:
		b.WriteString(hanging(t.Chosen.Render("✓ no opportunity yet - the plan lists it as a chance to seek"), w, 2) + "\n")
	case ans.Skipped:
		b.WriteString(wrap(t.Subtle.Render("skipped - answer it now or come back from the review"), w) + "\n")
	}
	dot := t.Subtle.Render(" · ")
	switch {
	case it.NA && !ans.NA && it.OffersNoOpportunity() && !ans.NoOpportunity:
		b.WriteString(pack("", []piece{{"", t.Subtle.Render("x  not applicable to me")}, {dot, t.Subtle.Render("o  no opportunity yet")}}, w) + "\n")
	case it.NA && !ans.NA:
		b.WriteString(t.Subtle.Render("x  not applicable to me") + "\n")
	case it.OffersNoOpportunity() && !ans.NoOpportunity:
		b.WriteString(t.Subtle.Render("o  no opportunity yet (not a low score)") + "\n")
	}
	if q.noting {
		b.WriteString(q.noteView(m) + "\n")
	} else if ans.Note != "" {
		b.WriteString(wrap(t.Subtle.Render("Evidence: "+ans.Note), w) + "\n")
	}
	if q.saving {
		b.WriteString(t.Subtle.Render("saving..."))
	}
	return head + scrollTo(strings.TrimRight(b.String(), "\n"), asked, selFrom, selTo, h-lipgloss.Height(head)+1, t, w)
}

// scrollTo shows a body that may be taller than its rows: when it does
// not fit, the window keeps lines from..to (the selected option) in view,
// as near the top as it can, and the last row says where it stands and
// that more lies above or below. The first pin lines (the item's own
// text) stay above the scrolled options, whole when they fit beside the
// selected option, else their first lines: an option read without its
// question means nothing.
func scrollTo(body string, pin, from, to, rows int, t Theme, w int) string {
	lines := strings.Split(body, "\n")
	if len(lines) <= rows || rows < 3 {
		return body
	}
	shown := rows - 1 // the last row is the position
	pin = min(max(pin, 0), from)
	keep := min(pin, max(shown-(to-from), 1)) // the item's lines kept on show
	rest := lines[pin:]
	rows = shown - keep // for the options
	top := min(max(to-pin-rows, 0), max(len(rest)-rows, 0))
	if from-pin < top {
		top = from - pin
	}
	var pos string
	if top == 0 && keep == pin {
		pos = panelPosition(0, shown, len(lines)) // one run from the top
	} else {
		pos = panelPosition(pin+top, rows, len(lines)) // the options on show
	}
	if pin+top+rows < len(lines) {
		pos = "more below · " + pos
	}
	shownLines := window(rest, top, rows)
	if keep > 0 {
		shownLines = window(lines, 0, keep) + "\n" + shownLines
	}
	return shownLines + "\n" + withPosition("", pos, t, w)
}

// optionLabels are the choices shown for an item.
func optionLabels(it model.Item) []string { return model.OptionLabels(it) }

// spread puts left and right on one line of width w, or, when they do
// not fit side by side, left wrapped above right wrapped and right aligned:
// never cut.
func spread(left, right string, w int) string {
	if right == "" {
		return left
	}
	gap := w - lipglossWidth(left) - lipglossWidth(right)
	if gap < 1 {
		lines := strings.Split(wrap(right, w), "\n")
		for i, l := range lines {
			lines[i] = strings.Repeat(" ", max(w-lipglossWidth(l), 0)) + l
		}
		return wrap(left, w) + "\n" + strings.Join(lines, "\n")
	}
	return left + strings.Repeat(" ", gap) + right
}
