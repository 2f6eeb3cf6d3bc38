package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/cxo-dev/cxo/model"
)

// The flow of the screens, in one place. Screens never change which screen
// shows: they return an intent ("open the review", "back", "open item 12"),
// and the root looks it up in the table below, the only writer of
// session.state. docs/states.md is drawn from this table by a test
// (TestStatesDiagram), and every row with a key is driven through Update
// (TestEveryTransition).

type state int

const (
	stateHome state = iota
	stateNew
	stateIntro
	stateQuestion
	stateReview
	stateResults
	stateExport
	stateGuides
	stateReader
	stateHistory
	stateCompare
	stateDamaged
	statePeers // invite colleagues, or import their responses

	// anyState matches every screen in a row's from.
	anyState state = -1
)

var stateNames = map[state]string{
	stateHome: "home", stateNew: "new assessment", stateIntro: "section", stateQuestion: "question",
	stateReview: "review", stateResults: "results", stateExport: "export", stateGuides: "guides",
	stateReader: "guide", stateHistory: "history", stateCompare: "compare", stateDamaged: "database problem",
	statePeers: "invite or import",
}

// event is what a screen (or a command's answer) asks for.
type event int

const (
	evNone     event = iota
	evBack           // esc: one level back
	evNew            // the new-assessment screen
	evHistory        // the list of saved assessments
	evGuides         // the guides; with ref, the reader at that section
	evRead           // the reader, at guide index
	evReview         // the review of every item
	evItem           // item index (the review past the last one)
	evPick           // item index, picked in the review
	evBegin          // the first item of a section, after its intro
	evAnswered       // an answer is saved; index is the next item
	evOpened         // an assessment was created or opened
	evResults        // a result to show
	evExport         // the export form
	evExported       // the export is written
	evCompare        // pick an assessment to compare with the result
	evCompared       // the comparison is loaded
	evDamaged        // the start-up check found the database unusable
	evFresh          // the damaged database was moved aside
	evGoOn           // go on with what of a damaged database is sound
	evInvite         // the invitation form
	evImport         // the import form
	evInvited        // the invitation is written
	evImported       // responses are imported
)

// intent is a screen's request to the root. The zero intent stays put.
type intent struct {
	ev    event
	index int    // item or guide index
	ref   string // "guide#section" for evGuides
}

var stay intent

// opening records how a screen was last opened (not returned to).
type opening struct {
	from state
	on   event
}

// transition is one row of the flow: on ev in from (and when the guard
// holds) the root shows to. A back row returns to a screen as it was left;
// any other row opens the screen afresh and records where it was opened
// from (see cameFrom).
type transition struct {
	from, to state
	on       event
	key      key.Binding // the key that asks for it; none for a command's answer
	after    string      // for rows a key starts but a command's answer ends
	when     guard
	why      string // the guard in words, for the diagram
	back     bool
}

type guard func(m *App, in intent) bool

// flow is the table. Rows are tried in order; the first whose from, event
// and guard match wins. An intent no row matches changes nothing. Rows
// without a key are a command's answer, or cannot be reached by a key with
// the bundled bank (a guide reference it does not hold).
var flow = buildFlow()

