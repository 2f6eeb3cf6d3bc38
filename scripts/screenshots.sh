#!/usr/bin/env bash
# Screenshots for the README, from a real terminal run: cxo in tmux,
# `tmux capture-pane -e` -> HTML with aha -> PNG with headless Chromium.
# Installs what it needs (Debian); not part of CI.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v tmux >/dev/null || need+=(tmux)
command -v aha >/dev/null || need+=(aha)
command -v chromium >/dev/null || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && apt-get install -y -qq "${need[@]}"
fi

work="$(mktemp -d)"
trap 'tmux kill-session -t cxo-shot 2>/dev/null || true; rm -rf "$work"' EXIT
go build -o "$work/cxo" .
export XDG_DATA_HOME="$work/data" CXO_DB="$work/cxo.db"

# A finished assessment to show: answered through the line mode.
# Values a choice item cannot take are re-prompted and the next one is used.
for i in $(seq 200); do echo $(((i * 7) % 5 + 1)); done \
  | "$work/cxo" --accessible new --quick --target cto >/dev/null
# And one left unfinished, so home shows a returning user's whole state.
sleep 1 # a new id second
printf '2\n1\n2\n1\n2\n1\n2\n1\n2\n1\n2\n1\n' | "$work/cxo" --accessible new >/dev/null || true

shot() { # name width height keys...
  local name=$1 w=$2 h=$3; shift 3
  tmux kill-session -t cxo-shot 2>/dev/null || true
  tmux new-session -d -s cxo-shot -x "$w" -y "$h" "TERM=xterm-256color CXO_DB=$CXO_DB $work/cxo --theme dark"
  sleep 1
  for k in "$@"; do tmux send-keys -t cxo-shot "$k"; sleep 0.4; done
  tmux capture-pane -e -p -t cxo-shot > "$work/$name.ansi"
  aha --black --title "cxo" < "$work/$name.ansi" \
    | sed 's|<pre>|<pre style="font-family: DejaVu Sans Mono, monospace; font-size: 14px; line-height: 1.2; margin: 12px;">|' \
    > "$work/$name.html"
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/chrome" --hide-scrollbars \
    --window-size=$((w * 9 + 30)),$((h * 17 + 30)) \
    --screenshot="docs/$name.png" "file://$work/$name.html" >/dev/null 2>&1
  echo "docs/$name.png"
}

mkdir -p docs
shot home 100 30
shot results 100 30 h j Enter
