package store

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/cxo-dev/cxo/model"
)

// recordVersion is the version of the JSON values below; decoders accept
// versions up to it and report anything else as a bad record.
const recordVersion = 1

// record is the assessment's header: small, so listing stays fast.
type record struct {
	V           int       `json:"v"`
	ID          string    `json:"id"`
	Started     time.Time `json:"started"`
	Length      string    `json:"length"`
	Target      string    `json:"target,omitempty"`
	BankVersion string    `json:"bank_version"`
	Total       int       `json:"total"`
	Status      string    `json:"status"`
	Finished    time.Time `json:"finished,omitzero"`
	Lean        string    `json:"lean,omitempty"` // verdict with score, once finished
}

// recordOf is the record stored for an assessment (its lean is added once
// it is finished).
func recordOf(a *model.Assessment) record {
	return record{V: recordVersion, ID: a.ID, Started: a.Started.UTC(), Length: string(a.Length), Target: string(a.Target),
		BankVersion: a.BankVersion, Total: len(a.Order), Status: string(a.Status), Finished: a.Finished.UTC()}
}

// answerRecord is one stored answer.
type answerRecord struct {
	V     int  `json:"v"`
	Value int  `json:"value,omitempty"`
	NA    bool `json:"na,omitempty"`
	// NoOpp is "no opportunity yet"; older records lack it and read as
	// false, so they decode as they always did.
	NoOpp   bool   `json:"no_opportunity,omitempty"`
	Skipped bool   `json:"skipped,omitempty"`
	Note    string `json:"note,omitempty"`
	At      int64  `json:"at"`                // unix milliseconds
	TookMS  int64  `json:"took_ms,omitempty"` // time taken to answer
}

// RecordError is a stored value that could not be read: it failed its
// checksum (the bytes changed on disk) or does not decode.
type RecordError struct {
	Key    string // the value's name: <id>/<key>, <id>/answers/<item>, settings/<key>
	Reason string
}

// Assessment and Item name what the value belongs to ("" when it is not
// an assessment's, or not an answer).
func (e *RecordError) Assessment() string {
	id, _, ok := strings.Cut(e.Key, "/")
	if !ok || id == "settings" || id == string(bucketRatings) {
		return ""
	}
	return id
}

func (e *RecordError) Item() string {
	if id := e.Assessment(); id != "" {
		if item, ok := strings.CutPrefix(e.Key, id+"/answers/"); ok {
			return item
		}
	}
	return ""
}

// DamagedAssessments are the assessments the damaged values belong to.
func DamagedAssessments(bad []*RecordError) map[string]bool {
	ids := map[string]bool{}
	for _, r := range bad {
		if id := r.Assessment(); id != "" {
			ids[id] = true
		}
	}
	return ids
}

// What says in words which value it is.
func (e *RecordError) What() string {
	id := e.Assessment()
	if id == "" {
		if k, ok := strings.CutPrefix(e.Key, "settings/"); ok {
			return "the setting " + k
		}
		if k, ok := strings.CutPrefix(e.Key, string(bucketRatings)+"/"); ok {
			return "your rating of a colleague (invitation " + k + ")"
		}
		return e.Key
	}
	if item := e.Item(); item != "" {
		return "assessment " + id + ", its answer to item " + item
	}
	switch strings.TrimPrefix(e.Key, id+"/") {
	case "record":
		return "assessment " + id + ", its header (start, length, status)"
	case "order":
		return "assessment " + id + ", its order of items"
	case "cursor":
		return "assessment " + id + ", where to resume"
	case "answered":
		return "assessment " + id + ", its count of answers"
	case "result":
		return "assessment " + id + ", its stored result"
	}
	return "assessment " + id + ", " + strings.TrimPrefix(e.Key, id+"/")
}

func (e *RecordError) Error() string { return fmt.Sprintf("bad record (%s): %s", e.What(), e.Reason) }

// recordDamaged is a value whose checksum failed.
func recordDamaged(name, why string) *RecordError { return &RecordError{Key: name, Reason: why} }

func decodeRecord(key string, data []byte) (record, error) {
	r, ok := fastRecord(data)
	if !ok {
		r = record{}
		if err := json.Unmarshal(data, &r); err != nil {
			return r, &RecordError{Key: key, Reason: err.Error()}
		}
	}
	if r.V < 1 || r.V > recordVersion {
		return r, &RecordError{Key: key, Reason: fmt.Sprintf("unknown record version %d", r.V)}
	}
	if r.ID == "" {
		return r, &RecordError{Key: key, Reason: "no id"}
	}
	return r, nil
}

// decodeResult decodes a stored result snapshot.
func decodeResult(key string, data []byte) (model.Result, error) {
	var res model.Result
	if err := json.Unmarshal(data, &res); err != nil {
		return model.Result{}, &RecordError{Key: key, Reason: err.Error()}
	}
	return res, nil
}

// DecodeAnswer decodes one stored answer defensively.
func DecodeAnswer(key string, data []byte) (model.Answer, error) {
	var r answerRecord
	if err := json.Unmarshal(data, &r); err != nil {
		return model.Answer{}, &RecordError{Key: key, Reason: err.Error()}
	}
	if r.V < 1 || r.V > recordVersion {
		return model.Answer{}, &RecordError{Key: key, Reason: fmt.Sprintf("unknown record version %d", r.V)}
	}
	if r.Value < 0 || r.Value > 9 || r.TookMS < 0 || r.TookMS > math.MaxInt64/int64(time.Millisecond) {
		return model.Answer{}, &RecordError{Key: key, Reason: "value out of range"}
	}
	a := model.Answer{Value: r.Value, NA: r.NA, NoOpportunity: r.NoOpp, Skipped: r.Skipped, Note: r.Note, Took: time.Duration(r.TookMS) * time.Millisecond}
	if r.At > 0 {
		a.At = time.UnixMilli(r.At).UTC()
	}
	return a, nil
}

func encodeAnswer(a model.Answer) []byte {
	r := answerRecord{V: recordVersion, Value: a.Value, NA: a.NA, NoOpp: a.NoOpportunity, Skipped: a.Skipped, Note: a.Note, TookMS: a.Took.Milliseconds()}
	if !a.At.IsZero() {
		r.At = a.At.UnixMilli()
	}
	data, _ := json.Marshal(r)
	return data
}

func must(data []byte, err error) []byte {
	if err != nil {
		panic(err) // only plain structs are encoded: cannot fail
	}
	return data
}