func buildFlow() []transition {
	type T = transition
	return []T{
		{from: stateHome, on: evNew, to: stateNew, key: homeKeys.New},
		{from: stateHome, on: evHistory, to: stateHistory, key: homeKeys.History},
		{from: stateHome, on: evGuides, to: stateGuides, key: homeKeys.Guides},
		// An assessment opens at its saved item: the section's intro when
		// the item starts a section and is unanswered, the review once
		// every item was passed, the result when it is finished.
		{from: stateHome, on: evOpened, to: stateResults, when: finished, why: "finished", after: "cxo resume names it"},
		{from: stateHome, on: evOpened, to: stateReview, key: homeKeys.Resume, after: "it is opened", when: pastEnd, why: "every item passed"},
		{from: stateHome, on: evOpened, to: stateIntro, key: homeKeys.Resume, after: "it is opened", when: atIntro, why: "at a section's start"},
		{from: stateHome, on: evOpened, to: stateQuestion, key: homeKeys.Resume, after: "it is opened"},

		{from: stateNew, on: evBack, to: stateHome, key: newKeys.Back, back: true},
		{from: stateNew, on: evOpened, to: stateIntro, key: newKeys.Start, after: "it is created", when: atIntro, why: "the first section"},

		{from: stateIntro, on: evBegin, to: stateQuestion, key: introKeys.Begin},
		{from: stateIntro, on: evBack, to: stateHome, key: introKeys.Back},
		{from: stateIntro, on: evReview, to: stateReview, key: introKeys.Review},
		{from: stateIntro, on: evGuides, to: stateReader, key: introKeys.Guide, when: hasSection, why: "its section"},
		{from: stateIntro, on: evGuides, to: stateGuides, why: "the item names no guide section"},
		{from: stateIntro, on: evItem, to: stateQuestion, key: introKeys.Prev, after: "the place is saved", why: "the previous section's last item"},

		// An item picked in the review goes back there on esc too.
		{from: stateQuestion, on: evBack, to: stateReview, key: questionKeys.Back, back: true, when: openedBy(stateReview, evPick), why: "picked in the review"},
		{from: stateQuestion, on: evBack, to: stateHome, key: questionKeys.Back},
		{from: stateQuestion, on: evReview, to: stateReview, key: questionKeys.Review},
		{from: stateQuestion, on: evGuides, to: stateReader, key: questionKeys.Guide, when: hasSection, why: "its section"},
		{from: stateQuestion, on: evGuides, to: stateGuides, why: "the item names no guide section"},
		// An item picked in the review returns there once answered.
		{from: stateQuestion, on: evAnswered, to: stateReview, key: questionKeys.Answer, after: "it is saved", when: openedBy(stateReview, evPick), why: "picked in the review"},
		{from: stateQuestion, on: evAnswered, to: stateReview, key: questionKeys.Answer, after: "it is saved", when: both(movedOn, pastEnd), why: "the last item"},
		{from: stateQuestion, on: evAnswered, to: stateIntro, key: questionKeys.Answer, after: "it is saved", when: both(movedOn, atIntro), why: "a section's last item"},
		{from: stateQuestion, on: evAnswered, to: stateQuestion, key: questionKeys.Answer, after: "it is saved", when: movedOn},
		{from: stateQuestion, on: evItem, to: stateReview, key: questionKeys.Next, after: "the place is saved", when: pastEnd, why: "the last item"},
		{from: stateQuestion, on: evItem, to: stateIntro, key: questionKeys.Next, after: "the place is saved", when: atIntro, why: "a section's last item"},
		{from: stateQuestion, on: evItem, to: stateQuestion, key: questionKeys.Next, after: "the place is saved"},

		{from: stateReview, on: evPick, to: stateQuestion, key: reviewKeys.Pick},
		{from: stateReview, on: evResults, to: stateResults, key: reviewKeys.Finish, after: "the result is saved"},
		{from: stateReview, on: evBack, to: stateResults, key: reviewKeys.Back, back: true, when: both(cameFrom(stateResults), finished), why: "opened from an unchanged result"},
		{from: stateReview, on: evBack, to: stateIntro, key: reviewKeys.Back, when: atIntro, why: "the saved item starts a section"},
		{from: stateReview, on: evBack, to: stateQuestion, key: reviewKeys.Back},

		{from: stateResults, on: evBack, to: stateHistory, key: resultsKeys.Back, back: true, when: cameFrom(stateHistory), why: "opened from the history"},
		{from: stateResults, on: evBack, to: stateHome, key: resultsKeys.Back, back: true},
		{from: stateResults, on: evExport, to: stateExport, key: resultsKeys.Export},
		{from: stateResults, on: evCompare, to: stateHistory, key: resultsKeys.Compare},
		{from: stateResults, on: evReview, to: stateReview, key: resultsKeys.Review},
		{from: stateResults, on: evGuides, to: stateReader, key: resultsKeys.Open, when: hasSection, why: "on a gap"},
		{from: stateResults, on: evGuides, to: stateGuides, key: resultsKeys.Guides},
		{from: stateResults, on: evInvite, to: statePeers, key: resultsKeys.Invite},
		{from: stateResults, on: evImport, to: statePeers, key: resultsKeys.Import},

		{from: statePeers, on: evBack, to: stateResults, key: peersKeys.Back, back: true},
		{from: statePeers, on: evInvited, to: stateResults, key: peersKeys.Go, after: "the invitation is written", why: "inviting", back: true},
		// Opened afresh: the result now holds the colleagues' view.
		{from: statePeers, on: evImported, to: stateResults, key: peersKeys.Go, after: "the responses are imported", why: "importing"},

		{from: stateExport, on: evBack, to: stateResults, key: exportKeys.Back, back: true},
		{from: stateExport, on: evExported, to: stateResults, key: exportKeys.Write, after: "the file is written", back: true},

		{from: stateGuides, on: evRead, to: stateReader, key: guidesKeys.Open},
		{from: stateGuides, on: evBack, to: stateHome, key: guidesKeys.Back, back: true, when: cameFrom(stateHome), why: "opened from home"},
		{from: stateGuides, on: evBack, to: stateResults, key: guidesKeys.Back, back: true, when: cameFrom(stateResults), why: "opened from the results"},
		{from: stateGuides, on: evBack, to: stateIntro, back: true, when: cameFrom(stateIntro), why: "esc, opened from a section intro"},
		{from: stateGuides, on: evBack, to: stateQuestion, back: true, when: cameFrom(stateQuestion), why: "esc, opened from a question"},
		{from: stateReader, on: evBack, to: stateGuides, key: readerKeys.Back, back: true, when: cameFrom(stateGuides), why: "opened from the list"},
		{from: stateReader, on: evBack, to: stateIntro, key: readerKeys.Back, back: true, when: cameFrom(stateIntro), why: "opened from a section intro"},
		{from: stateReader, on: evBack, to: stateQuestion, key: readerKeys.Back, back: true, when: cameFrom(stateQuestion), why: "opened from a question"},
		{from: stateReader, on: evBack, to: stateResults, key: readerKeys.Back, back: true, when: cameFrom(stateResults), why: "opened from the results"},

		{from: stateHistory, on: evBack, to: stateResults, key: historyKeys.Back, back: true, when: cameFrom(stateResults), why: "picking one to compare"},
		{from: stateHistory, on: evBack, to: stateHome, key: historyKeys.Back, back: true},
		{from: stateHistory, on: evCompared, to: stateCompare, key: historyKeys.Pick, after: "both are loaded", why: "picking one to compare"},
		{from: stateHistory, on: evOpened, to: stateResults, key: historyKeys.Open, after: "it is opened", when: finished, why: "a finished one"},
		{from: stateHistory, on: evOpened, to: stateReview, key: historyKeys.Open, after: "it is opened", when: pastEnd, why: "every item passed"},
		{from: stateHistory, on: evOpened, to: stateIntro, key: historyKeys.Open, after: "it is opened", when: atIntro, why: "at a section's start"},
		{from: stateHistory, on: evOpened, to: stateQuestion, key: historyKeys.Open, after: "it is opened"},

		{from: stateCompare, on: evBack, to: stateResults, key: compareKeys.Back, back: true},

		{from: stateDamaged, on: evFresh, to: stateHome, key: damagedKeys.MoveAside, after: "the file is moved aside"},
		{from: stateDamaged, on: evGoOn, to: stateHome, key: damagedKeys.GoOn, why: "single values damaged: what is sound still reads"},
		{from: anyState, on: evDamaged, to: stateDamaged, after: "the start-up check finds the database unusable"},
		// Answers that arrive on another screen than the one that asked
		// (tests send them directly) show all the same.
		{from: anyState, on: evCompared, to: stateCompare, after: "both results are loaded"},
		{from: anyState, on: evOpened, to: stateResults, when: finished, after: "an assessment is opened"},
		{from: anyState, on: evOpened, to: stateReview, when: pastEnd, after: "an assessment is opened"},
		{from: anyState, on: evOpened, to: stateIntro, when: atIntro, after: "an assessment is opened"},
		{from: anyState, on: evOpened, to: stateQuestion, after: "an assessment is opened"},
	}
}

