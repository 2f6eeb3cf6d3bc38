package store

import (
	"encoding/json"
	"time"

	"github.com/cxo-dev/cxo/model"
	bolt "go.etcd.io/bbolt"
)

// Finish marks an assessment finished and keeps a snapshot of its result,
// so history stays readable when the bank changes. The result is scored,
// inside the same write transaction, from the answers that are stored, not
// from a's answers in memory: another cxo may have answered this
// assessment since a was loaded, and a result that disagrees with the
// stored answers would be exported and compared as if it did not. a is
// brought up to what was scored (answers, order, status, finish time) and
// the result is returned.
func (s *Store) Finish(bank *model.Bank, a *model.Assessment) (model.Result, error) {
	var res model.Result
	var stored *model.Assessment
	err := s.update(func(tx *bolt.Tx) error {
		b, err := s.assessment(tx, a.ID)
		if err != nil {
			return err
		}
		c := codecOf(tx)
		if stored, _, err = readStored(c, b, a.ID); err != nil {
			return err
		}
		if err := stored.CheckBank(bank); err != nil {
			return err
		}
		if stored.Reconcile(bank) { // the order this bank asks, as SaveOrder keeps it
			if err := c.put(b, keyOrder, valueName(a.ID, "order"), must(json.Marshal(stored.Order))); err != nil {
				return err
			}
			if err := putCount(c, b, a.ID, keyAnswered, answeredIn(c, b, a.ID, stored.Order)); err != nil {
				return err
			}
		}
		res = model.Compute(bank, stored)
		switch {
		case !a.Finished.IsZero(): // the caller's finish time (an import, a fixture)
			stored.Finished = a.Finished.UTC()
		case stored.Status != model.StatusFinished || stored.Finished.IsZero():
			stored.Finished = time.Now().UTC()
		}
		stored.Status = model.StatusFinished
		r := recordOf(stored)
		r.Lean = model.HeaderLean(res)
		if err := c.put(b, keyRecord, valueName(a.ID, "record"), must(json.Marshal(r))); err != nil {
			return err
		}
		return c.put(b, keyResult, valueName(a.ID, "result"), must(json.Marshal(res)))
	})
	if err != nil {
		return model.Result{}, err
	}
	a.Answers, a.Order, a.BankVersion = stored.Answers, stored.Order, stored.BankVersion
	a.Status, a.Finished = stored.Status, stored.Finished
	return res, nil
}
