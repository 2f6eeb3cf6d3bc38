package store

import (
	"encoding/json"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/cxo-dev/cxo/model"
)

// A colleague's rating in progress lives in their own database, in the
// root bucket "ratings" by invitation id: saved at every answer and
// resumed by running cxo rate on the same invitation again. Its value is
// sealed like every other, named ratings/<invitation id>.
var bucketRatings = []byte("ratings")

// Rating is one colleague's rating of one invitation.
type Rating struct {
	V            int                `json:"v"`
	Token        string             `json:"token"` // the rater token, kept for corrections
	Relationship model.Relationship `json:"relationship,omitempty"`
	Answers      map[string]int     `json:"answers"` // 1..5, 0 no opportunity to observe
	Done         time.Time          `json:"done,omitzero"`
}

func ratingName(inv string) string { return valueName(string(bucketRatings), inv) }

// Rating reads the rating of invitation inv; a new one (with a fresh
// token, not yet stored) when there is none.
func (s *Store) Rating(inv string) (Rating, error) {
	r := Rating{V: recordVersion, Token: model.NewToken(), Answers: map[string]int{}}
	err := s.view(func(tx *bolt.Tx) error {
		if tx == nil || tx.Bucket(bucketRatings) == nil {
			return nil
		}
		data, err := codecOf(tx).get(tx.Bucket(bucketRatings), []byte(inv), ratingName(inv))
		if err != nil || data == nil {
			return err
		}
		got, err := decodeRating(ratingName(inv), data)
		if err == nil {
			r = got
		}
		return err
	})
	return r, err
}

// SaveRating stores the rating of invitation inv.
func (s *Store) SaveRating(inv string, r Rating) error {
	r.V = recordVersion
	return s.update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists(bucketRatings)
		if err != nil {
			return err
		}
		return codecOf(tx).put(b, []byte(inv), ratingName(inv), must(json.Marshal(r)))
	})
}

// Response is the response file's content for a finished rating.
func (r Rating) Response(inv model.Invitation, at time.Time) model.Response {
	ans := make(map[string]int, len(r.Answers))
	for k, v := range r.Answers {
		ans[k] = v
	}
	return model.Response{Format: model.ResponseFormat, Version: model.PeerFileVersion, Invitation: inv.ID, Bank: inv.Bank,
		Rater: r.Token, Relationship: r.Relationship, At: at.UTC().Truncate(time.Second), Answers: ans}
}

func decodeRating(name string, data []byte) (Rating, error) {
	var r Rating
	if err := json.Unmarshal(data, &r); err != nil || r.V < 1 || r.V > recordVersion || len(r.Token) != 32 {
		return Rating{}, &RecordError{Key: name, Reason: "not a rating"}
	}
	if r.Answers == nil {
		r.Answers = map[string]int{}
	}
	return r, nil
}

// checkRatings checks the ratings this database holds for colleagues.
func checkRatings(c codec, tx *bolt.Tx) []*RecordError {
	var bad []*RecordError
	if rb := tx.Bucket(bucketRatings); rb != nil {
		_ = rb.ForEach(func(k, v []byte) error {
			name := ratingName(string(k))
			if e := checkValue(c, name, v, func(p []byte) error { _, err := decodeRating(name, p); return err }); e != nil {
				bad = append(bad, e)
			}
			return nil
		})
	}
	return bad
}
