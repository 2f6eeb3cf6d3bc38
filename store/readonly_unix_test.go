//go:build unix

package store

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/cxo-dev/cxo/model"
)

const envBase = "CXO_STORE_BASE" // the folder the read-only scenario works in

// readOnlyScenario tries to write where it may not, in folders it makes
// under base: a new database in a folder without write permission, a
// data folder that cannot be created, and a database file without write
// permission. Each must fail with a clear *WriteError naming the file,
// change nothing, and leave reading possible. fail reports a problem.
func readOnlyScenario(base string, fail func(format string, args ...any)) {
	bank := mustBank()
	const id = "20261123-170811-a3f"
	check := func(what string, err error, path string) {
		var w *WriteError
		switch {
		case !errors.As(err, &w) || !errors.Is(err, ErrReadOnly):
			fail("%s = %v (%T), want a *WriteError for a read-only location", what, err, err)
		case w.Path != path || !strings.Contains(err.Error(), path) || strings.Contains(err.Error(), "\n"):
			fail("%s: %q is not one line naming %s", what, err, path)
		}
	}

	// A new database in a folder that cannot be written.
	dir := filepath.Join(base, "ro")
	mustOK(fail, os.Mkdir(dir, 0o500))
	path := filepath.Join(dir, "cxo.db")
	check("Create in a 0500 folder", New(path, "").Create(model.NewAssessment(bank, id, testStart, model.LengthFull, model.RoleCTO)), path)
	if entries, _ := os.ReadDir(dir); len(entries) > 0 {
		fail("files were left in the read-only folder: %v", entries)
	}
	if list, _, err := New(path, "").List(); err != nil || len(list) != 0 {
		fail("List with no file in a read-only folder = %v, %v", list, err)
	}

	// A data folder that cannot be created.
	deep := filepath.Join(dir, "cxo", "cxo.db")
	check("SaveSetting under a 0500 folder", New(deep, "").SaveSetting("length", "quick"), deep)

	// A database file that cannot be written, in a folder that can.
	rw := filepath.Join(base, "rw")
	mustOK(fail, os.Mkdir(rw, 0o700))
	path = filepath.Join(rw, "cxo.db")
	s := New(path, "")
	mustOK(fail, s.Create(model.NewAssessment(bank, id, testStart, model.LengthFull, model.RoleCTO)))
	mustOK(fail, s.SaveAnswer(id, "val-likert-1", model.Answer{Value: 4}, 1))
	mustOK(fail, os.Chmod(path, 0o400))
	before, _ := os.ReadFile(path)
	check("SaveAnswer to a 0400 file", s.SaveAnswer(id, "val-choice-1", model.Answer{Value: 2}, 2), path)
	if a, _, err := s.Load(id); err != nil || len(a.Answers) != 1 || a.Answers["val-likert-1"].Value != 4 {
		fail("Load of a read-only file = %v, %v", a, err)
	}
	if err := s.Check(); err != nil {
		fail("Check of a read-only file: %v", err)
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		fail("the read-only file changed")
	}

	// A writable file in a folder that is not: answers still save, but
	// the last-good copy cannot be made there, and says so.
	mustOK(fail, os.Chmod(path, 0o600))
	mustOK(fail, os.Chmod(rw, 0o500))
	if err := s.SaveAnswer(id, "val-choice-1", model.Answer{Value: 2}, 2); err != nil {
		fail("SaveAnswer to a writable file in a read-only folder: %v", err)
	}
	_, err := s.Backup()
	check("Backup into a read-only folder", err, BackupPath(path))
	mustOK(fail, os.Chmod(rw, 0o700))
}

func mustOK(fail func(string, ...any), err error) {
	if err != nil {
		fail("%v", err)
	}
}

func mustBank() *model.Bank {
	b, err := model.LoadBank(model.Source{Name: "test-bank.yaml", Data: []byte(testBankYAML)}, model.Source{},
		[]model.Guide{model.ParseGuide("g", "# G\n\n## S\n")})
	if err != nil {
		panic(err)
	}
	return b
}

// TestReadOnlyLocation runs readOnlyScenario. Root ignores permissions,
// so as root it runs the scenario in a child process as user nobody
// (65534), and skips, saying why, when that is not allowed.
func TestReadOnlyLocation(t *testing.T) {
	if isChild() {
		failed := false
		readOnlyScenario(os.Getenv(envBase), func(format string, args ...any) {
			failed = true
			fmt.Printf("err "+format+"\n", args...)
		})
		if !failed {
			fmt.Println("done")
		}
		return
	}
	if os.Geteuid() != 0 {
		readOnlyScenario(t.TempDir(), t.Errorf)
		return
	}
	const nobody = 65534
	// The child must be able to run the test binary and reach its folder:
	// t.TempDir is <tmp>/<test name><random>/<n>, both made 0700.
	top := t.TempDir()
	for _, p := range []string{filepath.Dir(top), top} {
		if err := os.Chmod(p, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	bin := filepath.Join(top, "store.test")
	if err := copyFile(os.Args[0], bin); err != nil {
		t.Fatal(err)
	}
	base := filepath.Join(top, "work")
	if err := os.Mkdir(base, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(base, nobody, nobody); err != nil {
		t.Skipf("running as root, and cannot hand a folder to user nobody to test permissions (%v)", err)
	}
	cmd := exec.Command(bin, "-test.run=^TestReadOnlyLocation$", "-test.count=1")
	cmd.Env = append(os.Environ(), envChild+"=1", envBase+"="+base)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
	out, err := cmd.CombinedOutput()
	if cmd.ProcessState == nil {
		t.Skipf("running as root, and cannot run a child as user nobody to test permissions (%v)", err)
	}
	if err != nil || !slices.Contains(strings.Split(string(out), "\n"), "done") {
		t.Errorf("the scenario as user nobody: %v\n%s", err, out)
	}
	t.Logf("ran as user nobody: %s", strings.Join(strings.Fields(string(out)), " "))
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o755)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
