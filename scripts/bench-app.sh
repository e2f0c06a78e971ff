#!/usr/bin/env bash
# Start and memory of the real app on one shop folder (BENCHMARKS.md):
# from the process's start to the search box on screen, the IPC calls the
# UI makes meanwhile, and the memory (PSS) of every process of the app once
# the home screen has settled.
#
#   cargo bench -p dangol-core --bench lookup -- --keep /tmp/shop100k   # a shop of 100,000
#   npm --prefix ui run build && cargo build --release --features custom-protocol
#   scripts/e2e-xvfb.sh scripts/bench-app.sh /tmp/shop100k [RUNS]
#
# Needs tauri-driver, WebKitWebDriver, curl, jq, xwininfo (scripts/setup.sh). Each run
# starts the app through WebDriver, as the end-to-end tests do.
set -euo pipefail
cd "$(dirname "$0")/.."

data=${1:?usage: $0 DATA_DIR [RUNS]}
runs=${2:-5}
app=$(realpath "${APP:-target/release/dangol}")
port=${PORT:-4477}
[ -x "$app" ] || { echo "no $app: cargo build --release --features custom-protocol" >&2; exit 1; }

DANGOL_DATA_DIR=$(realpath "$data") tauri-driver --port "$port" --native-port $((port + 1)) >/dev/null 2>&1 &
driver=$!
trap 'kill -TERM "$driver" 2>/dev/null || true' EXIT
until curl -s "localhost:$port/status" >/dev/null; do sleep 0.1; done

wd() { curl -s -X "$1" "localhost:$port$2" -H 'content-type: application/json' ${3:+-d "$3"}; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }
# shellcheck source=scripts/started-ms.sh
. scripts/started-ms.sh
tree() { echo "$1"; for c in $(pgrep -P "$1" || true); do tree "$c"; done; }
pss_mb() { awk '/^Pss:/ {print int($2 / 1024)}' "/proc/$1/smaps_rollup" 2>/dev/null || echo 0; }

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(seq "$runs"); do
  caps="{\"capabilities\":{\"alwaysMatch\":{\"tauri:options\":{\"application\":\"$app\"}}}}"
  sid=$(wd POST /session "$caps" | jq -r .value.sessionId)
  find='{"using":"css selector","value":"[data-testid=search-input]"}'
  found=
  for _ in $(seq 3000); do
    wd POST "/session/$sid/element" "$find" | grep -q element-6066 && found=1 && break
    sleep 0.01
  done
  shown=$(now_ms)
  if [ -z "$found" ]; then
    echo "run $run: no search box within the wait: is the shop set up and not locked?" >&2
    exit 1
  fi
  pid=$(pgrep -n -x -f "$app" || pgrep -n -f "$app")
  start=$(started_ms "$pid")
  script='return JSON.stringify({origin: String(Math.round(performance.timeOrigin)), ipc: performance.getEntriesByType("resource").filter(e => !e.name.includes("/assets/")).map(e => [e.name.replace(/.*\//, ""), Math.round(e.startTime), Math.round(e.duration)])})'
  timeline=$(wd POST "/session/$sid/execute/sync" "{\"script\":$(jq -Rn --arg s "$script" '$s'),\"args\":[]}" | jq -r .value)
  origin=$(jq -r .origin <<<"$timeline")
  echo "run $run: search box shown $((shown - start)) ms after the process started; webview page started at $((origin - start)) ms"
  jq -r '.ipc[] | "  ipc \(.[0]): from \(.[1]) ms after page start, \(.[2]) ms"' <<<"$timeline"
  if [ "$run" = "$runs" ]; then
    sleep 5 # the home screen settles, the daily upkeep runs
    total=0
    for p in $(tree "$pid"); do
      mb=$(pss_mb "$p")
      total=$((total + mb))
      [ "$mb" -gt 0 ] && echo "  PSS $(tr '\0' ' ' <"/proc/$p/cmdline" | cut -c1-70): $mb MiB"
    done
    echo "  PSS all processes of the app: $total MiB"
  fi
  # Closed as the owner closes it (the window's close button, sent as a
  # window manager would): the app exits on its own and leaves the clean
  # close's stamp, so the next run starts as a shop's PC does the next
  # morning.
  # The app's window (its class), not GTK's hidden leader window "dangol".
  win=$(xwininfo -root -tree | awk '/\("dangol" "Dangol"\)/ && !/"dangol":/ {print $1; exit}')
  python3 scripts/close-window.py "$win"
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if [ -e "$data/dangol.sqlite3-checked" ]; then echo "  closed cleanly (stamp left)"; else echo "  closed without a stamp"; fi
  wd DELETE "/session/$sid" >/dev/null
  sleep 1
done
