package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// checkedBbolt is the bbolt release whose file format boltformat.go was
// last checked against (see the list at the top of that file).
const checkedBbolt = "v1.5.0"

// When go.mod moves to another bbolt, this fails until someone has gone
// through the list at the top of boltformat.go and the tests below pass.
func TestBboltIsTheCheckedRelease(t *testing.T) {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		t.Skip("no build information")
	}
	for _, dep := range info.Deps {
		if dep.Path == "go.etcd.io/bbolt" && dep.Version != checkedBbolt {
			t.Fatalf("bbolt is now %s; boltformat.go was checked against %s: go through the list at its top, "+
				"run these tests, then set checkedBbolt", dep.Version, checkedBbolt)
		}
	}
}

// formatDB builds a bbolt file (with the bbolt in go.mod) that has every
// kind of page the walker reads: branch and leaf pages, nested and inline
// buckets, a value spanning overflow pages, and free pages.
func formatDB(t *testing.T, pageSize int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), fmt.Sprintf("format-%d.db", pageSize))
	db, err := bolt.Open(path, 0o600, &bolt.Options{PageSize: pageSize})
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		root, err := tx.CreateBucket([]byte("many"))
		if err != nil {
			return err
		}
		for i := range 400 {
			b, err := root.CreateBucket(fmt.Appendf(nil, "bucket-%04d", i))
			if err != nil {
				return err
			}
			if err := b.Put([]byte("k"), bytes.Repeat([]byte{byte(i)}, 40+i%200)); err != nil {
				return err
			}
			if i%50 == 0 {
				sub, err := b.CreateBucket([]byte("inline")) // small: stored inside its parent's value
				if err != nil {
					return err
				}
				if err := sub.Put([]byte("x"), []byte("y")); err != nil {
					return err
				}
			}
		}
		big, err := tx.CreateBucket([]byte("big"))
		if err != nil {
			return err
		}
		return big.Put([]byte("value"), bytes.Repeat([]byte("overflow "), 3*pageSize/9+100))
	})
	if err == nil {
		err = db.Update(func(tx *bolt.Tx) error { // frees pages
			for i := 0; i < 400; i += 3 {
				if err := tx.Bucket([]byte("many")).DeleteBucket(fmt.Appendf(nil, "bucket-%04d", i)); err != nil {
					return err
				}
			}
			return nil
		})
	}
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// Every assumption the walker makes, checked against what bbolt itself
// says about a file it wrote: the meta fields and their checksum, which
// meta page it opens from, each page's header, that the tree reached from
// the root (elements, inline buckets, overflow) and the free-page list
// together cover every page, and how the second meta page is found.
func TestBboltFormatAssumptions(t *testing.T) {
	for _, pageSize := range []int{1024, 4096, 16384} {
		t.Run(fmt.Sprint(pageSize), func(t *testing.T) {
			path := formatDB(t, pageSize)
			data := mustRead(t, path)
			metas, err := readMetas(bytes.NewReader(data), int64(len(data)))
			if err != nil || metas.bad != 0 {
				t.Fatalf("readMetas = %+v, %v", metas, err)
			}
			m := metas.cur
			db, err := bolt.Open(path, 0o600, nil)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			err = db.View(func(tx *bolt.Tx) error {
				if int(m.pageSize) != db.Info().PageSize || int(m.pageSize) != pageSize {
					t.Errorf("page size %d, bbolt says %d", m.pageSize, db.Info().PageSize)
				}
				if uint64(tx.ID()) != m.txid {
					t.Errorf("txid %d, bbolt opens transaction %d", m.txid, tx.ID())
				}
				if uint64(tx.Size()) != m.pgid*uint64(m.pageSize) {
					t.Errorf("%d pages, bbolt's size is %d bytes", m.pgid, tx.Size())
				}
				if root := uint64(tx.Cursor().Bucket().RootPage()); root != m.root {
					t.Errorf("root page %d, bbolt's is %d", m.root, root)
				}
				for err := range tx.Check() {
					t.Errorf("bbolt's own check: %v", err)
				}

				// The walk reaches every page bbolt does not list as free.
				f, _ := os.Open(path)
				defer f.Close()
				w := newWalker(path, f, m)
				if err := w.page(m.root, 0); err != nil {
					t.Fatalf("walk: %v", err)
				}
				ids, span, err := readFreelist(f, m)
				if err != nil {
					t.Fatalf("freelist: %v", err)
				}
				if len(ids) == 0 {
					t.Fatalf("the test file has no free pages")
				}
				free := map[uint64]bool{}
				for _, id := range ids {
					free[id] = true
				}
				overflowed := 0
				for id := uint64(2); id < m.pgid; id++ {
					info, err := tx.Page(int(id))
					if err != nil {
						return err
					}
					inList := id >= m.freelist && id < m.freelist+span
					switch {
					case info.Type == "free" && !free[id]:
						t.Errorf("page %d: bbolt says free, the list read here does not", id)
					case info.Type != "free" && free[id]:
						t.Errorf("page %d: listed free, bbolt says %s", id, info.Type)
					case id == m.freelist && info.Type != "freelist":
						t.Errorf("page %d: the meta page says the freelist is here, bbolt says %s", id, info.Type)
					case !free[id] && !inList && !w.seen.has(id):
						t.Errorf("page %d (%s) is neither free nor reached by the walk", id, info.Type)
					case w.seen.has(id) && free[id]:
						t.Errorf("page %d is both reached and free", id)
					}
					if w.seen.has(id) && (info.Type == "branch" || info.Type == "leaf") && info.OverflowCount > 0 {
						overflowed++
					}
				}
				if overflowed == 0 {
					t.Errorf("the walk met no overflow pages: the test file does not cover them")
				}

				// Page headers: flags, count and overflow where the walker reads them.
				ne := binary.NativeEndian
				for id := uint64(2); id < m.pgid; id++ {
					if !w.seen.has(id) {
						continue
					}
					info, _ := tx.Page(int(id))
					p := data[id*uint64(m.pageSize):]
					if ne.Uint64(p) != id && info.Type != "free" {
						continue // an overflow continuation page has no header
					}
					want := map[string]uint16{"branch": pageBranch, "leaf": pageLeaf}[info.Type]
					if ne.Uint16(p[8:]) != want || int(ne.Uint16(p[10:])) != info.Count || int(ne.Uint32(p[12:])) != info.OverflowCount {
						t.Errorf("page %d header: flags %#x count %d overflow %d; bbolt says %+v", id, ne.Uint16(p[8:]), ne.Uint16(p[10:]), ne.Uint32(p[12:]), info)
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}

			// The second meta page is found when the first is bad, and
			// bbolt opens from the same one.
			bad := bytes.Clone(data)
			clear(bad[:pageSize])
			metas, err = readMetas(bytes.NewReader(bad), int64(len(bad)))
			if err != nil || metas.bad != 1 || metas.cur.pageSize != uint32(pageSize) {
				t.Fatalf("with the first meta page zeroed: %+v, %v", metas, err)
			}
			other := filepath.Join(t.TempDir(), "bad.db")
			os.WriteFile(other, bad, 0o600)
			bdb, err := bolt.Open(other, 0o600, &bolt.Options{ReadOnly: true})
			if err != nil {
				t.Fatalf("bbolt does not open from the second meta page: %v", err)
			}
			bdb.View(func(tx *bolt.Tx) error {
				if uint64(tx.ID()) != metas.cur.txid {
					t.Errorf("bbolt opens txid %d, cxo reads %d", tx.ID(), metas.cur.txid)
				}
				return nil
			})
			bdb.Close()
		})
	}
}

// The meta checksum is FNV-64a over the fields before it, as readMeta
// recomputes it: a flip anywhere in them is caught.
func TestMetaChecksumCoversEveryField(t *testing.T) {
	data := mustRead(t, formatDB(t, 4096))
	for i := boltPageHeader; i < boltPageHeader+boltChecksumAt; i++ {
		b := bytes.Clone(data[:boltPageHeader+boltMetaSize])
		b[i] ^= 0x01
		if _, err := readMeta(bytes.NewReader(b), 0); err == nil {
			t.Errorf("a flip at byte %d of the meta page passed", i)
		} else if !strings.Contains(err.Error(), "checksum") && !strings.Contains(err.Error(), "bbolt") && !strings.Contains(err.Error(), "page size") {
			t.Errorf("byte %d: %v", i, err)
		}
	}
}
