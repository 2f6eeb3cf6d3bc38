package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/cxo-dev/cxo/model"
	bolt "go.etcd.io/bbolt"
)

// Summary is one line of cxo list.
type Summary struct {
	ID          string
	Started     time.Time
	Finished    time.Time // zero until finished
	Length      model.Length
	Target      model.Role
	Status      model.Status
	Answered    int
	Total       int
	Lean        string
	BankVersion string
}

// ErrIDTaken means an assessment with that id exists already (two started
// in the same second drew the same random suffix): draw another id.
var ErrIDTaken = errors.New("id already taken")

// Create stores a new assessment.
func (s *Store) Create(a *model.Assessment) error {
	return s.update(func(tx *bolt.Tx) error {
		root := tx.Bucket(bucketAssessments)
		if root.Bucket([]byte(a.ID)) != nil {
			return fmt.Errorf("assessment %s: %w", a.ID, ErrIDTaken)
		}
		b, err := root.CreateBucket([]byte(a.ID))
		if err != nil {
			return err
		}
		if _, err := b.CreateBucket(bucketAnswers); err != nil {
			return err
		}
		return putNew(codecOf(tx), b, a)
	})
}

// putNew writes the values of a new assessment into its bucket b.
func putNew(c codec, b *bolt.Bucket, a *model.Assessment) error {
	if err := putRecord(c, b, a); err != nil {
		return err
	}
	if err := c.put(b, keyOrder, valueName(a.ID, "order"), must(json.Marshal(a.Order))); err != nil {
		return err
	}
	return c.put(b, keyCursor, valueName(a.ID, "cursor"), []byte(strconv.Itoa(a.Cursor)))
}

func putRecord(c codec, b *bolt.Bucket, a *model.Assessment) error {
	r := recordOf(a)
	if old, err := getRecord(c, b, a.ID); err == nil {
		r.Lean = old.Lean
	}
	return c.put(b, keyRecord, valueName(a.ID, "record"), must(json.Marshal(r)))
}

// getRecord reads and checks the header of assessment id.
func getRecord(c codec, b *bolt.Bucket, id string) (record, error) {
	name := valueName(id, "record")
	data, err := c.get(b, keyRecord, name)
	if err != nil {
		return record{}, err
	}
	r, err := decodeRecord(name, data)
	if err == nil && r.ID != id {
		return r, &RecordError{Key: name, Reason: "it names another assessment, " + r.ID}
	}
	return r, err
}

// getCount reads a decimal counter (cursor, answered); ok is false when it
// is missing or unreadable.
func getCount(c codec, b *bolt.Bucket, id string, key []byte) (n int, ok bool, err error) {
	data, err := c.get(b, key, valueName(id, string(key)))
	if err != nil || data == nil {
		return 0, false, err
	}
	n, perr := strconv.Atoi(string(data))
	return n, perr == nil && n >= 0, nil
}

func putCount(c codec, b *bolt.Bucket, id string, key []byte, n int) error {
	return c.put(b, key, valueName(id, string(key)), []byte(strconv.Itoa(n)))
}

func (s *Store) assessment(tx *bolt.Tx, id string) (*bolt.Bucket, error) {
	if tx == nil {
		return nil, fmt.Errorf("%w: %s", ErrNotFound, id)
	}
	root := tx.Bucket(bucketAssessments)
	if root == nil {
		return nil, fmt.Errorf("%w: %s", ErrNotFound, id)
	}
	b := root.Bucket([]byte(id))
	if b == nil {
		return nil, fmt.Errorf("%w: %s", ErrNotFound, id)
	}
	return b, nil
}

