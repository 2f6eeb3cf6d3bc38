package main

import (
	"bytes"
	"image/color"
	"testing"
)

func TestBackgroundReply(t *testing.T) {
	white, black := color.RGBA{255, 255, 255, 255}, color.RGBA{0, 0, 0, 255}
	cases := []struct {
		name     string
		reply    string
		bg       color.Color
		finished bool
	}{
		{"nothing yet", "", nil, false},
		{"colour with BEL, DA1 to come", "\x1b]11;rgb:ffff/ffff/ffff\a", white, false},
		{"colour with BEL and DA1", "\x1b]11;rgb:ffff/ffff/ffff\a\x1b[?62;22c", white, true},
		{"colour with ST and DA1", "\x1b]11;rgb:0000/0000/0000\x1b\\\x1b[?1;2c", black, true},
		{"colour in two-digit form", "\x1b]11;rgb:ff/ff/ff\a\x1b[?6c", white, true},
		{"half a colour", "\x1b]11;rgb:ffff/ff", nil, false},
		{"DA1 only: no colour is coming", "\x1b[?1;2c", nil, true},
		{"half a DA1", "\x1b[?62;2", nil, false},
		{"a colour that does not parse", "\x1b]11;blue\a\x1b[?6c", nil, true},
		{"typed keys before the replies", "jk\x1b]11;rgb:ffff/ffff/ffff\a\x1b[?6c", white, true},
	}
	for _, c := range cases {
		bg, finished := backgroundReply([]byte(c.reply))
		if finished != c.finished || !sameColor(bg, c.bg) {
			t.Errorf("%s: got %v, finished %v; want %v, %v", c.name, bg, finished, c.bg, c.finished)
		}
	}
}

func sameColor(a, b color.Color) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	r1, g1, b1, _ := a.RGBA()
	r2, g2, b2, _ := b.RGBA()
	return r1 == r2 && g1 == g2 && b1 == b2
}

func TestIsDarkColor(t *testing.T) {
	for _, c := range []struct {
		c    color.Color
		dark bool
	}{
		{color.RGBA{0, 0, 0, 255}, true},
		{color.RGBA{0x1c, 0x1c, 0x1c, 255}, true},
		{color.RGBA{0x00, 0x2b, 0x36, 255}, true},  // Solarized dark
		{color.RGBA{0xfd, 0xf6, 0xe3, 255}, false}, // Solarized light
		{color.RGBA{255, 255, 255, 255}, false},
	} {
		if got := isDarkColor(c.c); got != c.dark {
			t.Errorf("isDarkColor(%v) = %v, want %v", c.c, got, c.dark)
		}
	}
}

// Whatever the terminal sends, reading it never panics, and a colour is
// only reported once its reply has ended.
func FuzzBackgroundReply(f *testing.F) {
	for _, seed := range []string{"", "\x1b]11;rgb:ffff/ffff/ffff\a\x1b[?62;22c", "\x1b]11;#fff\x1b\\", "\x1b[?c", "\x1b]11;rgba:1/2/3/4\a", "\x1b]11;\x1b]11;rgb:/\a"} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		bg, _ := backgroundReply(b)
		if bg != nil && !bytes.Contains(b, []byte("\x1b]11;")) {
			t.Fatalf("a colour from %q, which holds no reply", b)
		}
	})
}
