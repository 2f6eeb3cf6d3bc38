package store

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cxo-dev/cxo/model"
)

// recordingFS does what the real file system does and notes each call, so
// a test can check the order that makes a write survive a power loss:
// bytes synced before a name points at them, the folder synced after.
type recordingFS struct {
	osFS
	base string // paths are noted relative to it
	mu   sync.Mutex
	log  []string
}

func (r *recordingFS) note(format string, paths ...string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	args := make([]any, len(paths))
	for i, p := range paths {
		rel, err := filepath.Rel(r.base, p)
		if err != nil {
			rel = p
		}
		// Temporary names are random: keep their stem.
		for _, stem := range []string{".tmp-", ".scrub-"} {
			if i := strings.Index(rel, stem); i >= 0 {
				rel = rel[:i+len(stem)]
			}
		}
		args[i] = filepath.ToSlash(rel)
	}
	r.log = append(r.log, strings.TrimSpace(sprintf(format, args...)))
}

func sprintf(format string, args ...any) string {
	for _, a := range args {
		format = strings.Replace(format, "%s", a.(string), 1)
	}
	return format
}

type recordedFile struct {
	*os.File
	r *recordingFS
}

func (f recordedFile) Write(p []byte) (int, error) {
	f.r.note("write %s", f.Name())
	return f.File.Write(p)
}
func (f recordedFile) Sync() error  { f.r.note("sync %s", f.Name()); return f.File.Sync() }
func (f recordedFile) Close() error { f.r.note("close %s", f.Name()); return f.File.Close() }

func (r *recordingFS) CreateTemp(dir, pattern string) (tempFile, error) {
	f, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return nil, err
	}
	r.note("create %s", f.Name())
	return recordedFile{f, r}, nil
}
func (r *recordingFS) Rename(from, to string) error {
	r.note("rename %s %s", from, to)
	return r.osFS.Rename(from, to)
}
func (r *recordingFS) Link(from, to string) error {
	r.note("link %s %s", from, to)
	return r.osFS.Link(from, to)
}
func (r *recordingFS) Remove(name string) error {
	r.note("remove %s", name)
	return r.osFS.Remove(name)
}
func (r *recordingFS) Mkdir(name string, perm fs.FileMode) error {
	r.note("mkdir %s", name)
	return r.osFS.Mkdir(name, perm)
}
func (r *recordingFS) SyncDir(dir string) error {
	r.note("syncdir %s", dir)
	return r.osFS.SyncDir(dir)
}
func (r *recordingFS) Created(name string) { r.note("created %s", name) }
func (r *recordingFS) SyncFile(name string) error {
	r.note("sync %s", name)
	return r.osFS.SyncFile(name)
}

// record swaps in a recorder for the test; tests that use it do not run
// in parallel.
func recordFS(t *testing.T, base string) *recordingFS {
	r := &recordingFS{base: base}
	old := fsys
	fsys = r
	t.Cleanup(func() { fsys = old })
	return r
}

func (r *recordingFS) take() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := strings.Join(r.log, "\n")
	r.log = nil
	return out
}

func wantLog(t *testing.T, what, got string, want ...string) {
	t.Helper()
	if w := strings.Join(want, "\n"); got != w {
		t.Errorf("%s, calls in this order:\n%s\nwant:\n%s", what, got, w)
	}
}

// Every file cxo writes reaches its name only after its bytes are synced,
// and the folder is synced after every name is added, replaced or moved:
// the first database and its folders, an export (new: by a hard link,
// which never replaces a file; --force: by a rename), the last-good copy
// and a damaged file moved aside.
func TestWritesAreOrderedForPowerLoss(t *testing.T) {
	root := t.TempDir()
	r := recordFS(t, root)
	s := New(filepath.Join(root, "data", "cxo", "cxo.db"), "test")
	if err := s.SaveSetting("k", "v"); err != nil {
		t.Fatal(err)
	}
	wantLog(t, "first write to a new database", r.take(),
		"mkdir data", "syncdir .", "mkdir data/cxo", "syncdir data", "created data/cxo/cxo.db", "syncdir data/cxo")
	if err := s.SaveSetting("k", "w"); err != nil {
		t.Fatal(err)
	}
	wantLog(t, "a later write", r.take())

	out := filepath.Join(root, "out.md")
	if err := WriteExport(out, []byte("# one\n"), false); err != nil {
		t.Fatal(err)
	}
	wantLog(t, "export to a new file", r.take(),
		"create .out.md.tmp-", "write .out.md.tmp-", "sync .out.md.tmp-", "close .out.md.tmp-",
		"link .out.md.tmp- out.md", "remove .out.md.tmp-", "syncdir .")
	if err := WriteExport(out, []byte("# two\n"), true); err != nil {
		t.Fatal(err)
	}
	wantLog(t, "export --force", r.take(),
		"create .out.md.tmp-", "write .out.md.tmp-", "sync .out.md.tmp-", "close .out.md.tmp-",
		"rename .out.md.tmp- out.md", "syncdir .")
	if data, _ := os.ReadFile(out); string(data) != "# two\n" {
		t.Errorf("export holds %q", data)
	}

	if _, err := s.Backup(); err != nil {
		t.Fatal(err)
	}
	got := r.take()
	if !strings.HasPrefix(got, "create data/cxo/.cxo.db.bak.tmp-\n") ||
		!strings.HasSuffix(got, "sync data/cxo/.cxo.db.bak.tmp-\nclose data/cxo/.cxo.db.bak.tmp-\nrename data/cxo/.cxo.db.bak.tmp- data/cxo/cxo.db.bak\nsyncdir data/cxo") {
		t.Errorf("last-good copy, calls in this order:\n%s", got)
	}

	// Deleting rewrites the copy, then the database, each synced before
	// its rename and the folder synced after.
	list, _, _ := s.List()
	a := model.NewAssessment(testBank(t), "20261123-170811-aaa", testStart, model.LengthQuick, model.RoleCTO)
	if err := s.Create(a); err != nil || len(list) != 0 {
		t.Fatal(err, list)
	}
	r.take()
	if err := s.Delete(a.ID); err != nil {
		t.Fatal(err)
	}
	wantLog(t, "delete", r.take(),
		"create data/cxo/.cxo.db.bak.scrub-", "close data/cxo/.cxo.db.bak.scrub-", "sync data/cxo/.cxo.db.bak.scrub-",
		"rename data/cxo/.cxo.db.bak.scrub- data/cxo/cxo.db.bak", "syncdir data/cxo",
		"create data/cxo/.cxo.db.scrub-", "close data/cxo/.cxo.db.scrub-", "sync data/cxo/.cxo.db.scrub-",
		"rename data/cxo/.cxo.db.scrub- data/cxo/cxo.db", "syncdir data/cxo")

	moved, err := MoveAside(s.Path, time.Date(2026, 11, 23, 17, 8, 11, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	wantLog(t, "move aside", r.take(),
		"link data/cxo/cxo.db data/cxo/"+filepath.Base(moved), "remove data/cxo/cxo.db", "syncdir data/cxo")
}
