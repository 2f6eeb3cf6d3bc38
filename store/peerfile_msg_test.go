package store

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A response or invitation path that is not there is said plainly, "no
// such file: PATH", not as the system call's error; a folder says so.
func TestReadPeerFileSaysNoSuchFilePlainly(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "nope.json")
	_, err := ReadResponse(missing)
	if err == nil || err.Error() != "no such file: "+missing {
		t.Errorf("missing response: %v", err)
	}
	_, err = ReadPeerFile(missing, "invitation")
	if err == nil || err.Error() != "no such file: "+missing {
		t.Errorf("missing invitation: %v", err)
	}
	if err := os.Mkdir(filepath.Join(dir, "d"), 0o700); err != nil {
		t.Fatal(err)
	}
	_, err = ReadResponse(filepath.Join(dir, "d"))
	if err == nil || !strings.Contains(err.Error(), "it is a folder") {
		t.Errorf("a folder: %v", err)
	}
}
