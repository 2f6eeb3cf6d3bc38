//go:build unix

package main

// End-to-end tests: the real cxo binary in a pseudo-terminal, its screen
// read back through a terminal emulator, driven with key presses the way a
// person would.

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/creack/pty"
	"github.com/hinshun/vt10x"

	"github.com/cxo-dev/cxo/assets"
	"github.com/cxo-dev/cxo/model"
	"github.com/cxo-dev/cxo/store"
)

const (
	e2eCols = 100
	e2eRows = 30
	// e2eWait is how long one screen may take to appear: generous, since
	// CI has two slow cores and may run the race detector alongside.
	e2eWait = 10 * time.Second
)

// e2eEnv is a private home for one test: data, config and working folder
// in temporary directories, and nothing inherited that could change how cxo
// behaves (CXO_DB, NO_COLOR, the real HOME).
type e2eEnv struct {
	home, work string
	env        []string
}

func newE2EEnv(t *testing.T) e2eEnv {
	t.Helper()
	home := t.TempDir()
	work := t.TempDir()
	return e2eEnv{home: home, work: work, env: []string{
		"PATH=" + os.Getenv("PATH"),
		"HOME=" + home,
		"XDG_DATA_HOME=" + filepath.Join(home, "data"),
		"XDG_CONFIG_HOME=" + filepath.Join(home, "config"),
		"TERM=xterm-256color",
	}}
}

func (e e2eEnv) dbPath() string { return filepath.Join(e.home, "data", "cxo", "cxo.db") }

// session is one cxo process on a pseudo-terminal, its output parsed by a
// vt10x terminal emulator.
type session struct {
	cmd  *exec.Cmd
	ptmx *os.File
	term vt10x.Terminal

	exited   chan struct{} // closed once the process has been reaped
	waitErr  error         // cmd.Wait's result; read only after exited
	readDone chan struct{} // closed once the pty reader has stopped
}

// startCxo runs the binary in a 100×30 pseudo-terminal. The test is
// skipped only when no pseudo-terminal can be opened.
func startCxo(t *testing.T, e e2eEnv, args ...string) *session {
	t.Helper()
	bin := cxoBinary(t)
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal available: %v", err)
	}
	if err := pty.Setsize(ptmx, &pty.Winsize{Rows: e2eRows, Cols: e2eCols}); err != nil {
		ptmx.Close()
		tty.Close()
		t.Fatalf("setting the pty size: %v", err)
	}
	cmd := exec.Command(bin, args...)
	cmd.Env = e.env
	cmd.Dir = e.work
	cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, tty, tty
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
	if err := cmd.Start(); err != nil {
		ptmx.Close()
		tty.Close()
		t.Fatalf("starting cxo: %v", err)
	}
	tty.Close() // the child holds its own copy

	s := &session{
		cmd:  cmd,
		ptmx: ptmx,
		// The emulator answers the terminal queries (background colour,
		// cursor position) through the pty, as a real terminal would.
		term:     vt10x.New(vt10x.WithSize(e2eCols, e2eRows), vt10x.WithWriter(ptmx)),
		exited:   make(chan struct{}),
		readDone: make(chan struct{}),
	}
	go func() {
		s.waitErr = cmd.Wait()
		close(s.exited)
	}()
	go s.read()
	t.Cleanup(func() {
		select {
		case <-s.exited:
		default:
			_ = cmd.Process.Kill()
		}
		select {
		case <-s.exited:
		case <-time.After(e2eWait):
			t.Errorf("cxo (pid %d) did not exit after SIGKILL", cmd.Process.Pid)
		}
		ptmx.Close()
		select {
		case <-s.readDone:
		case <-time.After(e2eWait):
			t.Errorf("pty reader did not stop")
		}
	})
	return s
}

// read feeds the pty output to the emulator until the pty closes. vt10x
// mangles a multi-byte character split across two writes, so an incomplete
// character at the end of a read waits for the next one.
func (s *session) read() {
	defer close(s.readDone)
	buf := make([]byte, 32*1024)
	var pending []byte
	for {
		n, err := s.ptmx.Read(buf)
		if n > 0 {
			pending = append(pending, buf[:n]...)
			cut := completeRunes(pending)
			if cut > 0 {
				_, _ = s.term.Write(pending[:cut])
				pending = append(pending[:0], pending[cut:]...)
			}
		}
		if err != nil {
			return
		}
	}
}

