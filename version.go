package main

import (
	"regexp"
	"runtime/debug"
	"strings"
)

// version can be stamped at link time (-ldflags "-X main.version=v1.2.3",
// as scripts/release.sh does). Without it, the build info Go writes into
// every binary names the build: the module version of a go install
// module@version, or, for a go build in a checkout, the commit and whether
// the tree had changes.
var version = ""

func cxoVersion() string {
	if version != "" {
		return version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "dev"
	}
	return describeBuild(info)
}

// pseudo matches the versions Go makes up for untagged commits
// (v0.0.0-20261201203855-a325e95abc12), which say less than the revision.
var pseudo = regexp.MustCompile(`-(0\.)?\d{14}-[0-9a-f]{12}`)

// describeBuild is a tagged module version as it is; else "dev" with the
// VCS revision (12 digits) and "-modified" for a tree with changes; else
// whatever version Go recorded.
func describeBuild(info *debug.BuildInfo) string {
	v := info.Main.Version
	if v != "" && v != "(devel)" && !pseudo.MatchString(v) && !strings.HasSuffix(v, "+dirty") {
		return v
	}
	rev, modified := "", false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if rev == "" {
		if v != "" && v != "(devel)" {
			return v
		}
		return "dev"
	}
	desc := "dev-" + rev[:min(len(rev), 12)]
	if modified {
		desc += "-modified"
	}
	return desc
}
