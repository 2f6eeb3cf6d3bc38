package main

import (
	"strings"
	"testing"
)

// No line of the help ends in spaces.
func TestHelpHasNoTrailingSpaces(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"guide", "--help"}, {"help", "export"}, {"-h"}} {
		r := cxo(t, "", args...)
		if r.code != 0 || r.stdout == "" {
			t.Fatalf("%v: exit %d, out %q", args, r.code, r.stdout)
		}
		for i, l := range strings.Split(r.stdout, "\n") {
			if strings.HasSuffix(l, " ") {
				t.Errorf("%v: line %d ends in spaces: %q", args, i+1, l)
			}
		}
	}
}
