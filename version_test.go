package main

import (
	"runtime/debug"
	"testing"
)

func TestDescribeBuild(t *testing.T) {
	vcs := func(rev, modified string) []debug.BuildSetting {
		return []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: rev}, {Key: "vcs.modified", Value: modified}}
	}
	rev := "a325e95abc1234567890a325e95abc1234567890"
	for _, c := range []struct {
		version  string
		settings []debug.BuildSetting
		want     string
	}{
		{"v1.2.0", nil, "v1.2.0"}, // go install ...@v1.2.0
		{"v1.2.0", vcs(rev, "false"), "v1.2.0"},
		{"v0.0.0-20261201203855-a325e95abc12", vcs(rev, "false"), "dev-a325e95abc12"},
		{"v0.0.0-20261201203855-a325e95abc12+dirty", vcs(rev, "true"), "dev-a325e95abc12-modified"},
		{"(devel)", vcs(rev, "true"), "dev-a325e95abc12-modified"},
		{"v0.0.0-20261201203855-a325e95abc12", nil, "v0.0.0-20261201203855-a325e95abc12"}, // go install ...@commit
		{"(devel)", nil, "dev"},
	} {
		got := describeBuild(&debug.BuildInfo{Main: debug.Module{Version: c.version}, Settings: c.settings})
		if got != c.want {
			t.Errorf("%s %v: %q, want %q", c.version, c.settings, got, c.want)
		}
	}
}
