package store

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/cxo-dev/cxo/model"
)

// observerBank is the test bank with observer wording on the items
// colleagues rate.
func observerBank(t testing.TB) *model.Bank {
	b := testBank(t)
	for i := range b.Items {
		b.Items[i].Observer = "How well does {name} do this: " + b.Items[i].Text
	}
	return b
}

// invited stores a finished assessment with an invitation.
func invited(t testing.TB, s *Store, b *model.Bank, id string) (*model.Assessment, model.Invitation) {
	t.Helper()
	a := newAssessment(t, b, id)
	if err := s.Create(a); err != nil {
		t.Fatal(err)
	}
	for i, item := range a.Order {
		if err := s.SaveAnswer(a.ID, item, model.Answer{Value: 1 + i%2}, i+1); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.Finish(b, a); err != nil {
		t.Fatal(err)
	}
	rec, err := s.Invite(a.ID, "Sam", testStart)
	if err != nil {
		t.Fatal(err)
	}
	inv, err := model.NewInvitation(b, a, rec.ID, rec.Name, rec.Created)
	if err != nil {
		t.Fatal(err)
	}
	return a, inv
}

func response(inv model.Invitation, v int, at time.Time) model.Response {
	r := model.Response{Format: model.ResponseFormat, Version: 1, Invitation: inv.ID, Bank: inv.Bank, Rater: model.NewToken(),
		Relationship: model.RelPeer, At: at, Answers: map[string]int{}}
	for _, it := range inv.Items {
		r.Answers[it.ID] = v
	}
	return r
}

func TestInviteKeepsItsID(t *testing.T) {
	b := observerBank(t)
	s := New(dbPath(t), "test")
	a, inv := invited(t, s, b, "20261123-170811-aaa")
	again, err := s.Invite(a.ID, "Sam Lee", testStart.Add(time.Hour))
	if err != nil || again.ID != inv.ID || again.Name != "Sam Lee" {
		t.Fatalf("invite again: %+v %v, want id %s kept and the new name", again, err, inv.ID)
	}
	if _, err := model.NewInvitation(testBank(t), a, "x", "Sam", testStart); err == nil || !strings.Contains(err.Error(), "no observer wording") {
		t.Errorf("a bank without observer wording: %v", err)
	}
}

// Responses live under their assessment: a finished one is scored again
// with them, and deleting it leaves no trace of them in the file or in
// any copy kept beside it.
func TestResponsesLiveAndDieWithTheirAssessment(t *testing.T) {
	b := observerBank(t)
	s := New(dbPath(t), "test")
	a, inv := invited(t, s, b, "20261123-170811-aaa")
	keptA, keptInv := invited(t, s, b, "20261123-170812-bbb")
	var tokens []string
	for i := range 3 {
		r := response(inv, 2+i, testStart.Add(time.Duration(i)*time.Minute))
		got, err := s.Import(b, r, false)
		if err != nil || got.Assessment != a.ID || got.Responses != i+1 {
			t.Fatalf("import %d: %+v %v", i, got, err)
		}
		tokens = append(tokens, r.Rater)
	}
	keptR := response(keptInv, 4, testStart)
	if _, err := s.Import(b, keptR, false); err != nil {
		t.Fatal(err)
	}
	res, ok, err := s.Result(a.ID)
	if err != nil || !ok || res.Peers == nil || res.Peers.Responses != 3 || len(res.Peers.Areas) == 0 || !res.Peers.Areas[0].Shown {
		t.Fatalf("kept result after three imports: %+v %v %v", res.Peers, ok, err)
	}
	loaded, _, err := s.Load(a.ID)
	if err != nil || len(loaded.Peers) != 3 {
		t.Fatalf("load: %d peers, %v", len(loaded.Peers), err)
	}
	if err := s.Check(); err != nil {
		t.Fatalf("check: %v", err)
	}
	if _, err := s.Backup(); err != nil {
		t.Fatal(err)
	}
	files := append([]string{s.Path}, BackupGenerations(s.Path)...)
	held := false
	for _, f := range files {
		held = held || fileHolds(t, f, tokens[0])
	}
	if !held {
		t.Fatal("no file holds the response before the delete: the test proves nothing")
	}
	if err := s.Delete(a.ID); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		for _, tok := range append(tokens, inv.ID) {
			if fileHolds(t, f, tok) {
				t.Errorf("%s still holds %s of the deleted assessment", f, tok)
			}
		}
	}
	if l, _, err := s.Load(keptA.ID); err != nil || len(l.Peers) != 1 || l.Peers[0].Rater != keptR.Rater {
		t.Errorf("the other assessment's response: %v", err)
	}
	if _, err := s.Import(b, response(inv, 3, testStart), false); !errors.Is(err, ErrForeignResponse) {
		t.Errorf("a response to the deleted invitation: %v", err)
	}
}

func TestImportReplacesOnlyWhenAsked(t *testing.T) {
	b := observerBank(t)
	s := New(dbPath(t), "test")
	_, inv := invited(t, s, b, "20261123-170811-aaa")
	first := response(inv, 2, testStart)
	if _, err := s.Import(b, first, false); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Import(b, first, false); !errors.Is(err, ErrAlreadyImported) {
		t.Errorf("the same again: %v", err)
	}
	later := response(inv, 4, testStart.Add(time.Hour))
	later.Rater = first.Rater
	var rep *ReplaceError
	if _, err := s.Import(b, later, false); !errors.As(err, &rep) {
		t.Fatalf("a correction without asking: %v", err)
	}
	got, err := s.Import(b, later, true)
	if err != nil || !got.Replaced || got.Responses != 1 {
		t.Fatalf("a correction, asked: %+v %v", got, err)
	}
}