// completeRunes is the length of b's prefix that ends on a whole UTF-8
// character.
func completeRunes(b []byte) int {
	for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax; i-- {
		if utf8.RuneStart(b[i]) {
			if utf8.FullRune(b[i:]) {
				return len(b)
			}
			return i
		}
	}
	return len(b)
}

// screen is the emulator's screen, one line per row, trailing blanks cut.
func (s *session) screen() string {
	lines := strings.Split(s.term.String(), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \x00")
	}
	return strings.TrimRight(strings.Join(lines, "\n"), "\n")
}

func (s *session) send(t *testing.T, keys string) {
	t.Helper()
	if _, err := s.ptmx.Write([]byte(keys)); err != nil {
		t.Fatalf("sending %q: %v\nscreen:\n%s", keys, err, s.screen())
	}
}

// waitUntil polls the screen until ok accepts it, and fails with the
// screen on timeout or when cxo exits first.
func (s *session) waitUntil(t *testing.T, what string, timeout time.Duration, ok func(string) bool) string {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		scr := s.screen()
		if ok(scr) {
			return scr
		}
		select {
		case <-s.exited:
			// One last look: the final frame may have just arrived.
			time.Sleep(100 * time.Millisecond)
			if scr := s.screen(); ok(scr) {
				return scr
			}
			t.Fatalf("cxo exited (%v) while waiting for %s; screen:\n%s", s.waitErr, what, s.screen())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %v waiting for %s; screen:\n%s", timeout, what, scr)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// waitFor waits until the screen contains text and returns the screen.
func (s *session) waitFor(t *testing.T, text string, timeout time.Duration) string {
	t.Helper()
	return s.waitUntil(t, strconv.Quote(text), timeout, func(scr string) bool { return strings.Contains(scr, text) })
}

// waitGone waits until the screen no longer contains text.
func (s *session) waitGone(t *testing.T, text string, timeout time.Duration) string {
	t.Helper()
	return s.waitUntil(t, strconv.Quote(text)+" to go away", timeout, func(scr string) bool { return !strings.Contains(scr, text) })
}

// waitMatch waits for re on the screen and returns its submatches.
func (s *session) waitMatch(t *testing.T, re *regexp.Regexp, timeout time.Duration) []string {
	t.Helper()
	var m []string
	s.waitUntil(t, "/"+re.String()+"/", timeout, func(scr string) bool {
		m = re.FindStringSubmatch(scr)
		return m != nil
	})
	return m
}

// waitExit waits for the process to end and returns its exit status.
func (s *session) waitExit(t *testing.T, timeout time.Duration) int {
	t.Helper()
	select {
	case <-s.exited:
	case <-time.After(timeout):
		t.Fatalf("cxo did not exit within %v; screen:\n%s", timeout, s.screen())
	}
	var exit *exec.ExitError
	switch {
	case s.waitErr == nil:
		return 0
	case errors.As(s.waitErr, &exit):
		return exit.ExitCode()
	}
	t.Fatalf("waiting for cxo: %v", s.waitErr)
	return -1
}

var itemRe = regexp.MustCompile(`item (\d+) of (\d+)`)

// beginQuick goes from the home screen through the New screen and the
// first section intro to the first item, and returns the number of items.
func beginQuick(t *testing.T, s *session) int {
	t.Helper()
	s.waitFor(t, "New assessment", e2eWait)
	s.send(t, "n")
	s.waitFor(t, "press enter", e2eWait)
	s.send(t, "\r")
	s.waitFor(t, "Part 1 of 2", e2eWait)
	s.waitFor(t, "Press any key to begin", e2eWait)
	s.send(t, "\r")
	s.waitGone(t, "Press any key to begin", e2eWait)
	m := s.waitMatch(t, itemRe, e2eWait)
	if m[1] != "1" {
		t.Fatalf("the first item shown is item %s, want 1; screen:\n%s", m[1], s.screen())
	}
	total, _ := strconv.Atoi(m[2])
	if total < 6 {
		t.Fatalf("the quick assessment has %d items, want at least 6", total)
	}
	return total
}

// answerOne answers item n of total with 1 (valid in every format) and
// waits until the next item, or the review after the last, is on screen.
func answerOne(t *testing.T, s *session, n, total int) {
	t.Helper()
	screen := s.waitFor(t, fmt.Sprintf("item %d of %d", n, total), e2eWait)
	if strings.Contains(screen, "Press any key to begin") {
		// A section intro: a key shows the item, it never answers one.
		s.send(t, "\r")
		s.waitGone(t, "Press any key to begin", e2eWait)
	}
	s.send(t, "1")
	if n < total {
		s.waitFor(t, fmt.Sprintf("item %d of %d", n+1, total), e2eWait)
		return
	}
	s.waitFor(t, "Press f to finish", e2eWait)
}

func TestE2EQuickAssessmentAndExport(t *testing.T) {
	e := newE2EEnv(t)
	s := startCxo(t, e)

	total := beginQuick(t, s)
	for n := 1; n <= total; n++ {
		answerOne(t, s, n, total)
	}
	s.waitFor(t, fmt.Sprintf("Review  %d answered of %d", total, total), e2eWait)

	s.send(t, "f")
	id := s.waitMatch(t, regexp.MustCompile(`Results\s+(\S+) · bank`), e2eWait)[1]

	s.send(t, "e")
	file := s.waitMatch(t, regexp.MustCompile(`File: (cxo-\S+\.md)`), e2eWait)[1]
	if file != "cxo-"+id+".md" {
		t.Fatalf("export prompt offers %q, want cxo-%s.md", file, id)
	}
	s.send(t, "\r")
	s.waitFor(t, "exported to", e2eWait)

	path := filepath.Join(e.work, file)
	info, err := os.Stat(path)
	if err != nil {
		t.Fatalf("export not in the working directory: %v; screen:\n%s", err, s.screen())
	}
	if perm := info.Mode().Perm(); perm != 0o600 {
		t.Errorf("export mode %v, want 0600", perm)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}

	s.send(t, "q")
	if code := s.waitExit(t, e2eWait); code != 0 {
		t.Fatalf("q: exit status %d, want 0; screen:\n%s", code, s.screen())
	}

	checkAppendix(t, e, id, total, string(data))
}

// checkAppendix checks that the export's appendix lists every item of the
// stored assessment, in order, each answered with option 1.
func checkAppendix(t *testing.T, e e2eEnv, id string, total int, doc string) {
	t.Helper()
	_, appendix, ok := strings.Cut(doc, "## Appendix")
	if !ok {
		t.Fatalf("export has no ## Appendix:\n%s", doc)
	}
	b, err := assets.DefaultBank()
	if err != nil {
		t.Fatal(err)
	}
	a, skipped, err := store.New(e.dbPath(), "e2e").Load(id)
	if err != nil || len(skipped) > 0 {
		t.Fatalf("loading %s from %s: %v %v", id, e.dbPath(), err, skipped)
	}
	if a.Status != model.StatusFinished {
		t.Errorf("stored status %q, want finished", a.Status)
	}
	if len(a.Order) != total {
		t.Fatalf("stored assessment has %d items, the screen counted %d", len(a.Order), total)
	}
	var rows [][]string
	for _, line := range strings.Split(appendix, "\n") {
		cells := mdCells(line)
		if len(cells) >= 4 && cells[0] != "" && cells[0][0] >= '0' && cells[0][0] <= '9' {
			rows = append(rows, cells)
		}
	}
	if len(rows) != total {
		t.Fatalf("appendix has %d rows, want %d:\n%s", len(rows), total, appendix)
	}
	for i, itemID := range a.Order {
		it, ok := b.Item(itemID)
		if !ok {
			t.Fatalf("item %s is not in the bank", itemID)
		}
		if ans := a.Answers[itemID]; ans.Value != 1 || ans.Skipped || ans.NA {
			t.Errorf("stored answer to %s is %+v, want 1", itemID, ans)
		}
		row := rows[i]
		want := []string{strconv.Itoa(i + 1), itemID, strings.Join(strings.Fields(it.Text), " "),
			model.AnswerText(it, model.Answer{Value: 1})}
		for c, w := range want {
			if got := strings.Join(strings.Fields(row[c]), " "); got != w {
				t.Errorf("appendix row %d column %d = %q, want %q", i+1, c+1, got, w)
			}
		}
	}
}

// mdCells splits a Markdown table row into unescaped cells.
func mdCells(line string) []string {
	line = strings.TrimSpace(line)
	if !strings.HasPrefix(line, "|") || !strings.HasSuffix(line, "|") || len(line) < 2 {
		return nil
	}
	var cells []string
	var cell strings.Builder
	body := line[1:]
	for i := 0; i < len(body); i++ {
		switch c := body[i]; {
		case c == '\\' && i+1 < len(body):
			i++
			cell.WriteByte(body[i])
		case c == '|':
			s := strings.TrimSpace(cell.String())
			s = strings.NewReplacer("&lt;", "<", "&gt;", ">").Replace(s)
			cells = append(cells, s)
			cell.Reset()
		default:
			cell.WriteByte(c)
		}
	}
	return cells
}

// itemOpening reads the stored assessment and returns the opening words of
// the item at index i of its order: short enough to sit on the first line
// of the question at this terminal width.
func itemOpening(t *testing.T, e e2eEnv, i int) string {
	t.Helper()
	b, err := assets.DefaultBank()
	if err != nil {
		t.Fatal(err)
	}
	st := store.New(e.dbPath(), "e2e")
	list, _, err := st.List()
	if err != nil || len(list) != 1 {
		t.Fatalf("stored assessments: %v %v", list, err)
	}
	a, _, err := st.Load(list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	it, _ := b.Item(a.Order[i])
	words := strings.Fields(it.Text)
	opening := ""
	for _, w := range words {
		if len(opening)+len(w)+1 > 40 {
			break
		}
		opening = strings.TrimSpace(opening + " " + w)
	}
	return opening
}

func TestE2EKillAndResume(t *testing.T) {
	e := newE2EEnv(t)
	s := startCxo(t, e)

	total := beginQuick(t, s)
	const answered = 5
	for n := 1; n <= answered; n++ {
		answerOne(t, s, n, total)
	}
	// Item 6 is on screen, so the fifth answer has been committed. The
	// stored order says which item that is; its opening words must be on
	// screen before the kill and again after the resume.
	sixth := itemOpening(t, e, answered)
	s.waitFor(t, sixth, e2eWait)
	if err := s.cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	if code := s.waitExit(t, e2eWait); code == 0 {
		t.Fatalf("cxo exited 0 after SIGKILL")
	}

	s = startCxo(t, e)
	progress := fmt.Sprintf("%d of %d done", answered, total)
	s.waitFor(t, progress, e2eWait) // the home screen's Resume entry
	s.send(t, "r")
	s.waitFor(t, fmt.Sprintf("item %d of %d", answered+1, total), e2eWait)
	scr := s.waitFor(t, sixth, e2eWait)
	if strings.Contains(scr, "Press any key to begin") {
		t.Errorf("resume shows a section intro instead of the item; screen:\n%s", scr)
	}

	// cxo list in a second "terminal" while the coach is open.
	list := exec.Command(cxoBinary(t), "list")
	list.Env = e.env
	list.Dir = e.work
	out, err := list.CombinedOutput()
	if err != nil {
		t.Fatalf("cxo list: %v\n%s", err, out)
	}
	if want := fmt.Sprintf("%d/%d", answered, total); !strings.Contains(string(out), want) {
		t.Errorf("cxo list shows no progress %s:\n%s", want, out)
	}
	if !strings.Contains(string(out), string(model.StatusInProgress)) {
		t.Errorf("cxo list does not show the assessment in progress:\n%s", out)
	}

	s.send(t, "q")
	if code := s.waitExit(t, e2eWait); code != 0 {
		t.Fatalf("q: exit status %d, want 0; screen:\n%s", code, s.screen())
	}
}

// runInPty runs cxo on a pseudo-terminal and returns all it wrote and its
// exit status. When cxo asks for the background colour the terminal sends
// reply; with reply "" it never answers a query (as some terminals,
// multiplexers and CI runners do).
func runInPty(t *testing.T, e e2eEnv, reply string, args ...string) ([]byte, int) {
	t.Helper()
	bin := cxoBinary(t)
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal available: %v", err)
	}
	defer ptmx.Close()
	cmd := exec.Command(bin, args...)
	cmd.Env = e.env
	cmd.Dir = e.work
	cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, tty, tty
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
	if err := cmd.Start(); err != nil {
		tty.Close()
		t.Fatalf("starting cxo: %v", err)
	}
	tty.Close()
	var out []byte
	buf := make([]byte, 32*1024)
	answered := false
	for {
		n, err := ptmx.Read(buf)
		out = append(out, buf[:n]...)
		if reply != "" && !answered && bytes.Contains(out, []byte("\x1b]11;?")) {
			answered = true
			if _, err := ptmx.Write([]byte(reply)); err != nil {
				t.Fatalf("answering the query: %v", err)
			}
		}
		if err != nil {
			break // EIO once the child has gone
		}
	}
	err = cmd.Wait()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out, code
}

// An error on a terminal is one plain line, written at once: cxo does not
// ask the terminal for its colours first (a terminal that never answers
// would hold the line back for seconds).
func TestErrorsOnATerminalDoNotQueryIt(t *testing.T) {
	e := newE2EEnv(t)
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"export", "zzz"}, 1, "cxo: no such assessment: zzz (cxo list shows the ids)\r\n"},
		{[]string{"--bogus"}, 2, "cxo: unknown flag: --bogus\r\n"},
		{[]string{"new", "--target", "\x1b]0;title\x07ceo"}, 2, "cxo: --target must be cto or cio, not \"\\x1b]0;title\\aceo\"\r\n"},
		{[]string{"delete"}, 2, "cxo: cxo delete needs the id of the assessment to delete (cxo list shows them), or --all\r\n"},
	} {
		out, code := runInPty(t, e, "", c.args...)
		if code != c.code || string(out) != c.want {
			t.Errorf("cxo %q on a silent terminal: exit %d, wrote %q; want exit %d, %q", c.args, code, out, c.code, c.want)
		}
	}
}

