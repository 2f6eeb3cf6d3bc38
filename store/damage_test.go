package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cxo-dev/cxo/model"
	bolt "go.etcd.io/bbolt"
)

// realDB builds a genuine cxo database with n assessments, each with every
// item answered, and returns its bytes.
func realDB(t *testing.T, n int) []byte {
	t.Helper()
	bank := testBank(t)
	path := dbPath(t)
	s := New(path, "cxo test")
	var as []*model.Assessment
	for i := range n {
		as = append(as, newAssessment(t, bank, fmt.Sprintf("20261123-170811-%03x", i)))
	}
	createMany(t, s, as)
	for _, a := range as[:min(n, 20)] {
		for j, item := range a.Order {
			ans := model.Answer{Value: j%5 + 1, Note: strings.Repeat("a note that takes room ", 8), At: testStart}
			if err := s.SaveAnswer(a.ID, item, ans, j+1); err != nil {
				t.Fatal(err)
			}
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// boltFile builds a bbolt file (not necessarily a cxo one) with fill.
func boltFile(t *testing.T, fill func(tx *bolt.Tx) error) []byte {
	t.Helper()
	path := filepath.Join(t.TempDir(), "bolt.db")
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(fill); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func randomBytes(seed uint64, n int) []byte {
	r := rand.New(rand.NewPCG(seed, 1))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}

// fillPage overwrites the root bucket or freelist page named by the
// current meta page of a real database with junk.
func fillPage(db []byte, which string, junk []byte) {
	ne := binary.NativeEndian
	ps := int(ne.Uint32(db[metaOffset+8:]))
	meta := db[metaOffset:]
	if ne.Uint64(db[ps+metaOffset+48:]) > ne.Uint64(meta[48:]) { // higher txid wins
		meta = db[ps+metaOffset:]
	}
	pgid := ne.Uint64(meta[16:]) // root
	if which == "freelist" {
		pgid = ne.Uint64(meta[32:])
	}
	copy(db[int(pgid)*ps:int(pgid+1)*ps], junk)
}

// hugeFreelist is a freelist page header whose count says it holds every
// page id there is.
func hugeFreelist() []byte {
	b := make([]byte, 24)
	ne := binary.NativeEndian
	ne.PutUint16(b[8:], 0x10)    // freelist page
	ne.PutUint16(b[10:], 0xFFFF) // the count is in the first element
	ne.PutUint64(b[16:], ^uint64(0))
	return b
}

func withBytes(data []byte, fn func(b []byte)) []byte {
	b := bytes.Clone(data)
	fn(b)
	return b
}

// Offsets in a bbolt file (page header, then the meta fields).
const (
	metaOffset     = 16              // page header: id, flags, count, overflow
	checksumOffset = metaOffset + 56 // magic, version, pageSize, flags, root, sequence, freelist, pgid, txid
)

func TestDamagedFiles(t *testing.T) {
	small := realDB(t, 1)
	large := realDB(t, 300)
	if len(large) < 16*os.Getpagesize() {
		t.Fatalf("the large database is only %d bytes", len(large))
	}
	t.Logf("small db %d bytes, large db %d bytes", len(small), len(large))
	text := []byte(strings.Repeat("This is a shopping list, not a database.\n", 3))

	type damaged = DamagedError
	cases := []struct {
		name     string
		data     []byte
		newer    bool // expect *NewerError rather than *DamagedError
		readable bool // reading may succeed: the damage is where only writers look
		oneMeta  bool // one header page is bad: reads work from the other, the rest is refused as repairable
	}{
		{name: "text", data: text},
		{name: "text 3 KiB", data: bytes.Repeat(text, 3*1024/len(text)+1)[:3*1024]},
		{name: "text 6 KiB", data: bytes.Repeat(text, 6*1024/len(text)+1)[:6*1024]},
		{name: "random 4 KiB", data: randomBytes(1, 4*1024)},
		{name: "random 64 KiB", data: randomBytes(2, 64*1024)},
		{name: "truncated to 1 KiB", data: small[:1024]},
		{name: "truncated to 3 KiB", data: small[:3*1024]},
		{name: "truncated to one page", data: small[:os.Getpagesize()]},
		{name: "large truncated to half", data: large[:len(large)/2]},
		{name: "large truncated to half plus a byte", data: large[:len(large)/2+1]},
		{name: "meta page zeroed", data: withBytes(small, func(b []byte) { clear(b[:4096]) }), readable: true, oneMeta: true},
		{name: "large meta page zeroed", data: withBytes(large, func(b []byte) { clear(b[:4096]) }), readable: true, oneMeta: true},
		{name: "meta checksum flipped", data: withBytes(small, func(b []byte) { b[checksumOffset] ^= 0xff }), readable: true, oneMeta: true},
		{name: "second meta checksum flipped", data: withBytes(small, func(b []byte) { b[os.Getpagesize()+checksumOffset] ^= 0x01 }), readable: true, oneMeta: true},
		{name: "root page garbage", data: withBytes(large, func(b []byte) { fillPage(b, "root", randomBytes(3, 1<<16)) })},
		{name: "root page zeroed", data: withBytes(large, func(b []byte) { fillPage(b, "root", make([]byte, 1<<16)) })},
		{name: "freelist page garbage", data: withBytes(large, func(b []byte) { fillPage(b, "freelist", randomBytes(4, 1<<16)) }), readable: true},
		{name: "freelist page all ones", data: withBytes(large, func(b []byte) { fillPage(b, "freelist", bytes.Repeat([]byte{0xff}, 1<<16)) }), readable: true},
		{name: "freelist count overflows", data: withBytes(large, func(b []byte) { fillPage(b, "freelist", hugeFreelist()) }), readable: true},
		{name: "freelist names a live page", data: freelistNaming(t, small, rootOf(t, small, bucketAssessments)), readable: true},
		{name: "large freelist names a live page", data: freelistNaming(t, large, rootOf(t, large, bucketAssessments)), readable: true},
		{name: "page loop", data: withBytes(large, func(b []byte) {
			root := rootOf(t, large, bucketAssessments)
			ps := uint64(currentMeta(t, large).pageSize)
			binary.NativeEndian.PutUint64(b[root*ps+boltPageHeader+8:], root) // the first child is the page itself
		})},
		{name: "newer schema", data: boltFile(t, func(tx *bolt.Tx) error {
			meta, err := tx.CreateBucket(bucketMeta)
			if err != nil {
				return err
			}
			if err := meta.Put(keySchema, []byte("99")); err != nil {
				return err
			}
			_, err = tx.CreateBucket(bucketAssessments)
			return err
		}), newer: true},
		{name: "unreadable schema", data: boltFile(t, func(tx *bolt.Tx) error {
			meta, err := tx.CreateBucket(bucketMeta)
			if err != nil {
				return err
			}
			return meta.Put(keySchema, []byte("one"))
		})},
		{name: "foreign bolt file", data: boltFile(t, func(tx *bolt.Tx) error {
			b, err := tx.CreateBucket([]byte("widgets"))
			if err != nil {
				return err
			}
			return b.Put([]byte("sprocket"), []byte("42"))
		})},
	}

	bank := testBank(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "cxo.db")
			if err := os.WriteFile(path, tc.data, 0o600); err != nil {
				t.Fatal(err)
			}
			before := fileSum(t, path)
			s := New(path, "cxo test")
			s.LockWait, s.Attempts = 50*time.Millisecond, 2
			a := newAssessment(t, bank, "20261123-170811-a3f")
			calls := []struct {
				name string
				fn   func() error
			}{
				{"List", func() error { _, _, err := s.List(); return err }},
				{"Load", func() error { _, _, err := s.Load(a.ID); return err }},
				{"Resolve", func() error { _, err := s.Resolve("2026"); return err }},
				{"Check", s.Check},
				{"Backup", func() error { _, err := s.Backup(); return err }},
				{"SaveSetting", func() error { return s.SaveSetting("length", "quick") }},
				{"Create", func() error { return s.Create(a) }},
				{"SaveAnswer", func() error { return s.SaveAnswer(a.ID, a.Order[0], model.Answer{Value: 3}, 1) }},
				{"SaveCursor", func() error { return s.SaveCursor(a.ID, 1) }},
				{"Delete", func() error { return s.Delete(a.ID) }},
			}
			for i, c := range calls {
				err := noPanic(t, c.name, c.fn)
				if tc.readable && i < 3 {
					continue // the data is intact; reading it is fine
				}
				if err == nil {
					t.Errorf("%s succeeded on a damaged file", c.name)
					continue
				}
				if !strings.Contains(err.Error(), path) {
					t.Errorf("%s error %q does not name the file", c.name, err)
				}
				var d *damaged
				var n *NewerError
				switch {
				case tc.newer && !errors.As(err, &n):
					t.Errorf("%s = %v (%T), want *NewerError", c.name, err, err)
				case tc.newer && n.Schema != 99:
					t.Errorf("%s: NewerError schema %d, want 99", c.name, n.Schema)
				case !tc.newer && !errors.As(err, &d):
					t.Errorf("%s = %v (%T), want *DamagedError", c.name, err, err)
				case tc.oneMeta && (!d.Repair || !strings.Contains(err.Error(), "header page is damaged but the other is sound")):
					t.Errorf("%s = %v; want it to say one header page is sound and the file repairable", c.name, err)
				}
				if errors.Is(err, ErrNotFound) {
					t.Errorf("%s reported a damaged file as a missing assessment: %v", c.name, err)
				}
			}
			if after := fileSum(t, path); after != before {
				t.Errorf("the file's bytes changed")
			}
			for _, p := range []string{BackupPath(path), PreMigrationPath(path, SchemaVersion)} {
				if _, err := os.Stat(p); !errors.Is(err, os.ErrNotExist) {
					t.Errorf("%s was written for a damaged file (%v)", p, err)
				}
			}
		})
	}
}
