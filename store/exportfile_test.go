package store

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Where an export cannot go, the one-line error says why in the user's
// terms, and nothing is written or replaced.
func TestWriteExportProblems(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(file, []byte("keep"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, path string
		overwrite  bool
		want       string
	}{
		{"a folder", dir, false, dir + " is a folder; give a file name"},
		{"a folder, overwrite", dir + "/", true, " is a folder; give a file name"},
		{"a missing folder", filepath.Join(dir, "nope", "x.md"), false, "the folder " + filepath.Join(dir, "nope") + " does not exist"},
		{"a file as folder", filepath.Join(file, "x.md"), true, file + " is a file, not a folder"},
	} {
		err := WriteExport(c.path, []byte("# x\n"), c.overwrite)
		if err == nil || !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), ".cxo-export-") {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
	if data, _ := os.ReadFile(file); string(data) != "keep" {
		t.Error("a file was changed")
	}
	// An existing file without overwrite is ErrExists, untouched.
	if err := WriteExport(file, []byte("new"), false); !errors.Is(err, ErrExists) {
		t.Errorf("existing file: %v", err)
	}
	if data, _ := os.ReadFile(file); string(data) != "keep" {
		t.Error("an existing file was replaced without overwrite")
	}
}
