package store

// Everything cxo knows about bbolt's file format is in this file: the two
// meta pages, the page header, branch and leaf elements, inline buckets
// and the freelist page. cxo reads the file itself, before and beside
// bbolt, because bbolt trusts what it maps: a short file faults, a
// freelist naming a live page makes the next write overwrite data, and a
// page that points back at its own ancestor sends bbolt's cursors and
// DeleteBucket down for ever.
//
// When go.mod moves to another bbolt release, re-check (boltformat_test.go
// does it for the release in go.mod; run it and read bbolt's CHANGELOG):
//   - internal/common/meta.go: field order and sizes of Meta, the FNV-64a
//     checksum over the fields before it, Magic and Version;
//   - internal/common/page.go: the 16-byte page header (id, flags, count,
//     overflow), the flag values, branch and leaf element sizes and that an
//     element's pos counts from the element itself;
//   - internal/common/bucket.go: a bucket value (root, sequence) and the
//     inline page that follows it when root is 0;
//   - internal/freelist: the freelist page (count 0xFFFF means the count is
//     the first id) and that it holds free and pending ids alike;
//   - db.go getPageSize and meta(): how the second meta page is found and
//     which meta bbolt opens from when one is bad.

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"time"
)

// Meta pages: each a 16-byte page header then the meta fields in native
// byte order (magic, version, page size, flags, root bucket (root page id,
// sequence), freelist page id, page count, txid, checksum), checksummed
// with FNV-64a over the fields before the checksum.
const (
	boltMagic        = 0xED0CDAED
	boltVersion      = 2
	boltPageHeader   = 16
	boltMetaSize     = 64 // up to and including the checksum
	boltChecksumAt   = 56
	boltNoFreelist   = ^uint64(0)
	boltFreelistPage = 0x10
	precheckAttempts = 3
)

// Other pages, as bbolt writes them: the 16-byte header, then count
// 16-byte elements. A branch element is pos, ksize, child page id; a leaf
// element is flags, pos, ksize, vsize, with pos counted from the element
// itself. A bucket's value is its root page id and sequence, followed,
// when the root is 0, by the bucket's own (inline) leaf page.
const (
	pageBranch   = 0x01
	pageLeaf     = 0x02
	leafIsBucket = 0x01
	elementSize  = 16
	bucketHeader = 16
	maxTreeDepth = 64
)

type boltMeta struct {
	pageSize                   uint32
	root, freelist, pgid, txid uint64
	sum                        uint64
}

// metaPair is what the two meta pages say: the sound one bbolt will open
// from (cur), and why the other is bad, if it is.
type metaPair struct {
	cur      boltMeta
	bad      int // 0 when both are sound, else 1 or 2: which page is bad
	badWhy   error
	lostLast bool // the bad page says it was the newer one
}

// note says in words which meta page is bad, for the user.
func (p metaPair) note() string {
	if p.bad == 0 {
		return ""
	}
	which := "first"
	if p.bad == 2 {
		which = "second"
	}
	note := fmt.Sprintf("its %s header page is damaged but the other is sound (%v)", which, p.badWhy)
	if p.lostLast {
		note += "; the last change saved before the damage is not in the sound one"
	}
	return note
}

// readMeta reads and validates the bbolt meta page at off.
func readMeta(f io.ReaderAt, off int64) (boltMeta, error) {
	var buf [boltPageHeader + boltMetaSize]byte
	if _, err := f.ReadAt(buf[:], off); err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) {
			err = io.EOF
		}
		return boltMeta{}, err
	}
	p := buf[boltPageHeader:]
	ne := binary.NativeEndian
	h := fnv.New64a()
	h.Write(p[:boltChecksumAt])
	m := boltMeta{pageSize: ne.Uint32(p[8:]), root: ne.Uint64(p[16:]), freelist: ne.Uint64(p[32:]),
		pgid: ne.Uint64(p[40:]), txid: ne.Uint64(p[48:]), sum: ne.Uint64(p[boltChecksumAt:])}
	switch {
	case ne.Uint32(p[0:]) != boltMagic:
		return m, errors.New("not a bbolt page")
	case ne.Uint32(p[4:]) != boltVersion:
		return m, fmt.Errorf("bbolt format version %d", ne.Uint32(p[4:]))
	case m.sum != h.Sum64():
		return m, errors.New("checksum mismatch")
	case m.pageSize < 1024 || m.pageSize > 1<<24 || m.pageSize&(m.pageSize-1) != 0:
		return m, fmt.Errorf("page size %d", m.pageSize)
	}
	return m, nil
}

