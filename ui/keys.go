package ui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
)

// The key contract (see README), one keymap per screen. Each implements
// help.KeyMap: the help line and the full help (?) come from the keymap
// the handlers match against, so they cannot drift apart. Bindings that
// only label a group of keys in the help ("←/→ change") are marked as
// such; handlers never match them.

func bind(helpKey, desc string, keys ...string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(helpKey, desc))
}

// label is a help-only binding: it names keys that other bindings match.
func label(helpKey, desc string) key.Binding {
	return key.NewBinding(key.WithKeys(helpKey), key.WithHelp(helpKey, desc))
}

var (
	quitKey      = bind("q", "quit", "q")
	forceQuitKey = bind("ctrl+c", "quit (answers are saved)", "ctrl+c")
	suspendKey   = bind("ctrl+z", "suspend", "ctrl+z")
	helpKey      = bind("?", "more keys", "?")
	backKey      = bind("esc", "back", "esc")
	upKey        = bind("↑/k", "up", "up", "k")
	downKey      = bind("↓/j", "down", "down", "j")
	scrollLabel  = label("↑/↓", "scroll")
)

// rootKeys work on every screen (the root handles them).
var rootKeys = struct {
	Quit, ForceQuit, Suspend, Help, Back key.Binding
}{quitKey, forceQuitKey, suspendKey, helpKey, backKey}

// keyHelp adapts two functions to help.KeyMap.
type keyHelp struct {
	short []key.Binding
	full  [][]key.Binding
}

func (k keyHelp) ShortHelp() []key.Binding  { return k.short }
func (k keyHelp) FullHelp() [][]key.Binding { return k.full }

// Home.

type homeKeyMap struct {
	Up, Down, Enter, New, Resume, History, Guides key.Binding
}

var homeKeys = homeKeyMap{
	Up: upKey, Down: downKey, Enter: bind("enter", "choose", "enter"),
	New: bind("n", "new", "n"), Resume: bind("r", "resume", "r"),
	History: bind("h", "history", "h"), Guides: bind("g", "guides", "g"),
}

// keyHelp offers r only when there is something to resume.
func (h *homeModel) keyHelp(m *session) help.KeyMap {
	k := homeKeys
	k.Resume.SetEnabled(m.newestOpen() != "")
	jumps := []key.Binding{k.New, k.Resume, k.History, k.Guides}
	return keyHelp{
		short: append(append([]key.Binding{k.Up, k.Down, k.Enter}, jumps...), quitKey, helpKey),
		full:  [][]key.Binding{{k.Up, k.Down, k.Enter}, jumps, {helpKey, quitKey, forceQuitKey, suspendKey}},
	}
}

// New assessment.

type newKeyMap struct {
	Up, Down, Less, More, Start, Back key.Binding
	Change                            key.Binding // label for Less and More
}

var newKeys = newKeyMap{
	Up: upKey, Down: bind("↓/j", "down", "down", "j", "tab"),
	Less: bind("←/h", "previous", "left", "h"), More: bind("→/l", "next", "right", "l"),
	Change: label("←/→", "change"), Start: bind("enter", "start", "enter"), Back: backKey,
}

func (n *newModel) keyHelp(*session) help.KeyMap {
	k := newKeys
	return keyHelp{
		short: []key.Binding{k.Up, k.Down, k.Change, k.Start, k.Back, helpKey},
		full:  [][]key.Binding{{k.Up, k.Down, k.Change, k.Start}, {k.Back, quitKey, forceQuitKey}},
	}
}

// A section's intro (shown by the question screen).

type introKeyMap struct {
	Begin, Prev, Guide, Review, Back key.Binding
}

var introKeys = introKeyMap{
	Begin: bind("any key", "begin", "enter"), Prev: bind("←/h", "previous", "left", "h"),
	Guide: bind("g", "guide", "g"), Review: bind("v", "review", "v"), Back: backKey,
}

func (k introKeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Begin, k.Prev, k.Guide, k.Review, k.Back, helpKey}
}

func (k introKeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Begin, k.Prev}, {k.Guide, k.Review}, {k.Back, quitKey, forceQuitKey}}
}

// A question.

type questionKeyMap struct {
	Answer, Letter, Up, Down, Enter, Prev, Next, Skip, NA, NoOpp, Guide, Review, Note, Back key.Binding
	// while a note is typed
	SaveNote, CancelNote key.Binding
	// after a failed save
	Retry key.Binding
	// labels
	Move, NALabel, More key.Binding
}