// cxo guide on a terminal follows the terminal's background: light when it
// says so (with either string terminator), dark when it says dark, answers
// only DA1 or never answers. --theme overrides the terminal.
func TestGuideFollowsTheTerminalBackground(t *testing.T) {
	e := newE2EEnv(t)
	styled := func(style string) string {
		out, code := runInPty(t, e, "", "guide", "operational-skills", "--style", style, "--width", "60")
		if code != 0 {
			t.Fatalf("--style %s: exit %d: %s", style, code, out)
		}
		return string(out)
	}
	dark, light := styled("dark"), styled("light")
	if dark == light {
		t.Fatal("the dark and light guides are the same")
	}
	for _, c := range []struct {
		name, reply, want string
		args              []string
	}{
		{"light, BEL", "\x1b]11;rgb:ffff/ffff/f0f0\a\x1b[?62;22c", light, nil},
		{"light, ST", "\x1b]11;rgb:eeee/eeee/eeee\x1b\\\x1b[?62;22c", light, nil},
		{"dark", "\x1b]11;rgb:1c1c/1c1c/1c1c\a\x1b[?62;22c", dark, nil},
		{"DA1 only", "\x1b[?1;2c", dark, nil},
		{"no answer", "", dark, nil},
		{"--theme over the terminal", "\x1b]11;rgb:ffff/ffff/ffff\a\x1b[?62;22c", dark, []string{"--theme", "dark"}},
	} {
		out, code := runInPty(t, e, c.reply, append(c.args, "guide", "operational-skills", "--width", "60")...)
		got := string(out)
		// What cxo wrote before the guide is the query itself.
		got = strings.TrimPrefix(got, "\x1b]11;?\a\x1b[c")
		if code != 0 || got != c.want {
			t.Errorf("%s: exit %d; the guide is not the expected style (first bytes %q)", c.name, code, got[:min(len(got), 80)])
		}
	}
}
