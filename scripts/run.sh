#!/usr/bin/env bash
# Sets up what is missing, then starts Dangol (the UI hot-reloads from ui/).
#   scripts/run.sh            development window (tauri dev)
#   scripts/run.sh --release  the optimised app with the UI built in
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --app
if [ "${1:-}" = "--release" ]; then
  npm --prefix ui run build
  cargo run --release --features custom-protocol
else
  npx tauri dev
fi
