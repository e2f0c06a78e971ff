#!/usr/bin/env bash
# Builds the Linux package, Dangol_<version>_amd64.deb, and prints its path
# on the last line:
#   scripts/package-linux.sh
#
# The tauri CLI makes the .deb (`tauri build --bundles deb`: the release
# build, the UI bundled in) and compresses its files with gzip. This script
# then packs the same files again with xz, as Debian and Ubuntu pack their
# own packages (dpkg reads xz since Debian 7 and Ubuntu 12.04): the download
# is about a fifth smaller (BENCHMARKS.md, package sizes). It checks that
# the repacked package holds the same files with the same modes and the
# same control data before it replaces the tauri CLI's.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\033[1;36m[package-linux]\033[0m %s\n' "$*" >&2; }

for tool in dpkg-deb xz; do
  command -v "$tool" >/dev/null || { say "missing: $tool — run scripts/setup.sh"; exit 1; }
done
[ -d node_modules/@tauri-apps/cli ] || npm ci --no-audit --no-fund
[ -d ui/node_modules ] || npm --prefix ui ci --no-audit --no-fund

say "release build and the tauri CLI's .deb"
npx tauri build --bundles deb >&2

version="$(node -p "require('./tauri.conf.json').version")"
deb="target/release/bundle/deb/Dangol_${version}_amd64.deb"
[ -f "$deb" ] || { say "the tauri CLI made no $deb"; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dpkg-deb --raw-extract "$deb" "$work/root"
dpkg-deb --root-owner-group -Zxz -z9 --build "$work/root" "$work/xz.deb" >/dev/null

# The same files, modes and sizes, and the same control fields: only the
# compression may differ (and the spelling of the paths: dpkg-deb writes
# ./usr/… and usr/bin/ with their root folder, the tauri CLI usr/… and
# usr/bin without them).
listing() {
  dpkg-deb --contents "$1" | awk '{sub(/^\.\//, "", $6); sub(/\/$/, "", $6); if ($6 != "") print $1, $3, $6}' | sort
}
if ! diff <(listing "$deb") <(listing "$work/xz.deb") >&2 ||
  ! diff <(dpkg-deb --field "$deb") <(dpkg-deb --field "$work/xz.deb") >&2; then
  say "the repacked .deb differs from the tauri CLI's: kept the gzip one"
  exit 1
fi
before="$(stat -c %s "$deb")"
mv "$work/xz.deb" "$deb"
say "repacked with xz: $before → $(stat -c %s "$deb") bytes"
echo "$deb"