// readMetas reads both meta pages the way bbolt finds them: the first at
// offset 0; the second one page further on, where the page size comes from
// the first, or, when the first is bad, from trying every size bbolt
// allows. It fails with io.EOF on a file too short to hold them, and with
// the first page's error when neither is sound.
func readMetas(f io.ReaderAt, size int64) (metaPair, error) {
	m0, err0 := readMeta(f, 0)
	if errors.Is(err0, io.EOF) {
		return metaPair{}, io.EOF
	}
	var m1 boltMeta
	var err1 error
	if err0 == nil {
		m1, err1 = readMeta(f, int64(m0.pageSize))
		if errors.Is(err1, io.EOF) {
			return metaPair{}, io.EOF
		}
	} else {
		err1 = err0
		for ps := int64(1024); ps <= 1<<24 && ps < size-1024; ps <<= 1 {
			if m, err := readMeta(f, ps); err == nil && int64(m.pageSize) == ps {
				m1, err1 = m, nil
				break
			}
		}
	}
	switch {
	case err0 != nil && err1 != nil:
		return metaPair{}, err0
	case err0 != nil:
		return metaPair{cur: m1, bad: 1, badWhy: err0, lostLast: m0.txid == m1.txid+1}, nil
	case err1 != nil:
		return metaPair{cur: m0, bad: 2, badWhy: err1, lostLast: m1.txid == m0.txid+1}, nil
	case m1.pageSize != m0.pageSize:
		return metaPair{}, errors.New("the two header pages disagree on the page size")
	case m1.txid > m0.txid: // bbolt opens from the newer one
		return metaPair{cur: m1}, nil
	}
	return metaPair{cur: m0}, nil
}

// precheck refuses files bbolt would fault or panic on: anything that is
// not empty and not a bbolt file with a sound meta page that is as long as
// it says, whose freelist page is one. bbolt maps the file into memory and
// reading past its end is a fault no recover can catch, so a short file
// must be stopped here. One bad meta page is let through: bbolt opens from
// the other, and the walk (verify) reports it. A writer in another process
// may be rewriting a meta page while this reads it, so a failure is only
// believed when it repeats.
func precheck(path string) error {
	var err error
	for attempt := 0; attempt < precheckAttempts; attempt++ {
		if attempt > 0 {
			time.Sleep(10 * time.Millisecond)
		}
		var d *DamagedError
		if err = precheckOnce(path); !errors.As(err, &d) {
			return err
		}
	}
	return err
}

func precheckOnce(path string) error {
	f, err := os.Open(path)
	if err != nil {
		if os.IsNotExist(err) {
			return nil
		}
		return err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return err
	}
	if fi.IsDir() {
		return fmt.Errorf("%s is a folder, not a database file; point --db or CXO_DB at a file", path)
	}
	if fi.Size() == 0 {
		return nil // a new file bbolt is about to initialise
	}
	damaged := func(format string, args ...any) error {
		return &DamagedError{Path: path, Reason: fmt.Sprintf(format, args...)}
	}
	metas, err := readMetas(f, fi.Size())
	if errors.Is(err, io.EOF) {
		return damaged("too short to be a cxo database")
	}
	if err != nil {
		return damaged("header pages: %v", err)
	}
	// Stat after reading the meta pages: the file only grows, and a writer
	// grows it before it writes a meta page that counts the new pages.
	if fi, err = f.Stat(); err != nil {
		return err
	}
	m := metas.cur
	ps := uint64(m.pageSize)
	switch {
	case uint64(fi.Size()) < 4*ps:
		return damaged("too short to be a cxo database")
	case m.pgid < 4 || m.pgid > uint64(fi.Size())/ps:
		return damaged("truncated: %d bytes where %d pages of %d bytes are expected", fi.Size(), m.pgid, ps)
	case m.root < 2 || m.root >= m.pgid, m.freelist != boltNoFreelist && (m.freelist < 2 || m.freelist >= m.pgid):
		return damaged("header page points outside the file")
	}
	// bbolt reads the freelist as it opens the file for writing, trusting
	// its length; check the page is one.
	if m.freelist == boltNoFreelist {
		return nil
	}
	if _, _, err := readFreelist(f, m); err != nil {
		return damaged("%v", err)
	}
	return nil
}

