#!/usr/bin/env bash
# The start as the owner meets it (BENCHMARKS.md): the app started on its
# own, as a double-click starts it, without WebDriver, from the process's
# start to its first screen being up (the frame and its search box
# mounted; the app logs "first screen up" then, with the ms since its own
# code began). Each run is closed with the window's close button, as the
# owner closes it, so the next starts as the next morning's does.
#
#   npm --prefix ui run build && cargo build --release --features custom-protocol
#   scripts/e2e-xvfb.sh scripts/bench-start.sh /tmp/shop100k [RUNS]
#
# PAUSE=S waits S seconds after each close (1 by default).
#
# scripts/bench-app.sh measures through WebDriver (and the memory); this
# one is the start alone. Needs xwininfo (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

data=$(realpath "${1:?usage: $0 DATA_DIR [RUNS]}")
runs=${2:-5}
app=$(realpath "${APP:-target/release/dangol}")
[ -x "$app" ] || { echo "no $app: cargo build --release --features custom-protocol" >&2; exit 1; }

# shellcheck source=scripts/started-ms.sh
. scripts/started-ms.sh
log() { cat "$data"/logs/dangol.*.log 2>/dev/null || true; }
lines() { log | grep -c "first screen up" || true; }

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(seq "$runs"); do
  before=$(lines)
  DANGOL_DATA_DIR=$data "$app" >/dev/null 2>&1 &
  pid=$!
  start=$(started_ms "$pid")
  for _ in $(seq 3000); do
    [ "$(lines)" -gt "$before" ] && break
    sleep 0.01
  done
  if [ "$(lines)" -le "$before" ]; then
    kill -TERM "$pid" 2>/dev/null || true
    echo "run $run: no first screen within 30 s: is the shop set up and not locked? (see $data/logs)" >&2
    exit 1
  fi
  line=$(log | grep "first screen up" | tail -1)
  at=$(date -d "$(cut -d' ' -f1 <<<"$line")" +%s%3N)
  inside=$(sed -n 's/.*since_start_ms=\([0-9]*\).*/\1/p' <<<"$line")
  echo "run $run: first screen up $((at - start)) ms after the process started ($inside ms after the app's own code began)"
  sleep 1
  win=$(xwininfo -root -tree | awk '/\("dangol" "Dangol"\)/ && !/"dangol":/ {print $1; exit}')
  python3 scripts/close-window.py "$win"
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then
    echo "  did not close: stopped" >&2
    kill -TERM "$pid"
  fi
  wait "$pid" 2>/dev/null || true
  sleep "${PAUSE:-1}"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
