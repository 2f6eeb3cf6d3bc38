#!/usr/bin/env bash
# Release binaries: cxo for Linux, macOS and Windows on amd64 and arm64,
# statically linked (no cgo), each with the version stamped in, and a
# SHA256SUMS file beside them, all in dist/.
#
#   scripts/release.sh            version from git describe (v1.2.0, or v1.2.0-3-gabc1234-dirty)
#   VERSION=v1.2.0 scripts/release.sh
#   TARGETS="linux/amd64" scripts/release.sh   only some targets
set -euo pipefail
cd "$(dirname "$0")/.."

version="${VERSION:-$(git describe --tags --always --dirty 2>/dev/null || echo dev)}"
targets="${TARGETS:-linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 windows/amd64 windows/arm64}"
out=dist

rm -rf "$out"
mkdir -p "$out"
for target in $targets; do
  goos="${target%/*}"
  goarch="${target#*/}"
  name="cxo-$version-$goos-$goarch"
  [ "$goos" = windows ] && name="$name.exe"
  echo "building $name"
  CGO_ENABLED=0 GOOS="$goos" GOARCH="$goarch" \
    go build -trimpath -buildvcs=auto -ldflags "-s -w -X main.version=$version" -o "$out/$name" .
done
(cd "$out" && sha256sum cxo-* >SHA256SUMS)
echo "dist/:"
cat "$out/SHA256SUMS"
