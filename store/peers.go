package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/cxo-dev/cxo/model"
)

// Colleagues' responses live under the assessment they rate: its bucket
// holds the invitation made for it (key "invitation") and a bucket
// "peers" of responses by rater token. Deleting the assessment deletes
// them with it, in the file and in every last-good copy (scrub). Every
// value is sealed like the others, named <id>/invitation and
// <id>/peers/<token>.
var (
	keyInvitation = []byte("invitation")
	bucketPeers   = []byte("peers")
)

// InvitationRecord is what the database keeps of an invitation: enough to
// match responses to the assessment, and the name shown.
type InvitationRecord struct {
	V       int       `json:"v"`
	ID      string    `json:"id"`
	Name    string    `json:"name"`
	Created time.Time `json:"created"`
}

func decodeInvitationRecord(name string, data []byte) (InvitationRecord, error) {
	var r InvitationRecord
	if err := json.Unmarshal(data, &r); err != nil {
		return r, &RecordError{Key: name, Reason: err.Error()}
	}
	if r.V < 1 || r.V > recordVersion || r.ID == "" {
		return r, &RecordError{Key: name, Reason: "not an invitation record"}
	}
	return r, nil
}

func getInvitation(c codec, b *bolt.Bucket, id string) (InvitationRecord, bool, error) {
	name := valueName(id, string(keyInvitation))
	data, err := c.get(b, keyInvitation, name)
	if err != nil || data == nil {
		return InvitationRecord{}, false, err
	}
	r, err := decodeInvitationRecord(name, data)
	return r, err == nil, err
}

// Invite records the invitation of assessment id, and returns it: the one
// already made, under its id (so responses to it still import), with the
// name given now; or a new one.
func (s *Store) Invite(id, name string, now time.Time) (InvitationRecord, error) {
	var rec InvitationRecord
	err := s.update(func(tx *bolt.Tx) error {
		b, err := s.assessment(tx, id)
		if err != nil {
			return err
		}
		c := codecOf(tx)
		old, ok, err := getInvitation(c, b, id)
		if err != nil {
			return err
		}
		rec = InvitationRecord{V: recordVersion, ID: model.NewToken(), Name: name, Created: now.UTC().Truncate(time.Second)}
		if ok {
			rec.ID, rec.Created = old.ID, old.Created
		}
		return c.put(b, keyInvitation, valueName(id, string(keyInvitation)), must(json.Marshal(rec)))
	})
	return rec, err
}

// Invitation reads the invitation made for assessment id (ok false when
// none was made).
func (s *Store) Invitation(id string) (rec InvitationRecord, ok bool, err error) {
	err = s.view(func(tx *bolt.Tx) error {
		b, err := s.assessment(tx, id)
		if err != nil {
			return err
		}
		rec, ok, err = getInvitation(codecOf(tx), b, id)
		return err
	})
	return rec, ok, err
}

// readPeers reads the responses stored for assessment id; a value that
// fails its checksum or does not decode fails the read, as an answer does.
func readPeers(c codec, b *bolt.Bucket, id string) ([]model.Response, error) {
	pb := b.Bucket(bucketPeers)
	if pb == nil {
		return nil, nil
	}
	var out []model.Response
	err := pb.ForEach(func(k, _ []byte) error {
		name := valueName(id, string(bucketPeers), string(k))
		data, err := c.get(pb, k, name)
		if err != nil {
			return err
		}
		r, err := model.DecodeResponse(data)
		if err != nil {
			return &RecordError{Key: name, Reason: err.Error()}
		}
		out = append(out, r)
		return nil
	})
	return out, err
}

// checkPeers checks the invitation and responses of one assessment.
func checkPeers(c codec, b *bolt.Bucket, id string) []*RecordError {
	var bad []*RecordError
	if data := b.Get(keyInvitation); data != nil {
		name := valueName(id, string(keyInvitation))
		if e := checkValue(c, name, data, func(p []byte) error { _, err := decodeInvitationRecord(name, p); return err }); e != nil {
			bad = append(bad, e)
		}
	}
	if pb := b.Bucket(bucketPeers); pb != nil {
		_ = pb.ForEach(func(k, v []byte) error {
			name := valueName(id, string(bucketPeers), string(k))
			if e := checkValue(c, name, v, func(p []byte) error { _, err := model.DecodeResponse(p); return err }); e != nil {
				bad = append(bad, e)
			}
			return nil
		})
	}
	return bad
}

// Import refusals the caller can tell apart.
var (
	// ErrForeignResponse: no assessment in this database made the
	// invitation the response answers.
	ErrForeignResponse = errors.New("it answers an invitation this database did not make (cxo invite makes one; import into the database that made it, --db)")
	// ErrAlreadyImported: the same rater's same answers are in already.
	ErrAlreadyImported = errors.New("it was imported already (the same rater and the same answers)")
)

// ReplaceError says a response corrects one imported earlier from the
// same rater: Import replaces it only when asked to.
type ReplaceError struct {
	Assessment string
	Earlier    time.Time
}

func (e *ReplaceError) Error() string {
	return fmt.Sprintf("it corrects a response from the same rater imported earlier (answered %s); replacing it needs confirmation", e.Earlier.UTC().Format("2 January 2006 15:04 MST"))
}

// Imported says what an import did.
type Imported struct {
	Assessment string
	Replaced   bool
	Responses  int // responses the assessment holds once this one is in
	// Rescored is the scoring method of a kept result that the import
	// scored again with today's, 0 when the kept result was today's: the
	// colleagues' view needs today's bands beside it.
	Rescored int
}