// SaveAnswer commits one answer and where to resume, in one transaction.
func (s *Store) SaveAnswer(id, itemID string, ans model.Answer, cursor int) error {
	return s.update(func(tx *bolt.Tx) error {
		b, err := s.assessment(tx, id)
		if err != nil {
			return err
		}
		answers, err := b.CreateBucketIfNotExists(bucketAnswers)
		if err != nil {
			return err
		}
		c := codecOf(tx)
		name := valueName(id, "answers", itemID)
		wasGiven, changed := false, ans.Given()
		// A damaged old answer is replaced: the new one is what the user
		// just gave. It counted as not given (the count is redone below
		// when that is unsure).
		old, oldErr := c.get(answers, []byte(itemID), name)
		if old != nil {
			if prev, err := DecodeAnswer(name, old); err == nil {
				wasGiven = prev.Given()
				if prev.Keeps(ans) {
					ans = prev // even one another cxo process gave after this one loaded
				}
				changed = !ans.SameChoice(prev)
			}
		}
		if changed {
			if err := reopen(c, b, id); err != nil {
				return err
			}
		}
		if err := c.put(answers, []byte(itemID), name, encodeAnswer(ans)); err != nil {
			return err
		}
		n, ok, err := getCount(c, b, id, keyAnswered)
		switch {
		case err != nil || oldErr != nil || (!ok && b.Get(keyAnswered) != nil):
			n = recount(c, b, id) // the running count cannot be trusted
		case ans.Given() && !wasGiven:
			n++
		case !ans.Given() && wasGiven:
			n--
		}
		if err := putCount(c, b, id, keyAnswered, max(n, 0)); err != nil {
			return err
		}
		return putCount(c, b, id, keyCursor, cursor)
	})
}

// recount counts the given answers of assessment id to the items of its
// order (every answer when the order cannot be read).
func recount(c codec, b *bolt.Bucket, id string) int {
	var order []string
	if data, err := c.get(b, keyOrder, valueName(id, "order")); err == nil && data != nil {
		if json.Unmarshal(data, &order) != nil {
			order = nil
		}
	}
	return answeredIn(c, b, id, order)
}

// SaveCursor records which item to show on resume.
func (s *Store) SaveCursor(id string, cursor int) error {
	return s.update(func(tx *bolt.Tx) error {
		b, err := s.assessment(tx, id)
		if err != nil {
			return err
		}
		return putCount(codecOf(tx), b, id, keyCursor, cursor)
	})
}

// reopen takes a finished assessment whose answers change back to in
// progress: the result no longer matches the answers, so it is no longer
// exported, compared or resumed as finished. The last result (its lean in
// the record and its snapshot) stays, read only as "the last result" of an
// assessment in progress, until finishing again replaces it.
func reopen(c codec, b *bolt.Bucket, id string) error {
	r, err := getRecord(c, b, id)
	if err != nil || r.Status != string(model.StatusFinished) {
		return nil
	}
	r.Status, r.Finished = string(model.StatusInProgress), time.Time{}
	return c.put(b, keyRecord, valueName(id, "record"), must(json.Marshal(r)))
}

// SaveOrder stores a reconciled order (after a bank change).
func (s *Store) SaveOrder(a *model.Assessment) error {
	return s.update(func(tx *bolt.Tx) error {
		b, err := s.assessment(tx, a.ID)
		if err != nil {
			return err
		}
		c := codecOf(tx)
		if err := c.put(b, keyOrder, valueName(a.ID, "order"), must(json.Marshal(a.Order))); err != nil {
			return err
		}
		if err := putRecord(c, b, a); err != nil {
			return err
		}
		// The answered count is kept against the order: answers to items
		// the bank dropped stay stored but no longer count, so a list
		// never shows more answered than there are items.
		if err := putCount(c, b, a.ID, keyAnswered, answeredIn(c, b, a.ID, a.Order)); err != nil {
			return err
		}
		return putCount(c, b, a.ID, keyCursor, a.Cursor)
	})
}

