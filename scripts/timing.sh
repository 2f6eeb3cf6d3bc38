#!/bin/sh
# Times what a user waits for, on a pseudo-terminal that answers the
# terminal's queries at once, in interleaved runs:
#   - process start to the home screen's first frame, cxo against the
#     smallest Bubble Tea v2 program (testdata/minitea);
#   - a key to the frame it changes: h (home to history) and esc (back).
# Figures go to docs/benchmarks.md; nothing here is a test assertion.
#
#   scripts/timing.sh [runs]     (default 40)
set -eu
cd "$(dirname "$0")/.."
runs=${1:-40}
go test -run '^$' -bench 'Startup$|StartupAnswered|KeyLatency' -benchtime "${runs}x" -count 3 .
