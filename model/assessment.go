package model

import (
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"slices"
	"time"
)

// Length is how long an assessment is.
type Length string

const (
	LengthFull  Length = "full"
	LengthQuick Length = "quick"
)

// Status says whether an assessment is still being answered.
type Status string

const (
	StatusInProgress Status = "in progress"
	StatusFinished   Status = "finished"
)

// The pace the time estimates assume: an item takes its words at an
// ordinary silent reading speed for short, plain sentences (300 words a
// minute), plus two seconds to choose, which is one key. The "fast" flag
// uses a quicker reader, WordsPerSecond, as its floor, so an answer at
// the estimated pace is never flagged.
const (
	EstimateWordsPerSecond = 5.0
	ChooseTime             = 2 * time.Second
)

// ExpectedTime is how long an item usually takes: its words (question,
// options, level descriptions) read once, and the choice.
func ExpectedTime(it Item) time.Duration {
	return ChooseTime + time.Duration(float64(words(it))/EstimateWordsPerSecond*float64(time.Second)).Round(100*time.Millisecond)
}

// Answer is what the user gave for one item. Value is 1..5 on likert and
// rating items, and the 1-based option on choice and scenario items.
type Answer struct {
	Value int
	NA    bool
	// NoOpportunity is "no opportunity yet" on a readiness item: the
	// person has not had the chance to show the behaviour. It is not a
	// low score and not "not applicable": it is missing from the score
	// and the plan lists it as a chance to seek.
	NoOpportunity bool
	Skipped       bool
	Note          string
	At            time.Time
	Took          time.Duration
}

// Given reports whether the answer is one that counts as answered
// (a value or "not applicable"; a skip does not).
// AnswerTime is how long an item was on show before its answer, in whole
// milliseconds and never less than one: a zero time means "not measured"
// (older records), and an answer typed ahead of the screen is the fastest
// there is, not an unknown.
func AnswerTime(shown, answered time.Time) time.Duration {
	return max(answered.Sub(shown).Round(time.Millisecond), time.Millisecond)
}

// SameChoice reports whether two answers score the same: the same value,
// not-applicable and skip (notes and times aside).
func (a Answer) SameChoice(b Answer) bool {
	return a.Value == b.Value && a.NA == b.NA && a.NoOpportunity == b.NoOpportunity && a.Skipped == b.Skipped
}

func (a Answer) Given() bool { return a.NA || a.NoOpportunity || (!a.Skipped && a.Value > 0) }

// Scored reports whether the answer has a value that counts in a score:
// given, and neither "not applicable" nor "no opportunity yet".
func (a Answer) Scored() bool { return a.Given() && !a.NA && !a.NoOpportunity }

// Assessment is one run through the bank by one person.
type Assessment struct {
	ID          string
	Started     time.Time
	Length      Length
	Target      Role
	BankVersion string
	Order       []string // item ids in the order they are shown
	Answers     map[string]Answer
	Cursor      int // index into Order of the item to show on resume
	Status      Status
	Finished    time.Time
	// Peers are the colleagues' responses imported for this assessment
	// (stored beside it, not among its answers).
	Peers []Response
}

// NewID makes a time-sortable id: the start time to the second and three
// random hex digits, e.g. 20261123-170811-a3f.
func NewID(t time.Time) string {
	return fmt.Sprintf("%s-%03x", t.UTC().Format("20060102-150405"), rand.IntN(0x1000))
}

// NewAssessment starts an assessment with a stable, shuffled order.
func NewAssessment(b *Bank, id string, started time.Time, length Length, target Role) *Assessment {
	return &Assessment{
		ID:          id,
		Started:     started,
		Length:      length,
		Target:      target,
		BankVersion: b.Version,
		Order:       Order(b, length, id),
		Answers:     map[string]Answer{},
		Status:      StatusInProgress,
	}
}

// Sections lists the layers in the order they are asked.
var Sections = []Layer{LayerLean, LayerReadiness, LayerFoundation}

// Order picks the items of a length and shuffles them within each section,
// seeded by the assessment id so the order is the same every time.
func Order(b *Bank, length Length, id string) []string {
	h := fnv.New64a()
	h.Write([]byte(id))
	r := rand.New(rand.NewPCG(h.Sum64(), 0x6378_6f))
	var order []string
	for _, layer := range Sections {
		var ids []string
		for _, it := range b.Items {
			f, _ := b.Facet(it.Facet)
			if f.Layer == layer && (length == LengthFull || it.Quick) {
				ids = append(ids, it.ID)
			}
		}
		r.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
		order = append(order, ids...)
	}
	return order
}