// readFreelist reads the ids the freelist page of m lists, and how many
// pages the freelist itself takes.
func readFreelist(f io.ReaderAt, m boltMeta) (ids []uint64, span uint64, err error) {
	ps := uint64(m.pageSize)
	var hdr [boltPageHeader + 8]byte
	if _, err := f.ReadAt(hdr[:], int64(m.freelist*ps)); err != nil {
		return nil, 0, fmt.Errorf("freelist page: %v", err)
	}
	ne := binary.NativeEndian
	flags, count, overflow := ne.Uint16(hdr[8:]), uint64(ne.Uint16(hdr[10:])), uint64(ne.Uint32(hdr[12:]))
	room := ((overflow+1)*ps - boltPageHeader) / 8 // page ids the page can hold
	skip := uint64(0)
	if count == 0xFFFF {
		count, room, skip = ne.Uint64(hdr[boltPageHeader:]), room-1, 1 // the first one holds the count
	}
	if flags != boltFreelistPage || m.freelist+overflow >= m.pgid || count > room {
		return nil, 0, errors.New("freelist page is not a freelist")
	}
	buf := make([]byte, 8*count)
	if _, err := f.ReadAt(buf, int64(m.freelist*ps+boltPageHeader+8*skip)); err != nil {
		return nil, 0, fmt.Errorf("freelist page: %v", err)
	}
	ids = make([]uint64, count)
	for i := range ids {
		ids[i] = ne.Uint64(buf[8*i:])
	}
	return ids, overflow + 1, nil
}

// walkResult is what a walk of the file found.
type walkResult struct {
	file  os.FileInfo
	metas metaPair
	pages int // pages reachable from the root
}

// pageWalker reads the tree of one meta page from the file (not bbolt's
// memory map), visiting each page at most once and never deeper than
// maxTreeDepth, so a page that points back at an ancestor (a loop) is
// reported, not followed.
type pageWalker struct {
	path string
	f    io.ReaderAt
	ps   uint64
	hwm  uint64 // pages below this are in use or free
	seen pageSet
	n    int      // pages seen
	bufs [][]byte // one read buffer per depth, reused: a walk allocates little
}

// pageSet is a set of page ids below a known count, one bit each.
type pageSet []uint64

func newPageSet(n uint64) pageSet    { return make(pageSet, (n+63)/64) }
func (s pageSet) has(id uint64) bool { return id/64 < uint64(len(s)) && s[id/64]&(1<<(id%64)) != 0 }
func (s pageSet) add(id uint64)      { s[id/64] |= 1 << (id % 64) }

func newWalker(path string, f io.ReaderAt, m boltMeta) *pageWalker {
	return &pageWalker{path: path, f: f, ps: uint64(m.pageSize), hwm: m.pgid, seen: newPageSet(m.pgid)}
}

// walkFile reads the meta pages of the open file f and walks the tree of
// the one bbolt opens from. It reports a *DamagedError if a page is out of
// range, referenced twice (a loop included), of the wrong kind, or has
// elements that point outside it; with freelist, also if the freelist
// names a page the tree uses, one outside the file or one twice: a write
// would then hand out a live page and overwrite data.
func walkFile(path string, f *os.File, freelist bool) (walkResult, error) {
	fi, err := f.Stat()
	if err != nil {
		return walkResult{}, err
	}
	metas, err := readMetas(f, fi.Size())
	if err != nil {
		return walkResult{}, &DamagedError{Path: path, Reason: "header pages: " + err.Error()}
	}
	m := metas.cur
	w := newWalker(path, f, m)
	if err := w.page(m.root, 0); err != nil {
		return walkResult{file: fi, metas: metas}, err
	}
	res := walkResult{file: fi, metas: metas, pages: w.n}
	if !freelist || m.freelist == boltNoFreelist {
		return res, nil
	}
	// The tree is sound, so what is in it can be copied to a fresh file
	// whatever is wrong with the free-page list (cxo check --repair).
	repairable := func(err error) error {
		err.(*DamagedError).Repair = true
		return err
	}
	ids, span, err := readFreelist(f, m)
	if err != nil {
		return res, repairable(w.damaged("%v", err))
	}
	free := make(map[uint64]bool, len(ids))
	for _, id := range ids {
		switch {
		case id < 2 || id >= w.hwm:
			return res, repairable(w.damaged("the free-page list names page %d, outside the file's %d pages", id, w.hwm))
		case w.seen.has(id):
			return res, repairable(w.damaged("the free-page list names page %d, which holds data", id))
		case id >= m.freelist && id < m.freelist+span:
			return res, repairable(w.damaged("the free-page list names its own page %d", id))
		case free[id]:
			return res, repairable(w.damaged("the free-page list names page %d twice", id))
		}
		free[id] = true
	}
	return res, nil
}