// Guards.

func finished(m *App, _ intent) bool { return m.a != nil && m.a.Status == model.StatusFinished }

func pastEnd(m *App, in intent) bool { return m.a != nil && in.index >= len(m.a.Order) }

// atIntro: item index starts a section and is unanswered, so the section's
// intro shows first.
func atIntro(m *App, in intent) bool {
	a, i := m.a, in.index
	if a == nil || i < 0 || i >= len(a.Order) || a.Answers[a.Order[i]].Given() {
		return false
	}
	return i == 0 || a.SectionOf(m.bank, i) != a.SectionOf(m.bank, i-1)
}

// movedOn: the intent names another item than the one on show (saving a
// note stays on the item).
func movedOn(m *App, in intent) bool { return in.index != m.question.index }

func hasSection(m *App, in intent) bool {
	_, _, ok := m.guides.find(in.ref)
	return ok
}

// cameFrom: the screen on show was opened from s.
func cameFrom(s state) guard {
	return func(m *App, _ intent) bool { return m.openedBy[m.state].from == s }
}

// openedBy: the screen on show was opened from s by event ev.
func openedBy(s state, ev event) guard {
	return func(m *App, _ intent) bool { return m.openedBy[m.state] == opening{s, ev} }
}

func both(a, b guard) guard {
	return func(m *App, in intent) bool { return a(m, in) && b(m, in) }
}