var questionKeys = questionKeyMap{
	Answer: bind("1-5", "answer", "1", "2", "3", "4", "5"), Letter: bind("a-d", "pick", "a", "b", "c", "d"),
	Up: upKey, Down: downKey, Enter: bind("enter", "choose", "enter"),
	Prev: bind("←/h", "previous", "left", "h"), Next: bind("→/l", "next", "right", "l"),
	Skip: bind("s", "skip", "s"), NA: bind("x", "not applicable", "x"), NoOpp: bind("o", "no opportunity yet", "o"),
	Guide: bind("g", "guide", "g"), Review: bind("v", "review", "v"), Note: bind("e", "evidence note", "e"),
	Back:     backKey,
	SaveNote: bind("enter", "save note", "enter"), CancelNote: bind("esc", "cancel", "esc"),
	Retry: bind("enter", "retry save", "enter"),
	Move:  label("←/→", "move"), NALabel: label("x", "n/a"), More: label("?", "more"),
}

func (q *questionModel) keyHelp(m *session) help.KeyMap {
	k := questionKeys
	if m.state == stateIntro {
		return introKeys
	}
	if q.noting {
		return keyHelp{short: []key.Binding{k.SaveNote, k.CancelNote}, full: [][]key.Binding{{k.SaveNote, k.CancelNote}}}
	}
	if p := q.pending; p != nil && p.err != nil {
		return keyHelp{short: []key.Binding{k.Retry, k.Back, forceQuitKey}, full: [][]key.Binding{{k.Retry, k.Back, forceQuitKey}}}
	}
	it := q.item(m)
	answer := k.Answer
	if l := lettered(it); l > 0 {
		answer = label("1-"+itoa(it.Levels())+"/a-"+string(rune('a'+l-1)), "pick")
	}
	short := []key.Binding{answer, k.Move, k.Skip}
	if it.NA {
		short = append(short, k.NALabel)
	}
	short = append(short, k.Guide, k.Review, k.More)
	// The full help offers only what this item takes.
	passes := []key.Binding{k.Prev, k.Next, k.Skip}
	if it.NA {
		passes = append(passes, k.NA)
	}
	if it.OffersNoOpportunity() {
		passes = append(passes, k.NoOpp)
	}
	return keyHelp{
		short: short,
		full: [][]key.Binding{{answer, k.Up, k.Down, k.Enter}, passes,
			{k.Guide, k.Review, k.Note}, {k.Back, quitKey, forceQuitKey}},
	}
}

// The review.

type reviewKeyMap struct {
	Up, Down, PageUp, PageDown, Pick, Finish, Back key.Binding
	// leaving after a changed answer reopened a finished assessment
	FinishAgain, KeepOpen key.Binding
	// answer-quality flags
	NextFlag, PrevFlag, OnlyFlagged key.Binding
}

var reviewKeys = reviewKeyMap{
	Up: upKey, Down: downKey, PageUp: bind("pgup", "page up", "pgup"), PageDown: bind("pgdn", "page down", "pgdown", "space"),
	Pick: bind("enter", "answer this one", "enter"), Finish: bind("f", "finish", "f"), Back: backKey,
	FinishAgain: bind("enter", "finish again", "enter"), KeepOpen: bind("esc", "keep it open", "esc"),
	NextFlag: bind("]", "next flagged", "]"), PrevFlag: bind("[", "previous flagged", "["),
	OnlyFlagged: bind("o", "flagged only / all", "o"),
}

func (k reviewKeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.Pick, k.Finish, k.Back, helpKey}
}

func (k reviewKeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown}, {k.Pick, k.Finish}, {k.Back, quitKey, forceQuitKey}}
}

func (r *reviewModel) keyHelp(m *session) help.KeyMap {
	k := reviewKeys
	if r.asking {
		keys := []key.Binding{k.FinishAgain, k.KeepOpen, forceQuitKey}
		return keyHelp{short: keys, full: [][]key.Binding{keys}}
	}
	if len(flagged(m)) == 0 {
		return k
	}
	// With flags the flag keys come first: a narrow help line drops keys
	// from the end.
	flags := []key.Binding{k.NextFlag, k.PrevFlag, k.OnlyFlagged}
	return keyHelp{
		short: append(append([]key.Binding{k.Up, k.Down}, flags...), k.Pick, k.Finish, k.Back, helpKey),
		full:  [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown}, flags, {k.Pick, k.Finish}, {k.Back, quitKey, forceQuitKey}},
	}
}

// The results.

type resultsKeyMap struct {
	Tab, ShiftTab, Panel, Why, Review, Export, Compare, Guides, Open, Up, Down, Back key.Binding
	Invite, Import                                                                   key.Binding // peers (a private 360)
	ShowAnyway                                                                       key.Binding // a verdict the quality checks hold back
	Scroll, ChooseGap, Page                                                          key.Binding // labels
}

