package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// ~ in the export name is the home folder, and the full path is shown
// before writing; a plain name shows the working folder it goes to.
func TestExportExpandsTildeAndShowsTheTarget(t *testing.T) {
	home, wd := t.TempDir(), t.TempDir()
	t.Setenv("HOME", home)
	t.Chdir(wd)
	d := showResults(t, 100, 30)
	d.keys("e")
	if d.app.state != stateExport {
		t.Fatalf("e did not open the export form (state %v)", d.app.state)
	}
	want := filepath.Join(wd, "cxo-"+d.app.a.ID+".md")
	if !strings.Contains(strings.ReplaceAll(d.screen(), "\n ", ""), "writes "+want) {
		t.Errorf("the default name does not show where it goes (%s):\n%s", want, d.screen())
	}
	d.app.export.input.SetValue("~/me.md")
	if !strings.Contains(d.screen(), "writes "+filepath.Join(home, "me.md")) {
		t.Errorf("~/me.md does not show the home folder:\n%s", d.screen())
	}
	d.keys("enter")
	if _, err := os.Stat(filepath.Join(home, "me.md")); err != nil {
		t.Fatalf("~/me.md was not written to the home folder: %v\n%s", err, d.screen())
	}
	if d.app.state != stateResults {
		t.Errorf("after the export: state %v", d.app.state)
	}
}
