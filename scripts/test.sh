#!/usr/bin/env bash
# Sets up what is missing, then runs every check and test there is: format,
# lints, type checks, frontend unit tests, core unit/integration/property
# tests, the end-to-end tests in the real app window under a private Xvfb
# display, the workflow lint, the Windows build with its installer tested
# under Wine, and the typed-bindings check. Safe to run again and again.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

step() { printf '\n\033[1;35m==> %s\033[0m\n' "$*" >&2; }

step "setup"
scripts/setup.sh

# A full run from a clean clone writes about 20 GB under target/ (the debug
# build with every test program, the Windows release build, the core built
# for Windows). Incremental-compilation caches would add as much again and
# only help an edit-compile loop, so this run goes without them unless asked
# (CARGO_INCREMENTAL=1 scripts/test.sh).
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"
free_gb=$(df -Pk . | awk 'NR==2 {print int($4 / 1048576)}')
if [ "$free_gb" -lt 20 ]; then
  echo "warning: only ${free_gb} GB free on this disk; a full run from a clean clone" >&2
  echo "needs about 20 GB and may stop with 'No space left on device'." >&2
fi

step "rustfmt"
cargo fmt --all --check

step "GitHub workflows: actionlint (with shellcheck on their scripts)"
target/tools/actionlint

step "frontend: svelte-check, vitest, build"
npm --prefix ui run check
npm --prefix ui test
npm --prefix ui run build

step "clippy"
cargo clippy --workspace --all-targets --features custom-protocol -- -D warnings

step "cargo tests (core + shell + end-to-end in the real window, under Xvfb)"
# One build for everything: the app is built with the UI embedded
# (custom-protocol), which the end-to-end tests need.
scripts/e2e-xvfb.sh cargo test --workspace --features custom-protocol

step "Windows: cross-build, the installer, install and uninstall under Wine"
# The release build, the one whose size BENCHMARKS.md gives (see
# docs/WINDOWS.md; --quick would make a debug build instead).
windows_started=$SECONDS
setup_exe="$(scripts/package-windows.sh | tail -n1)"
tests/windows/installer.sh "$setup_exe"
# The core's storage tests as Windows programs, in a Hangul profile.
tests/windows/core-under-wine.sh
echo "Windows part: $((SECONDS - windows_started)) s" >&2

step "typed bindings are committed and current"
# The tests above re-export the TypeScript bindings from the Rust types.
stale="$(git status --porcelain -- ui/src/lib/backend/bindings)"
if [ -n "$stale" ]; then
  echo "The TypeScript bindings changed when exported from Rust; commit them:" >&2
  echo "$stale" >&2
  exit 1
fi

step "all tests passed"