func (w *pageWalker) damaged(format string, args ...any) error {
	return &DamagedError{Path: w.path, Reason: "consistency check: " + fmt.Sprintf(format, args...)}
}

func (w *pageWalker) page(id uint64, depth int) error {
	if depth > maxTreeDepth {
		return w.damaged("the tree is deeper than %d pages", maxTreeDepth)
	}
	if id < 2 || id >= w.hwm {
		return w.damaged("page %d is outside the file's %d pages", id, w.hwm)
	}
	if w.seen.has(id) {
		return w.damaged("page %d is referenced twice (a loop or a shared page)", id)
	}
	w.seen.add(id)
	w.n++
	for len(w.bufs) <= depth {
		w.bufs = append(w.bufs, make([]byte, w.ps))
	}
	buf := w.bufs[depth][:w.ps]
	if _, err := w.f.ReadAt(buf, int64(id*w.ps)); err != nil {
		return w.damaged("page %d: %v", id, err)
	}
	ne := binary.NativeEndian
	overflow := uint64(ne.Uint32(buf[12:]))
	if ne.Uint64(buf[0:]) != id {
		return w.damaged("page %d says it is page %d", id, ne.Uint64(buf[0:]))
	}
	if id+overflow >= w.hwm {
		return w.damaged("page %d runs past the file's %d pages", id, w.hwm)
	}
	for i := uint64(1); i <= overflow; i++ {
		if w.seen.has(id + i) {
			return w.damaged("page %d is referenced twice (a loop or a shared page)", id+i)
		}
		w.seen.add(id + i)
		w.n++
	}
	if overflow > 0 {
		if need := (overflow + 1) * w.ps; uint64(cap(w.bufs[depth])) < need {
			w.bufs[depth] = append(w.bufs[depth][:w.ps], make([]byte, need-w.ps)...)
		}
		buf = w.bufs[depth][:(overflow+1)*w.ps]
		if _, err := w.f.ReadAt(buf[w.ps:], int64((id+1)*w.ps)); err != nil {
			return w.damaged("page %d: %v", id, err)
		}
	}
	return w.node(id, buf, depth)
}

// node checks one page (from the file, or inline in a bucket's value).
func (w *pageWalker) node(id uint64, p []byte, depth int) error {
	if len(p) < boltPageHeader {
		return w.damaged("page %d is too short", id)
	}
	ne := binary.NativeEndian
	flags, count := ne.Uint16(p[8:]), int(ne.Uint16(p[10:]))
	if flags != pageBranch && flags != pageLeaf {
		return w.damaged("page %d is neither a branch nor a leaf (flags %#x)", id, flags)
	}
	if boltPageHeader+count*elementSize > len(p) {
		return w.damaged("page %d has more elements than fit", id)
	}
	for i := range count {
		at := boltPageHeader + i*elementSize
		e := p[at : at+elementSize]
		if flags == pageBranch {
			pos, ksize, child := uint64(ne.Uint32(e[0:])), uint64(ne.Uint32(e[4:])), ne.Uint64(e[8:])
			if uint64(at)+pos+ksize > uint64(len(p)) {
				return w.damaged("page %d: key %d points outside the page", id, i)
			}
			if err := w.page(child, depth+1); err != nil {
				return err
			}
			continue
		}
		eflags, pos, ksize, vsize := ne.Uint32(e[0:]), uint64(ne.Uint32(e[4:])), uint64(ne.Uint32(e[8:])), uint64(ne.Uint32(e[12:]))
		end := uint64(at) + pos + ksize + vsize
		if end > uint64(len(p)) {
			return w.damaged("page %d: element %d points outside the page", id, i)
		}
		if eflags&leafIsBucket == 0 {
			continue
		}
		v := p[uint64(at)+pos+ksize : end]
		if len(v) < bucketHeader {
			return w.damaged("page %d: bucket %d is too short", id, i)
		}
		if root := ne.Uint64(v); root != 0 {
			if err := w.page(root, depth+1); err != nil {
				return err
			}
		} else if err := w.node(id, v[bucketHeader:], depth+1); err != nil {
			return err
		}
	}
	return nil
}