// answeredIn counts the readable given answers stored in b (assessment
// id) to the items of order, or to any item when order is nil.
func answeredIn(c codec, b *bolt.Bucket, id string, order []string) int {
	answers := b.Bucket(bucketAnswers)
	if answers == nil {
		return 0
	}
	n := 0
	count := func(item string) {
		name := valueName(id, "answers", item)
		if v, err := c.get(answers, []byte(item), name); err == nil && v != nil {
			if ans, err := DecodeAnswer(name, v); err == nil && ans.Given() {
				n++
			}
		}
	}
	if order == nil {
		_ = answers.ForEach(func(k, _ []byte) error { count(string(k)); return nil })
		return n
	}
	for _, item := range order {
		count(item)
	}
	return n
}

// Load reads a whole assessment. A stored value that fails its checksum
// fails the load with a *DamagedError naming the assessment and the item
// (a *RecordError inside): showing the assessment without it would show a
// given answer as not answered. Only a damaged resume position is not
// fatal: the assessment resumes at its first open item. That, and answers
// of an older file that do not decode, are reported in skipped.
func (s *Store) Load(id string) (a *model.Assessment, skipped []error, err error) {
	err = s.view(func(tx *bolt.Tx) error {
		b, err := s.assessment(tx, id)
		if err != nil {
			return err
		}
		a, skipped, err = readStored(codecOf(tx), b, id)
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	if a != nil && (a.Cursor < 0 || a.Cursor > len(a.Order)) {
		a.Cursor = a.FirstOpen()
	}
	return a, skipped, err
}

// readStored reads an assessment's record, order, cursor and answers from
// its bucket, inside a transaction (Load's, or Finish's write). A value
// that fails its checksum fails the read; an answer of an older file that
// does not decode is reported in skipped and left out.
func readStored(c codec, b *bolt.Bucket, id string) (a *model.Assessment, skipped []error, err error) {
	r, err := getRecord(c, b, id)
	if err != nil {
		return nil, nil, err
	}
	a = &model.Assessment{ID: r.ID, Started: r.Started, Length: model.Length(r.Length), Target: model.Role(r.Target),
		BankVersion: r.BankVersion, Status: model.Status(r.Status), Finished: r.Finished, Answers: map[string]model.Answer{}}
	data, err := c.get(b, keyOrder, valueName(id, "order"))
	if err != nil {
		return nil, nil, err
	}
	if err := json.Unmarshal(data, &a.Order); err != nil {
		return nil, nil, &RecordError{Key: valueName(id, "order"), Reason: err.Error()}
	}
	// A missing or unreadable position resumes at the start, as it always
	// has; a damaged one at the first open item (it only says where to
	// resume), and is reported in skipped.
	cursor, _, err := getCount(c, b, id, keyCursor)
	if err != nil {
		skipped = append(skipped, err)
		cursor = -1
	}
	a.Cursor = cursor
	if ans := b.Bucket(bucketAnswers); ans != nil {
		err := ans.ForEach(func(k, v []byte) error {
			name := valueName(id, "answers", string(k))
			if c.sealed {
				var err error
				if v, err = unseal(name, v); err != nil {
					return err
				}
			}
			x, err := DecodeAnswer(name, v)
			if err != nil {
				skipped = append(skipped, err)
				return nil
			}
			a.Answers[string(k)] = x
			return nil
		})
		if err != nil {
			return nil, nil, err
		}
	}
	if a.Peers, err = readPeers(c, b, id); err != nil {
		return nil, nil, err
	}
	return a, skipped, nil
}

// Result reads the snapshot kept when the assessment was finished.
func (s *Store) Result(id string) (res model.Result, ok bool, err error) {
	err = s.view(func(tx *bolt.Tx) error {
		b, err := s.assessment(tx, id)
		if err != nil {
			return err
		}
		name := valueName(id, "result")
		data, err := codecOf(tx).get(b, keyResult, name)
		if err != nil || data == nil {
			return err
		}
		if res, err = decodeResult(name, data); err != nil {
			return err
		}
		ok = true
		return nil
	})
	return res, ok, err
}

// List returns every assessment, newest first. Bad records are returned
// in skipped rather than failing the list.
func (s *Store) List() (list []Summary, skipped []error, err error) {
	err = s.view(func(tx *bolt.Tx) error {
		if tx == nil || tx.Bucket(bucketAssessments) == nil {
			return nil
		}
		c := codecOf(tx)
		return tx.Bucket(bucketAssessments).ForEach(func(k, _ []byte) error {
			b := tx.Bucket(bucketAssessments).Bucket(k)
			if b == nil {
				return nil
			}
			id := string(k)
			r, err := getRecord(c, b, id)
			if err != nil {
				skipped = append(skipped, err)
				return nil
			}
			n, ok, err := getCount(c, b, id, keyAnswered)
			if err != nil || (!ok && b.Get(keyAnswered) != nil) {
				n = recount(c, b, id)
			}
			list = append(list, Summary{ID: r.ID, Started: r.Started, Finished: r.Finished, Length: model.Length(r.Length), Target: model.Role(r.Target),
				Status: model.Status(r.Status), Answered: n, Total: r.Total, Lean: r.Lean, BankVersion: r.BankVersion})
			return nil
		})
	})
	sortNewestFirst(list)
	return list, skipped, err
}

// Resolve finds the one assessment whose id starts with prefix.
func (s *Store) Resolve(prefix string) (string, error) {
	var matches []string
	err := s.view(func(tx *bolt.Tx) error {
		if tx == nil || tx.Bucket(bucketAssessments) == nil {
			return nil
		}
		c := tx.Bucket(bucketAssessments).Cursor()
		for k, _ := c.Seek([]byte(prefix)); k != nil && bytes.HasPrefix(k, []byte(prefix)); k, _ = c.Next() {
			matches = append(matches, string(k))
		}
		return nil
	})
	switch {
	case err != nil:
		return "", err
	case len(matches) == 0:
		return "", fmt.Errorf("%w: %s (cxo list shows the ids)", ErrNotFound, prefix)
	case len(matches) > 1 && !slices.Contains(matches, prefix):
		return "", fmt.Errorf("id %s is ambiguous: it starts %s", prefix, strings.Join(matches, ", "))
	}
	if slices.Contains(matches, prefix) {
		return prefix, nil
	}
	return matches[0], nil
}

// KeptResult is loaded assessment a's result: the snapshot kept when it
// was finished, or a scored against b when there is none yet (or it is
// damaged: the answers were read whole, so the result is worked out from
// them again).
func (s *Store) KeptResult(b *model.Bank, a *model.Assessment) (model.Result, error) {
	// Only a finished assessment's snapshot is its result: one reopened by
	// a changed answer keeps its last result, which no longer matches.
	res, ok, err := model.Result{}, false, error(nil)
	if a.Status == model.StatusFinished {
		res, ok, err = s.Result(a.ID)
	}
	var rec *RecordError
	switch {
	case errors.As(err, &rec):
		ok = false
	case err != nil:
		return model.Result{}, err
	}
	if !ok {
		res = model.Compute(b, a)
	}
	return res, nil
}

// LoadWithResult reads an assessment with the result kept when it was
// finished (so history stays readable after a bank change), or scores it
// against b when there is no snapshot yet.
func (s *Store) LoadWithResult(b *model.Bank, id string) (*model.Assessment, model.Result, error) {
	a, _, err := s.Load(id)
	if err != nil {
		return nil, model.Result{}, err
	}
	if err := a.CheckBank(b); err != nil {
		return nil, model.Result{}, err
	}
	if a.Status != model.StatusFinished {
		a.Reconcile(b) // in memory: the items this bank asks, answers kept
	}
	res, err := s.KeptResult(b, a)
	if err != nil {
		return nil, model.Result{}, err
	}
	return a, res, nil
}