// Reconcile fits a stored assessment to the bank in use: items the bank
// no longer has leave the order (their answers stay stored but are not
// scored), and items new to the bank for this length join the end of their
// section; the assessment takes the bank's version. It reports whether
// anything changed, so the caller knows to store it.
func (a *Assessment) Reconcile(b *Bank) bool {
	// From now on the assessment goes on with this revision of its bank.
	revised := a.BankVersion != b.Version
	a.BankVersion = b.Version
	if a.AdoptReplaced(b) {
		revised = true
	}
	// A retired item stays where it was answered, with the words it was
	// answered against, and keeps counting; its successor is then not
	// asked as well (it would measure the same thing twice). A retired
	// item left open gives its place to its successor.
	inOrder := map[string]bool{}
	var kept []string
	for _, id := range a.Order {
		it, ok := b.Item(id)
		if ok && (!it.Retired || a.Answers[id].Given()) {
			kept = append(kept, id)
			inOrder[id] = true
			if it.Successor != "" {
				inOrder[it.Successor] = true
			}
		}
	}
	var extra []string
	for _, id := range Order(b, a.Length, a.ID) {
		if !inOrder[id] {
			extra = append(extra, id)
		}
	}
	if len(kept) == len(a.Order) && len(extra) == 0 {
		return revised
	}
	current := ""
	if a.Cursor >= 0 && a.Cursor < len(a.Order) {
		current = a.Order[a.Cursor]
	}
	// Insert each new item after the last kept item of its section.
	sectionOf := func(id string) int {
		it, _ := b.Item(id)
		f, _ := b.Facet(it.Facet)
		for i, l := range Sections {
			if l == f.Layer {
				return i
			}
		}
		return len(Sections)
	}
	order := kept
	for _, id := range extra {
		s := sectionOf(id)
		at := len(order)
		for i := range order {
			if sectionOf(order[i]) > s {
				at = i
				break
			}
		}
		order = append(order[:at], append([]string{id}, order[at:]...)...)
	}
	a.Order = order
	a.Cursor = 0
	for i, id := range order {
		if id == current {
			a.Cursor = i
		}
	}
	if current == "" || !slices.Contains(order, current) {
		a.Cursor = a.FirstOpen()
	}
	return true
}

// CheckBank says whether bank b can show, score and export a: only a bank
// of the same family (another revision that rewords or adds items) can;
// another family asks other questions, and its texts and scores would be
// passed off as the answers' own.
func (a *Assessment) CheckBank(b *Bank) error {
	if Compatible(a.BankVersion, b.Version) {
		return nil
	}
	return fmt.Errorf("assessment %s was taken with question bank %s, and the bank in use is %s, which asks other questions; use the bank it was taken with (--bank FILE, or no --bank for the built-in one)",
		a.ID, a.BankVersion, b.Version)
}

// Progress counts the items in the order that have an answer.
func (a *Assessment) Progress() (answered, total int) {
	for _, id := range a.Order {
		if a.Answers[id].Given() {
			answered++
		}
	}
	return answered, len(a.Order)
}

// FirstOpen is the index of the first item without an answer, or the
// length of the order when every item has one.
func (a *Assessment) FirstOpen() int {
	for i, id := range a.Order {
		if !a.Answers[id].Given() {
			return i
		}
	}
	return len(a.Order)
}

// Remaining estimates the time the open items of the order will take.
func (a *Assessment) Remaining(b *Bank) time.Duration {
	var d time.Duration
	for _, id := range a.Order {
		if it, ok := b.Item(id); ok && !a.Answers[id].Given() {
			d += ExpectedTime(it)
		}
	}
	return d
}

// Estimate is the number of items of a length of assessment on a bank and
// the time they are expected to take, from their own reading time.
func Estimate(b *Bank, length Length) (items int, d time.Duration) {
	for _, it := range b.Items {
		if length == LengthFull || it.Quick {
			items++
			d += ExpectedTime(it)
		}
	}
	return items, d
}

// SectionOf tells which layer the item at index i belongs to.
func (a *Assessment) SectionOf(b *Bank, i int) Layer {
	if i < 0 || i >= len(a.Order) {
		return ""
	}
	it, _ := b.Item(a.Order[i])
	f, _ := b.Facet(it.Facet)
	return f.Layer
}

// Clone copies an assessment deeply enough that a command can score or
// save the copy while Update goes on changing the original.
func (a *Assessment) Clone() *Assessment {
	c := *a
	c.Order = append([]string(nil), a.Order...)
	c.Peers = append([]Response(nil), a.Peers...)
	c.Answers = make(map[string]Answer, len(a.Answers))
	for id, ans := range a.Answers {
		c.Answers[id] = ans
	}
	return &c
}