var resultsKeys = resultsKeyMap{
	Tab: bind("tab", "next panel", "tab"), ShiftTab: bind("shift+tab", "previous panel", "shift+tab"),
	Panel: bind("1-5", "panel", "1", "2", "3", "4", "5"), Why: bind("w", "why", "w"), Review: bind("v", "review", "v"),
	Export: bind("e", "export", "e"), Compare: bind("c", "compare", "c"), Guides: bind("g", "guides", "g"),
	Open: bind("enter", "read the gap's guide", "enter"), Up: upKey, Down: downKey,
	Back: backKey, Scroll: scrollLabel, ChooseGap: label("↑/↓", "choose a gap"), Page: label("pgup/pgdn", "scroll"), ShowAnyway: bind("a", "show the held verdict", "a"),
	Invite: bind("i", "invite colleagues", "i"), Import: bind("I", "import their responses", "I"),
}

// keyHelp puts the panel's own keys first: a narrow help line drops keys
// from the end (but "?"). Both lines offer only keys that do something
// here: a on a held verdict, w on the readiness panel, and on the plan
// ↑/↓ choose a gap (they do not scroll there) and enter reads its guide.
func (r *resultsModel) keyHelp(m *session) help.KeyMap {
	k := resultsKeys
	move := k.Scroll
	if r.anyway {
		// a toggles: with the held verdict on show, it hides it.
		k.ShowAnyway = bind("a", "hide the verdict", "a")
	}
	var own []key.Binding // the panel's own keys
	if m.res.Held && r.panel == 0 {
		own = append(own, k.ShowAnyway)
	}
	if r.panel == 1 {
		own = append(own, k.Why)
	}
	if r.panel == 2 && len(m.res.Gaps) > 0 {
		move = k.ChooseGap
		own = append(own, k.Open)
	}
	if r.panel == 3 && len(m.res.Flags) > 0 {
		own = append(own, k.Review)
	}
	if r.panel == 4 {
		own = append(own, k.Invite, k.Import)
	}
	choosing := move.Help().Desc != k.Scroll.Help().Desc
	short := append([]key.Binding{k.Tab}, own...)
	if choosing {
		// On the plan the arrows choose and the page keys scroll: both
		// come before the keys a narrow help line drops (the tab bar
		// shows the panels).
		short = []key.Binding{move}
		if r.overflows(m) {
			short = append(short, k.Page)
		}
		short = append(short, append(own, k.Tab)...)
	} else if r.overflows(m) {
		// Rows lie below: scrolling comes before the keys a narrow help
		// line drops.
		short = append(short, k.Scroll)
	}
	short = append(short, k.Export, k.Compare, k.Guides)
	if !r.overflows(m) && !choosing {
		short = append(short, move)
	}
	short = append(short, k.Back, helpKey)
	here := []key.Binding{k.Tab, k.ShiftTab, k.Panel, move}
	if r.panel == 1 {
		here = append(here, k.Why)
	}
	if choosing {
		here = append(here, k.Page, k.Open)
	}
	other := []key.Binding{k.Export, k.Compare, k.Guides, k.Review, k.Invite, k.Import}
	if m.res.Held {
		other = append(other, k.ShowAnyway)
	}
	return keyHelp{short: short, full: [][]key.Binding{here, other, {k.Back, quitKey, forceQuitKey}}}
}

// The export form (a text field has the keys: q and ? are text).

type exportKeyMap struct {
	Write, Back key.Binding
}

var exportKeys = exportKeyMap{Write: bind("enter", "write", "enter"), Back: backKey}

func (k exportKeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Write, k.Back, forceQuitKey} }

func (k exportKeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Write, k.Back, forceQuitKey}}
}

func (e *exportModel) keyHelp(*session) help.KeyMap { return exportKeys }

// The guides and the reader.

type guidesKeyMap struct {
	Up, Down, Open, Number, Back key.Binding
}

var guidesKeys = guidesKeyMap{
	Up: upKey, Down: downKey, Open: bind("enter", "open", "enter"),
	Number: bind("1-9", "open", "1", "2", "3", "4", "5", "6", "7", "8", "9"), Back: backKey,
}

func (k guidesKeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.Open, k.Back, helpKey}
}

func (k guidesKeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.Open}, {k.Back, quitKey, forceQuitKey}}
}

type readerKeyMap struct {
	PageUp, PageDown, Top, Bottom, Search, NextHit, PrevHit, Back key.Binding
	// in the search field
	Find, Cancel key.Binding
	Scroll       key.Binding // label
}

