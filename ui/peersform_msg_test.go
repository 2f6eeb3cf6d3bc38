package ui

import (
	"path/filepath"
	"strings"
	"testing"
)

// On the results screen the invite form says an empty name without the
// shell's --name flag, and an import path that is not there is said
// plainly: "no such file: PATH".
func TestPeersFormSaysErrorsWithoutShellWords(t *testing.T) {
	t.Chdir(t.TempDir())
	f := flowFixture{t: t, b: testBank(t), built: map[string]string{}}
	s, id := f.finished()
	d := newDriver(t, s, Start{Theme: "dark", Action: "resume", ResumeID: id}, 100, 30)
	d.app.bank = observerBank(t)
	d.keys("i")
	typeText(d, "   ")
	d.keys("enter")
	if st := d.app.status; !strings.Contains(st, "the name to show is empty") || strings.Contains(st, "--") {
		t.Errorf("empty name: status %q", st)
	}
	d.keys("esc", "I")
	missing := filepath.Join(t.TempDir(), "gone.json")
	typeText(d, missing)
	d.keys("enter")
	got := d.app.status + "\n" + d.screen()
	if !strings.Contains(got, "no such file: "+missing) || strings.Contains(got, "stat ") {
		t.Errorf("missing import path:\n%s", got)
	}
}
