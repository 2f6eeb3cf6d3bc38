package store

import (
	"encoding/json"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/cxo-dev/cxo/model"
)

// KeepResult marks a finished with res as its kept result, as an earlier
// cxo (an earlier scoring method) left it. It is for tests and fixture
// tools that rebuild such files: no command calls it, since a result not
// scored from the stored answers is what Finish exists to prevent.
func (s *Store) KeepResult(a *model.Assessment, res model.Result) error {
	return s.update(func(tx *bolt.Tx) error {
		b, err := s.assessment(tx, a.ID)
		if err != nil {
			return err
		}
		a.Status = model.StatusFinished
		if a.Finished.IsZero() {
			a.Finished = time.Now().UTC()
		}
		r := recordOf(a)
		r.Lean = model.HeaderLean(res)
		c := codecOf(tx)
		if err := c.put(b, keyRecord, valueName(a.ID, "record"), must(json.Marshal(r))); err != nil {
			return err
		}
		return c.put(b, keyResult, valueName(a.ID, "result"), must(json.Marshal(res)))
	})
}
