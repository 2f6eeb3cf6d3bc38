//go:build unix

package store

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Export accepts only a regular file or nothing at its target, with or
// without overwrite: a link to a regular file is followed and kept (the
// file it points to gets the export); a dangling link, a folder, a named
// pipe, a device and a file with other hard links are refused with what
// they are, untouched, and the error never suggests --force.
func TestWriteExportTargetKinds(t *testing.T) {
	dir := t.TempDir()
	kinds := pathKinds(t, dir)
	hard := filepath.Join(dir, "hard")
	if err := os.WriteFile(hard, []byte("shared"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(hard, filepath.Join(dir, "hard-other")); err != nil {
		t.Fatal(err)
	}
	kinds = append(kinds, struct{ kind, path, refusal string }{"hard link", hard, "has 1 other name(s) (hard links)"})
	for _, k := range kinds {
		for _, overwrite := range []bool{false, true} {
			before, _ := os.Lstat(k.path)
			err := WriteExport(k.path, []byte("# export\n"), overwrite)
			switch {
			case k.refusal != "":
				if err == nil || !strings.Contains(err.Error(), k.path) || !strings.Contains(err.Error(), k.refusal) ||
					strings.Contains(err.Error(), "--force") || strings.Contains(err.Error(), "\n") {
					t.Errorf("%s (overwrite %v): %v, want one line naming it and saying %q, never --force", k.kind, overwrite, err, k.refusal)
				}
				if after, _ := os.Lstat(k.path); before != nil && (after == nil || after.Mode() != before.Mode() || after.Size() != before.Size()) {
					t.Errorf("%s (overwrite %v): the target changed", k.kind, overwrite)
				}
			case k.kind == "missing" && overwrite, k.kind != "missing" && !overwrite:
				// The second round (missing) finds the first round's file.
				if !overwrite && !errors.Is(err, ErrExists) {
					t.Errorf("%s: %v, want ErrExists", k.kind, err)
				}
				if overwrite && err != nil {
					t.Errorf("%s, overwrite: %v", k.kind, err)
				}
			default:
				if err != nil {
					t.Errorf("%s (overwrite %v): %v", k.kind, overwrite, err)
				}
			}
		}
	}
	// The link is kept, and the file it points to holds the export.
	link, target := filepath.Join(dir, "link"), filepath.Join(dir, "linked-target")
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v", err)
	}
	if data, _ := os.ReadFile(target); string(data) != "# export\n" {
		t.Errorf("the link's target holds %q", data)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "hard-other")); string(data) != "shared" {
		t.Errorf("the hard link's other name holds %q", data)
	}
	if _, err := os.Lstat(filepath.Join(dir, "gone")); err == nil {
		t.Error("a file was created through the dangling link")
	}
	// No temporary file is left behind anywhere.
	left, _ := filepath.Glob(filepath.Join(dir, ".*"))
	if len(left) > 0 {
		t.Errorf("left behind: %v", left)
	}
}