// apply carries out an intent: the first row that matches decides the
// screen to show next.
func (m *App) apply(in intent) tea.Cmd {
	if in.ev == evNone {
		return nil
	}
	for _, t := range flow {
		if (t.from == m.state || t.from == anyState) && t.on == in.ev && (t.when == nil || t.when(m, in)) {
			return m.move(t, in)
		}
	}
	return nil
}

func (m *App) move(t transition, in intent) tea.Cmd {
	prev := m.state
	m.state = t.to
	if !t.back {
		m.openedBy[t.to] = opening{prev, in.ev}
	}
	return m.enter(in, t.back)
}

// enter readies the screen just put on show. A screen returned to (back)
// shows as it was left.
func (m *App) enter(in intent, back bool) tea.Cmd {
	s := &m.session
	switch m.state {
	case stateHome:
		m.home.refresh(s)
		return loadListCmd(m.store)
	case stateHistory:
		if back {
			return loadListCmd(m.store)
		}
		if in.ev == evCompare {
			m.history.openCompare(s)
			return nil
		}
		m.history.open()
		return rescoreCmd(m.store, m.bank, m.list) // the current method beside method 1 results
	}
	if back {
		return nil
	}
	switch m.state {
	case stateNew:
		return m.newScr.open(s)
	case stateIntro, stateQuestion:
		m.question.open(s, in.index)
	case stateReview:
		m.review.open(s)
	case stateResults:
		m.results.open(s)
		if in.ev == evImported {
			m.results.show(s, peersPanel) // the import's effect is on the Peers panel
		}
	case stateExport:
		return m.export.open(s)
	case statePeers:
		m.peers.open(s, in.ev == evImport)
	case stateReader:
		if in.ev == evRead {
			return m.guides.read(s, in.index, "")
		}
		i, slug, _ := m.guides.find(in.ref)
		return m.guides.read(s, i, slug)
	}
	return nil
}
