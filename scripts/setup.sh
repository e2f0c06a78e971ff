#!/usr/bin/env bash
# Installs what Dangol needs to build, run and test on Debian/Ubuntu, and
# nothing that is already there. Safe to run any number of times.
#   scripts/setup.sh          everything (app + tests)
#   scripts/setup.sh --app    only what running the app needs
set -euo pipefail
cd "$(dirname "$0")/.."

want_tests=1
[ "${1:-}" = "--app" ] && want_tests=0

say() { printf '\033[1;36m[setup]\033[0m %s\n' "$*" >&2; }

# --- Debian/Ubuntu packages -------------------------------------------------
pkgs=(libwebkit2gtk-4.1-dev build-essential curl wget file libxdo-dev libssl-dev
  libayatana-appindicator3-dev librsvg2-dev fonts-noto-cjk pkg-config)
if [ "$want_tests" = 1 ]; then
  pkgs+=(xvfb xauth webkit2gtk-driver dbus imagemagick x11-utils)
  # The Windows build and its installer test (scripts/package-windows.sh,
  # tests/windows/): MinGW, NSIS's makensis, Wine; pip fetches actionlint.
  pkgs+=(gcc-mingw-w64-x86-64 nsis wine wine64 python3-pip shellcheck)
fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if ! command -v apt-get >/dev/null; then
    say "missing packages (${missing[*]}) and no apt-get: see README 'Windows and Mac'"
    exit 1
  fi
  sudo_cmd=()
  [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  say "installing ${missing[*]}"
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  say "system packages: all present"
fi

# --- Rust and Node ------------------------------------------------------------
command -v cargo >/dev/null || { say "Rust is missing: install it from https://rustup.rs"; exit 1; }
command -v npm >/dev/null || { say "Node.js 20+ is missing: install it from https://nodejs.org"; exit 1; }

# npm ci only when package-lock.json changed since the last install.
npm_install() {
  local dir=$1
  local stamp="$dir/node_modules/.dangol-lock"
  if [ -f "$stamp" ] && cmp -s "$dir/package-lock.json" "$stamp"; then
    say "npm packages in $dir: up to date"
  else
    say "npm ci in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$dir/package-lock.json" "$stamp"
  fi
}
npm_install .
npm_install ui

# --- tauri-driver (end-to-end tests) -------------------------------------------
if [ "$want_tests" = 1 ]; then
  export PATH="$HOME/.cargo/bin:$PATH"
  if command -v tauri-driver >/dev/null; then
    say "tauri-driver: present"
  else
    say "cargo install tauri-driver"
    cargo install tauri-driver --locked --quiet
  fi
fi
# --- The Windows target and actionlint ------------------------------------------
if [ "$want_tests" = 1 ]; then
  if rustup target list --installed | grep -qx x86_64-pc-windows-gnu; then
    say "rust target x86_64-pc-windows-gnu: present"
  else
    say "rustup target add x86_64-pc-windows-gnu"
    rustup target add x86_64-pc-windows-gnu
  fi
  scripts/windows/get-actionlint.sh
fi
say "done"