var readerKeys = readerKeyMap{
	PageUp: bind("pgup", "page up", "pgup"), PageDown: bind("pgdn", "page down", "pgdown", "space"),
	Top: bind("g/home", "top", "g", "home"), Bottom: bind("G/end", "bottom", "G", "end"),
	Search: bind("/", "search", "/"), NextHit: bind("n/N", "next/previous hit", "n"), PrevHit: key.NewBinding(key.WithKeys("N")),
	Back: backKey, Find: bind("enter", "find", "enter"), Cancel: bind("esc", "cancel", "esc"), Scroll: scrollLabel,
}

func (g *guidesModel) keyHelp(m *session) help.KeyMap {
	if m.state == stateGuides {
		return guidesKeys
	}
	k := readerKeys
	if g.searching {
		return keyHelp{short: []key.Binding{k.Find, k.Cancel}, full: [][]key.Binding{{k.Find, k.Cancel}}}
	}
	return keyHelp{
		short: []key.Binding{k.Scroll, k.PageDown, k.Search, k.NextHit, k.Back, helpKey},
		full:  [][]key.Binding{{k.Scroll, k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.Search, k.NextHit}, {k.Back, quitKey, forceQuitKey}},
	}
}

// The history.

type historyKeyMap struct {
	Up, Down, Open, Delete, Pick, Back key.Binding
}

var historyKeys = historyKeyMap{
	Up: upKey, Down: downKey, Open: bind("enter", "open", "enter"), Delete: bind("d", "delete", "d", "delete"),
	Pick: bind("enter", "compare", "enter"), Back: backKey,
}

func (h *historyModel) keyHelp(*session) help.KeyMap {
	k := historyKeys
	if h.compareWith != "" {
		return keyHelp{short: []key.Binding{k.Up, k.Down, k.Pick, k.Back, helpKey}, full: [][]key.Binding{{k.Up, k.Down, k.Pick}, {k.Back, quitKey, forceQuitKey}}}
	}
	return keyHelp{
		short: []key.Binding{k.Up, k.Down, k.Open, k.Delete, k.Back, helpKey},
		full:  [][]key.Binding{{k.Up, k.Down, k.Open, k.Delete}, {k.Back, quitKey, forceQuitKey}},
	}
}

// The comparison.

type compareKeyMap struct {
	Back   key.Binding
	Scroll key.Binding // label
}

var compareKeys = compareKeyMap{Back: backKey, Scroll: scrollLabel}

func (k compareKeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Scroll, k.Back, quitKey, helpKey}
}

func (k compareKeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Scroll, k.Back, quitKey, forceQuitKey}}
}

func (c *compareModel) keyHelp(*session) help.KeyMap { return compareKeys }

// The database problem.

type damagedKeyMap struct {
	GoOn, MoveAside key.Binding
}

var damagedKeys = damagedKeyMap{
	GoOn:      bind("c", "go on with what is sound", "c"),
	MoveAside: bind("m", "move aside and start fresh", "m"),
}

func (d *damagedModel) keyHelp(*session) help.KeyMap {
	var keys []key.Binding
	if d.canGoOn {
		keys = append(keys, damagedKeys.GoOn)
	}
	if d.canFix {
		keys = append(keys, damagedKeys.MoveAside)
	}
	keys = append(keys, quitKey)
	return keyHelp{short: keys, full: [][]key.Binding{append(keys, forceQuitKey)}}
}

// Rate (cxo rate: a colleague's rating, a program of its own).

type rateKeyMap struct {
	Answer, NoOpportunity, Keep, Prev, Yes, No, Quit key.Binding
}

var rateKeys = rateKeyMap{
	Answer: bind("1-5", "answer", "1", "2", "3", "4", "5"), NoOpportunity: bind("o", "no opportunity to observe", "o"),
	Keep: bind("enter", "keep answer", "enter"),
	Prev: bind("←/h", "previous", "left", "h"), Yes: bind("y", "yes", "y"), No: bind("n", "no", "n"),
	Quit: bind("q/esc", "stop (answers are saved)", "q", "esc", "ctrl+c"),
}

func (k rateKeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Answer, k.NoOpportunity, k.Prev, k.Quit}
}

func (k rateKeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Answer, k.NoOpportunity, k.Keep, k.Prev}, {k.Yes, k.No, k.Quit}}
}

// Invite and import (the results' i and I).

type peersKeyMap struct {
	Go, Back key.Binding
}

var peersKeys = peersKeyMap{Go: bind("enter", "go", "enter"), Back: backKey}

func (k peersKeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Go, k.Back, forceQuitKey} }

func (k peersKeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Go, k.Back, forceQuitKey}}
}

func (p *peersModel) keyHelp(*session) help.KeyMap { return peersKeys }
