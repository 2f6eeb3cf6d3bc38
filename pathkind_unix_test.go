//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// Every command refuses a database path that holds anything but a regular
// file or nothing, at once and with the same one line; a symbolic link to
// a database is used.
func TestDatabasePathKindsCLI(t *testing.T) {
	dir := isolate(t)
	link, target := filepath.Join(dir, "link.db"), filepath.Join(dir, "target.db")
	if r := cxo(t, "1\n", "--db", target, "--accessible", "new", "--quick"); r.code != 0 {
		t.Fatalf("new: %d %q", r.code, r.stderr)
	}
	fifo, folder, dangling := filepath.Join(dir, "fifo"), filepath.Join(dir, "folder"), filepath.Join(dir, "dangling")
	for _, err := range []error{syscall.Mkfifo(fifo, 0o600), os.Mkdir(folder, 0o700), os.Symlink(target, link),
		os.Symlink(filepath.Join(dir, "gone"), dangling)} {
		if err != nil {
			t.Fatal(err)
		}
	}
	if f, err := os.OpenFile(fifo, os.O_RDWR, 0); err == nil {
		defer f.Close() // a regression opening the pipe fails instead of hanging
	}
	// A device node of our own where allowed (root), so a regression cannot
	// touch the real /dev/null; an ordinary user cannot harm /dev/null.
	device := filepath.Join(dir, "null-device")
	var st syscall.Stat_t
	if err := syscall.Stat("/dev/null", &st); err != nil || syscall.Mknod(device, syscall.S_IFCHR|0o666, int(st.Rdev)) != nil {
		device = "/dev/null"
		if os.Geteuid() == 0 {
			t.Log("root, and no device node can be made: the device case is left out, so /dev/null is not put at risk")
			device = ""
		}
	}
	commands := [][]string{{"list"}, {"check"}, {"--accessible", "new", "--quick"}, {"--accessible", "resume"},
		{"export"}, {"delete", "--yes", "2026"}, {"delete", "--all", "--yes"}}
	for _, c := range []struct{ kind, path, refusal string }{
		{"folder", folder, "is a folder, not a database file"},
		{"named pipe", fifo, "is a named pipe, not a database file"},
		{"device", device, "is a device (character special file), not a database file"},
		{"dangling symlink", dangling, "is a symbolic link to " + filepath.Join(dir, "gone") + ", which does not exist"},
	} {
		if c.path == "" {
			continue
		}
		for _, args := range commands {
			r := cxo(t, "1\n", append([]string{"--db", c.path}, args...)...)
			line := strings.TrimSpace(r.stderr)
			if r.code != 1 || !strings.Contains(line, c.path+" "+c.refusal) || strings.Contains(line, "\n") || r.stdout != "" {
				t.Errorf("%s, cxo %v: exit %d, stdout %q, stderr %q; want one line saying %q", c.kind, args, r.code, r.stdout, r.stderr, c.refusal)
			}
		}
	}
	if r := cxo(t, "", "--db", link, "list"); r.code != 0 || !strings.Contains(r.stdout, "in_progress") && !strings.Contains(r.stdout, "in progress") {
		t.Errorf("list through a symbolic link: %d %q %q", r.code, r.stdout, r.stderr)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v", err)
	}

	// export -o refuses the same kinds, with or without --force, and never
	// suggests --force for them.
	id := strings.Fields(strings.Split(cxo(t, "", "--db", target, "list").stdout, "\n")[1])[0]
	for _, c := range []struct{ kind, path, refusal string }{
		{"folder", folder, "is a folder"},
		{"named pipe", fifo, "is a named pipe"},
		{"device", device, "is a device"},
		{"dangling symlink", dangling, "which does not exist"},
	} {
		if c.path == "" {
			continue
		}
		for _, force := range []bool{false, true} {
			args := []string{"--db", target, "export", id, "-o", c.path}
			if force {
				args = append(args, "--force")
			}
			r := cxo(t, "", args...)
			if r.code != 1 || !strings.Contains(r.stderr, c.refusal) || strings.Contains(r.stderr, "--force") {
				t.Errorf("export to a %s (force %v): %d %q", c.kind, force, r.code, r.stderr)
			}
		}
	}
}
