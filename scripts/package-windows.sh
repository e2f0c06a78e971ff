#!/usr/bin/env bash
# Builds Dangol for Windows on this Linux machine and packages the installer
# an owner double-clicks, Dangol_<version>_x64-setup.exe:
#   scripts/package-windows.sh            the release build (stripped, LTO)
#   scripts/package-windows.sh --quick    a debug build (tests: faster to compile)
#
# The app is cross-compiled with the x86_64-pc-windows-gnu target (MinGW),
# and the installer made by Debian's makensis from the project's own NSIS
# script, installer/windows/installer.nsi — the same file `tauri build`
# renders on a Windows release build (docs/WINDOWS.md says why two builders
# share one script). The installer is written to
#   target/x86_64-pc-windows-gnu/<profile>/bundle/nsis/
# and its path printed on the last line.
#
# No WebView2 bootstrapper is embedded here (it comes from Microsoft's site,
# which this machine cannot reach): on a PC without WebView2 this installer
# says so and stops. Release installers from the workflow embed it.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

target=x86_64-pc-windows-gnu
profile=release
cargo_profile=(--release)
if [ "${1:-}" = "--quick" ]; then
  profile=debug
  cargo_profile=()
fi

say() { printf '\033[1;36m[package-windows]\033[0m %s\n' "$*" >&2; }

missing=()
command -v x86_64-w64-mingw32-gcc >/dev/null || missing+=(gcc-mingw-w64-x86-64)
command -v makensis >/dev/null || missing+=(nsis)
rustup target list --installed 2>/dev/null | grep -qx "$target" || missing+=("rust target $target")
if [ "${#missing[@]}" -gt 0 ]; then
  say "missing: ${missing[*]} — run scripts/setup.sh"
  exit 1
fi

[ -f ui/dist/index.html ] || npm --prefix ui run build

say "cargo build --target $target ($profile)"
cargo build "${cargo_profile[@]}" --target "$target" --features custom-protocol --bin dangol

out="target/$target/$profile"
version="$(node -p "require('./tauri.conf.json').version")"
setup="Dangol_${version}_x64-setup.exe"
work="$out/bundle/nsis/work"
rm -rf "$work"
mkdir -p "$work"

# A MinGW build loads WebView2Loader.dll at start (MSVC builds link the
# loader in): the installer puts it beside dangol.exe. It is taken from the
# webview2-com-sys package Cargo.lock names, the one this build linked
# against (tauri-build's copy lands beside the build's own files, which a
# shared build directory moves elsewhere).
webview2_sys="$(cargo metadata --format-version 1 --locked --filter-platform "$target" |
  node -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
    const p = JSON.parse(s).packages.find((p) => p.name === "webview2-com-sys");
    console.log(require("path").dirname(p.manifest_path)); });')"
cp "$webview2_sys/x64/WebView2Loader.dll" "$out/WebView2Loader.dll"
resources=(--resource "$out/WebView2Loader.dll")

nsi="$(node scripts/windows/render-nsis.mjs --exe "$out/dangol.exe" \
  --out-dir "$work" --out-file "$setup" "${resources[@]}")"
say "makensis $setup"
(cd "$work" && makensis -INPUTCHARSET UTF8 -V2 "$nsi" >&2)
mv "$work/$setup" "$out/bundle/nsis/$setup"
echo "$out/bundle/nsis/$setup"