func TestCheckFindsADamagedResponse(t *testing.T) {
	b := observerBank(t)
	s := New(dbPath(t), "test")
	a, inv := invited(t, s, b, "20261123-170811-aaa")
	r := response(inv, 3, testStart)
	if _, err := s.Import(b, r, false); err != nil {
		t.Fatal(err)
	}
	db, err := bolt.Open(s.Path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		pb := tx.Bucket(bucketAssessments).Bucket([]byte(a.ID)).Bucket(bucketPeers)
		v := append([]byte(nil), pb.Get([]byte(r.Rater))...)
		v[20] ^= 0x01
		return pb.Put([]byte(r.Rater), v)
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Check(); err == nil || !strings.Contains(err.Error(), "peers/"+r.Rater) {
		t.Errorf("check: %v, want the damaged response named", err)
	}
	if _, _, err := s.Load(a.ID); err == nil {
		t.Errorf("a damaged response loads")
	}
}

// A colleague's rating in progress is checked like every stored value.
func TestCheckFindsADamagedRating(t *testing.T) {
	s := New(dbPath(t), "test")
	const inv = "0123456789abcdef0123456789abcdef"
	r, err := s.Rating(inv)
	if err != nil {
		t.Fatal(err)
	}
	r.Relationship, r.Answers["ops-1"] = model.RelPeer, 4
	if err := s.SaveRating(inv, r); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Rating(inv); err != nil || got.Token != r.Token || got.Answers["ops-1"] != 4 {
		t.Fatalf("rating read back: %+v %v", got, err)
	}
	if err := s.Check(); err != nil {
		t.Fatal(err)
	}
	db, err := bolt.Open(s.Path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketRatings)
		v := append([]byte(nil), b.Get([]byte(inv))...)
		v[10] ^= 0x01
		return b.Put([]byte(inv), v)
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Check(); err == nil || !strings.Contains(err.Error(), "your rating of a colleague (invitation "+inv) {
		t.Errorf("check: %v, want the damaged rating named", err)
	}
	if _, err := s.Rating(inv); err == nil {
		t.Errorf("a damaged rating reads")
	}
}

// Several files imported at once each report the count as of that file.
func TestImportAllCountsAsItGoes(t *testing.T) {
	b := observerBank(t)
	s := New(dbPath(t), "test")
	_, inv := invited(t, s, b, "20261123-170811-aaa")
	rs := []model.Response{response(inv, 2, testStart), response(inv, 3, testStart), response(inv, 4, testStart)}
	got, errs, err := s.ImportAll(b, rs, false)
	if err != nil {
		t.Fatal(err)
	}
	for i := range rs {
		if errs[i] != nil || got[i].Responses != i+1 {
			t.Errorf("file %d: %+v %v, want %d responses", i+1, got[i], errs[i], i+1)
		}
	}
}

// Importing into an assessment finished under an earlier revision of the
// bank leaves it as it was finished: no item of the new revision joins its
// order (it would stand finished with open items), and it keeps its bank.
func TestImportLeavesAFinishedAssessmentAsItWas(t *testing.T) {
	b := observerBank(t)
	s := New(dbPath(t), "test")
	a, inv := invited(t, s, b, "20261123-170811-aaa")
	before, _, err := s.Load(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	yaml := strings.Replace(testBankYAML, `version: "test-1"`, `version: "test-2"`, 1) + `  - id: ops-likert-3
    facet: ops
    format: likert
    text: Changes are planned before they are made.
    guide: g#s
`
	b2, err := model.LoadBank(model.Source{Name: "test-bank.yaml", Data: []byte(yaml)}, model.Source{},
		[]model.Guide{model.ParseGuide("g", "# G\n\n## S\n")})
	if err != nil {
		t.Fatal(err)
	}
	for i := range b2.Items {
		b2.Items[i].Observer = "How well does {name} do this: " + b2.Items[i].Text
	}
	if _, err := s.Import(b2, response(inv, 3, testStart), false); err != nil {
		t.Fatal(err)
	}
	after, _, err := s.Load(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(after.Order, before.Order) || after.BankVersion != before.BankVersion || after.Status != model.StatusFinished {
		t.Errorf("after the import: order %v (was %v), bank %s (was %s), status %s", after.Order, before.Order, after.BankVersion, before.BankVersion, after.Status)
	}
	list, _, err := s.List()
	if err != nil || len(list) != 1 || list[0].Answered != list[0].Total {
		t.Errorf("listed as %+v, want every item answered", list)
	}
}

// An import into a result kept from an earlier scoring method says that
// it scored it again; one into today's method says nothing of the kind.
func TestImportSaysWhenItRescoresAnOlderMethod(t *testing.T) {
	b := observerBank(t)
	s := New(dbPath(t), "test")
	a, inv := invited(t, s, b, "20261123-170811-aaa")
	got, err := s.Import(b, response(inv, 3, testStart), false)
	if err != nil || got.Rescored != 0 {
		t.Fatalf("import into today's method: %+v %v", got, err)
	}
	old := model.Compute(b, a)
	old.Method = 1
	if err := s.KeepResult(a, old); err != nil {
		t.Fatal(err)
	}
	got, err = s.Import(b, response(inv, 4, testStart.Add(time.Minute)), false)
	if err != nil || got.Rescored != 1 {
		t.Fatalf("import into a method 1 result: %+v %v, want Rescored 1", got, err)
	}
	if res, _, err := s.Result(a.ID); err != nil || res.MethodOf() != model.Method {
		t.Errorf("the kept result after the import: method %d, %v", res.MethodOf(), err)
	}
}
