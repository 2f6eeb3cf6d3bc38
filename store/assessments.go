package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
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
		if err := putRecord(b, a); err != nil {
			return err
		}
		if err := b.Put(keyOrder, must(json.Marshal(a.Order))); err != nil {
			return err
		}
		return b.Put(keyCursor, []byte(strconv.Itoa(a.Cursor)))
	})
}

func putRecord(b *bolt.Bucket, a *model.Assessment) error {
	r := record{V: recordVersion, ID: a.ID, Started: a.Started.UTC(), Length: string(a.Length), Target: string(a.Target),
		BankVersion: a.BankVersion, Total: len(a.Order), Status: string(a.Status), Finished: a.Finished.UTC()}
	if old, err := decodeRecord(a.ID, b.Get(keyRecord)); err == nil {
		r.Lean = old.Lean
	}
	return b.Put(keyRecord, must(json.Marshal(r)))
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
		wasGiven, changed := false, ans.Given()
		if old := answers.Get([]byte(itemID)); old != nil {
			if prev, err := DecodeAnswer(itemID, old); err == nil {
				wasGiven = prev.Given()
				if ans.Skipped && wasGiven {
					// A skip is not an answer: it never erases one, even one
					// another cxo process gave after this one loaded.
					ans = prev
				}
				changed = !ans.SameChoice(prev)
			}
		}
		if changed {
			if err := reopen(b); err != nil {
				return err
			}
		}
		if err := answers.Put([]byte(itemID), encodeAnswer(ans)); err != nil {
			return err
		}
		n, _ := strconv.Atoi(string(b.Get(keyAnswered)))
		switch {
		case ans.Given() && !wasGiven:
			n++
		case !ans.Given() && wasGiven:
			n--
		}
		if err := b.Put(keyAnswered, []byte(strconv.Itoa(max(n, 0)))); err != nil {
			return err
		}
		return b.Put(keyCursor, []byte(strconv.Itoa(cursor)))
	})
}

// SaveCursor records which item to show on resume.
func (s *Store) SaveCursor(id string, cursor int) error {
	return s.update(func(tx *bolt.Tx) error {
		b, err := s.assessment(tx, id)
		if err != nil {
			return err
		}
		return b.Put(keyCursor, []byte(strconv.Itoa(cursor)))
	})
}

// reopen takes a finished assessment whose answers change back to in
// progress and drops its result snapshot: a result no longer matching the
// answers would be exported, listed and compared as if it did. Finishing
// again scores it afresh.
func reopen(b *bolt.Bucket) error {
	r, err := decodeRecord("record", b.Get(keyRecord))
	if err != nil || r.Status != string(model.StatusFinished) {
		return nil
	}
	r.Status, r.Finished, r.Lean = string(model.StatusInProgress), time.Time{}, ""
	if err := b.Put(keyRecord, must(json.Marshal(r))); err != nil {
		return err
	}
	return b.Delete(keyResult)
}

// SaveOrder stores a reconciled order (after a bank change).
func (s *Store) SaveOrder(a *model.Assessment) error {
	return s.update(func(tx *bolt.Tx) error {
		b, err := s.assessment(tx, a.ID)
		if err != nil {
			return err
		}
		if err := b.Put(keyOrder, must(json.Marshal(a.Order))); err != nil {
			return err
		}
		if err := putRecord(b, a); err != nil {
			return err
		}
		// The answered count is kept against the order: answers to items
		// the bank dropped stay stored but no longer count, so a list
		// never shows more answered than there are items.
		if err := b.Put(keyAnswered, []byte(strconv.Itoa(answeredIn(b, a.Order)))); err != nil {
			return err
		}
		return b.Put(keyCursor, []byte(strconv.Itoa(a.Cursor)))
	})
}

// answeredIn counts the given answers stored in b to the items of order.
func answeredIn(b *bolt.Bucket, order []string) int {
	answers := b.Bucket(bucketAnswers)
	if answers == nil {
		return 0
	}
	n := 0
	for _, id := range order {
		if v := answers.Get([]byte(id)); v != nil {
			if ans, err := DecodeAnswer(id, v); err == nil && ans.Given() {
				n++
			}
		}
	}
	return n
}

