package store

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cxo-dev/cxo/model"
	bolt "go.etcd.io/bbolt"
)

// testBankYAML is a tiny valid bank: two lean items, three readiness
// items and one foundation item, all resolving to the guide "g#s".
const testBankYAML = `version: "test-1"
facets:
  - id: value
    name: Where value comes from
    layer: lean
    group: orientation
    cto: Top line
    cio: Bottom line
    guide: g#s
  - id: ops
    name: Running things
    layer: readiness
    group: operational
    guide: g#s
    expect: {cto: 50, cio: 80}
  - id: found
    name: Foundations
    layer: foundation
    group: foundation
    guide: g#s
    expect: {cto: 60, cio: 60}
items:
  - id: val-likert-1
    facet: value
    format: likert
    text: I judge a bet by the revenue it could bring.
    quick: true
    guide: g#s
  - id: val-choice-1
    facet: value
    format: choice
    text: Which would make you prouder?
    options:
      - {text: A new market, score: 2}
      - {text: A smaller IT bill, score: -2}
    guide: g#s
  - id: ops-rating-1
    facet: ops
    format: rating
    text: How do recurring jobs get done?
    anchors:
      1: From memory.
      3: Mostly written down.
      5: Owned, measured and reviewed.
    na: true
    quick: true
    guide: g#s
  - id: ops-likert-1
    facet: ops
    format: likert
    text: Our runbooks are current.
    guide: g#s
  - id: ops-likert-2
    facet: ops
    format: likert
    text: Incidents are reviewed without blame.
    guide: g#s
  - id: found-likert-1
    facet: found
    format: likert
    text: I can explain our architecture on one page.
    quick: true
    guide: g#s
`

func testBank(t testing.TB) *model.Bank {
	t.Helper()
	b, err := model.LoadBank(model.Source{Name: "test-bank.yaml", Data: []byte(testBankYAML)}, model.Source{},
		[]model.Guide{model.ParseGuide("g", "# G\n\n## S\n")})
	if err != nil {
		t.Fatalf("test bank: %v", err)
	}
	return b
}

var testStart = time.Date(2026, 11, 23, 17, 8, 11, 123456789, time.UTC)

func newAssessment(t testing.TB, b *model.Bank, id string) *model.Assessment {
	t.Helper()
	return model.NewAssessment(b, id, testStart, model.LengthFull, model.RoleCTO)
}

// dbPath is a database path in a fresh temporary folder; the folder that
// holds the file does not exist yet, as on a first run.
func dbPath(t testing.TB) string {
	return filepath.Join(t.TempDir(), "data", "cxo", "cxo.db")
}

func fileSum(t testing.TB, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// noPanic runs fn and fails the test, instead of crashing the run, if a
// panic escapes it.
func noPanic(t testing.TB, what string, fn func() error) (err error) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Errorf("%s panicked: %v", what, r)
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	return fn()
}

// createMany writes assessments in one transaction with the same layout
// Create writes (TestCreateManyMatchesCreate checks that), so a large store
// can be built quickly.
func createMany(t testing.TB, s *Store, as []*model.Assessment) {
	t.Helper()
	err := s.update(func(tx *bolt.Tx) error {
		root := tx.Bucket(bucketAssessments)
		for _, a := range as {
			b, err := root.CreateBucket([]byte(a.ID))
			if err != nil {
				return err
			}
			if _, err := b.CreateBucket(bucketAnswers); err != nil {
				return err
			}
			if err := putNew(codecOf(tx), b, a); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("createMany: %v", err)
	}
}

// dumpBucket lists every key and value under an assessment, nested
// buckets included, as "path=value" lines.
func dumpBucket(t testing.TB, path, id string) []string {
	t.Helper()
	prefix := string(bucketAssessments) + "/" + id + "/"
	var out []string
	for _, line := range dumpAll(t, path) {
		if rest, ok := strings.CutPrefix(line, prefix); ok && rest != "" {
			out = append(out, rest)
		}
	}
	if out == nil {
		t.Fatalf("no assessment %s", id)
	}
	return out
}