// Import adds a colleague's response to the assessment whose invitation
// it answers, in one transaction (ImportAll of one).
func (s *Store) Import(bank *model.Bank, r model.Response, replace bool) (Imported, error) {
	got, errs, err := s.ImportAll(bank, []model.Response{r}, replace)
	if err != nil {
		return Imported{}, err
	}
	return got[0], errs[0]
}

// ImportAll adds colleagues' responses to the assessments whose
// invitations they answer, all in one transaction; errs[i] says why
// response i was refused, and nothing of a refused one is written: a
// response to no invitation of this database, one for another bank family
// or items the invitation did not ask, the same response again, or one
// older than what is stored from the same rater. A later response from
// the same rater (a correction) is refused with *ReplaceError unless
// replace is true. A finished assessment's kept result is scored again,
// once, from what is stored, with the colleagues' view in it. err is a
// failure of the whole write (nothing written).
func (s *Store) ImportAll(bank *model.Bank, rs []model.Response, replace bool) (got []Imported, errs []error, err error) {
	err = s.update(func(tx *bolt.Tx) error {
		got, errs = make([]Imported, len(rs)), make([]error, len(rs))
		c := codecOf(tx)
		type open struct {
			b *bolt.Bucket
			a *model.Assessment
		}
		opened := map[string]*open{}
		var touched []*open
		for i, r := range rs {
			id, b, err := findInvitation(c, tx, r.Invitation)
			if err != nil {
				errs[i] = err
				continue
			}
			o := opened[id]
			if o == nil {
				a, _, err := readStored(c, b, id)
				if err != nil {
					return err
				}
				o = &open{b, a}
				opened[id] = o
			}
			replaced, err := addResponse(bank, o.a, r, replace)
			if err != nil {
				errs[i] = err
				continue
			}
			pb, err := b.CreateBucketIfNotExists(bucketPeers)
			if err != nil {
				return err
			}
			if err := c.put(pb, []byte(r.Rater), valueName(id, string(bucketPeers), r.Rater), model.EncodePeerFile(r)); err != nil {
				return err
			}
			// The count as of this file, so several files read 1, 2, 3.
			got[i] = Imported{Assessment: id, Replaced: replaced, Responses: len(o.a.Peers)}
			if !slices.Contains(touched, o) {
				touched = append(touched, o)
			}
		}
		if len(touched) == 0 {
			return errNothingImported // rolled back: not even a commit
		}
		for _, o := range touched {
			if o.a.Status != model.StatusFinished {
				continue
			}
			was, err := rescore(c, o.b, bank, o.a)
			if err != nil {
				return err
			}
			for i := range got {
				if got[i].Assessment == o.a.ID && errs[i] == nil && was < model.Method {
					got[i].Rescored = was
				}
			}
		}
		return nil
	})
	if errors.Is(err, errNothingImported) {
		err = nil
	}
	return got, errs, err
}

// errNothingImported rolls back an import that refused every response.
var errNothingImported = errors.New("nothing imported")

// addResponse checks r against assessment a and its responses, and adds
// it (in memory) when it is new or a correction to replace.
func addResponse(bank *model.Bank, a *model.Assessment, r model.Response, replace bool) (replaced bool, err error) {
	if err := model.CheckResponse(bank, a, r.Invitation, r); err != nil {
		return false, err
	}
	kept := a.Peers[:0:0]
	for _, old := range a.Peers {
		if old.Rater != r.Rater {
			kept = append(kept, old)
			continue
		}
		switch {
		case old.SameAnswers(r):
			return false, ErrAlreadyImported
		case !r.At.After(old.At):
			return false, fmt.Errorf("it is older than the response from the same rater imported already (answered %s)", old.At.UTC().Format("2 January 2006 15:04 MST"))
		case !replace:
			return false, &ReplaceError{Assessment: a.ID, Earlier: old.At}
		}
		replaced = true
	}
	a.Peers = append(kept, r)
	return replaced, nil
}

// rescore keeps a finished assessment's result in step with what is
// stored, as Finish scores it. The assessment itself stays as it was
// finished: it is not fitted to a later revision of the bank (that would
// add open items to it and take the bank's version), as only an
// assessment going on is.
// It returns the method of the result it replaced (today's when there was
// none that reads).
func rescore(c codec, b *bolt.Bucket, bank *model.Bank, a *model.Assessment) (was int, err error) {
	if err := a.CheckBank(bank); err != nil {
		return 0, err
	}
	was = model.Method
	name := valueName(a.ID, "result")
	if data, err := c.get(b, keyResult, name); err == nil && data != nil {
		if kept, err := decodeResult(name, data); err == nil {
			was = kept.MethodOf()
		}
	}
	res := model.Compute(bank, a)
	r := recordOf(a)
	r.Lean = model.HeaderLean(res)
	if err := c.put(b, keyRecord, valueName(a.ID, "record"), must(json.Marshal(r))); err != nil {
		return 0, err
	}
	return was, c.put(b, keyResult, name, must(json.Marshal(res)))
}

// findInvitation finds the assessment that made invitation inv.
func findInvitation(c codec, tx *bolt.Tx, inv string) (string, *bolt.Bucket, error) {
	root := tx.Bucket(bucketAssessments)
	if root == nil {
		return "", nil, ErrForeignResponse
	}
	var id string
	var found *bolt.Bucket
	err := root.ForEachBucket(func(k []byte) error {
		b := root.Bucket(k)
		rec, ok, err := getInvitation(c, b, string(k))
		if err != nil {
			return nil // a damaged invitation is check's to report; it matches nothing
		}
		if ok && rec.ID == inv {
			id, found = string(k), b
		}
		return nil
	})
	if err != nil {
		return "", nil, err
	}
	if found == nil {
		return "", nil, ErrForeignResponse
	}
	return id, found, nil
}