// Finish marks an assessment finished and keeps a snapshot of its result,
// so history stays readable when the bank changes.
func (s *Store) Finish(a *model.Assessment, res model.Result) error {
	return s.update(func(tx *bolt.Tx) error {
		b, err := s.assessment(tx, a.ID)
		if err != nil {
			return err
		}
		a.Status = model.StatusFinished
		if a.Finished.IsZero() {
			a.Finished = time.Now().UTC()
		}
		r := record{V: recordVersion, ID: a.ID, Started: a.Started.UTC(), Length: string(a.Length), Target: string(a.Target),
			BankVersion: a.BankVersion, Total: len(a.Order), Status: string(a.Status), Finished: a.Finished.UTC(),
			Lean: model.HeaderLean(res)}
		if err := b.Put(keyRecord, must(json.Marshal(r))); err != nil {
			return err
		}
		return b.Put(keyResult, must(json.Marshal(res)))
	})
}

// Load reads a whole assessment. Answers that cannot be decoded are
// reported in skipped and left out, never fatal.
func (s *Store) Load(id string) (a *model.Assessment, skipped []error, err error) {
	err = s.view(func(tx *bolt.Tx) error {
		b, err := s.assessment(tx, id)
		if err != nil {
			return err
		}
		r, err := decodeRecord(id, b.Get(keyRecord))
		if err != nil {
			return err
		}
		a = &model.Assessment{ID: r.ID, Started: r.Started, Length: model.Length(r.Length), Target: model.Role(r.Target),
			BankVersion: r.BankVersion, Status: model.Status(r.Status), Finished: r.Finished, Answers: map[string]model.Answer{}}
		if err := json.Unmarshal(b.Get(keyOrder), &a.Order); err != nil {
			return &RecordError{Key: id + "/order", Reason: err.Error()}
		}
		a.Cursor, _ = strconv.Atoi(string(b.Get(keyCursor)))
		if ans := b.Bucket(bucketAnswers); ans != nil {
			return ans.ForEach(func(k, v []byte) error {
				x, err := DecodeAnswer(id+"/"+string(k), v)
				if err != nil {
					skipped = append(skipped, err)
					return nil
				}
				a.Answers[string(k)] = x
				return nil
			})
		}
		return nil
	})
	if a != nil && (a.Cursor < 0 || a.Cursor > len(a.Order)) {
		a.Cursor = a.FirstOpen()
	}
	return a, skipped, err
}

// Result reads the snapshot kept when the assessment was finished.
func (s *Store) Result(id string) (res model.Result, ok bool, err error) {
	err = s.view(func(tx *bolt.Tx) error {
		b, err := s.assessment(tx, id)
		if err != nil {
			return err
		}
		data := b.Get(keyResult)
		if data == nil {
			return nil
		}
		if err := json.Unmarshal(data, &res); err != nil {
			return &RecordError{Key: id + "/result", Reason: err.Error()}
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
		return tx.Bucket(bucketAssessments).ForEach(func(k, _ []byte) error {
			b := tx.Bucket(bucketAssessments).Bucket(k)
			if b == nil {
				return nil
			}
			r, err := decodeRecord(string(k), b.Get(keyRecord))
			if err != nil {
				skipped = append(skipped, err)
				return nil
			}
			n, _ := strconv.Atoi(string(b.Get(keyAnswered)))
			list = append(list, Summary{ID: r.ID, Started: r.Started, Length: model.Length(r.Length), Target: model.Role(r.Target),
				Status: model.Status(r.Status), Answered: n, Total: r.Total, Lean: r.Lean, BankVersion: r.BankVersion})
			return nil
		})
	})
	sort.SliceStable(list, func(i, j int) bool { return list[i].ID > list[j].ID })
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
	case len(matches) > 1 && !contains(matches, prefix):
		return "", fmt.Errorf("id %s is ambiguous: it starts %s", prefix, strings.Join(matches, ", "))
	}
	if contains(matches, prefix) {
		return prefix, nil
	}
	return matches[0], nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Delete removes an assessment and its answers.
func (s *Store) Delete(id string) error {
	return s.update(func(tx *bolt.Tx) error {
		err := tx.Bucket(bucketAssessments).DeleteBucket([]byte(id))
		if errors.Is(err, bolt.ErrBucketNotFound) {
			return fmt.Errorf("%w: %s", ErrNotFound, id)
		}
		return err
	})
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
	res, ok, err := s.Result(id)
	if err != nil {
		return nil, model.Result{}, err
	}
	if !ok {
		res = model.Compute(b, a)
	}
	return a, res, nil
}
