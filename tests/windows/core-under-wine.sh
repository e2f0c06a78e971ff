#!/usr/bin/env bash
# Runs the core's storage tests as Windows programs, under Wine, for an owner
# whose Windows user name has Hangul and a space (C:\users\김 민수): the shop's
# file, its write-ahead log, the clean close's stamp (Windows' file times),
# backups, restore, import and erasure all go through Windows' own file APIs
# (Wine's), in folders under her profile.
#
#   tests/windows/core-under-wine.sh
#
# What it cannot cover: the app window (WebView2 does not run under Wine),
# so the data folder the shell picks and the single-instance guard are not
# exercised here; the installer test (installer.sh) covers installing into
# her profile.
#
# Wine 8 (Debian 12) lacks bcryptprimitives.dll, whose ProcessPrng every Rust
# program since 1.78 calls for random numbers; a ten-line stand-in built here
# with MinGW forwards it to advapi32's RtlGenRandom (SystemFunction036), which
# Wine has. Newer Wine ships the DLL and the stand-in is then not used.
set -uo pipefail
cd "$(dirname "$0")/../.."
export PATH="$HOME/.cargo/bin:$PATH"

target=x86_64-pc-windows-gnu
tests=(backup restore_checks customers import erasure open_check)
user='김 민수'
work="$(mktemp -d "${TMPDIR:-/tmp}/dangol-wine-core.XXXXXX")"
cleanup() {
  WINEPREFIX="$work/prefix" wineserver -k 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

say() { printf '\033[1;36m[core-under-wine]\033[0m %s\n' "$*" >&2; }

say "building the core's storage tests for Windows ($target)"
test_args=()
for t in "${tests[@]}"; do test_args+=(--test "$t"); done
exes="$(cargo test -p dangol-core --target "$target" --no-run "${test_args[@]}" \
  --message-format=json 2>/dev/null |
  node -e '
    const lines = require("fs").readFileSync(0, "utf8").split("\n");
    for (const l of lines) {
      if (!l.startsWith("{")) continue;
      const m = JSON.parse(l);
      if (m.reason === "compiler-artifact" && m.profile && m.profile.test && m.executable)
        console.log(m.executable);
    }')"
if [ -z "$exes" ]; then
  echo "The Windows test build failed:" >&2
  cargo test -p dangol-core --target "$target" --no-run "${test_args[@]}" >&2
  exit 1
fi

say "the ProcessPrng stand-in for Wine 8"
mkdir -p "$work/shim"
cat >"$work/shim/bcryptprimitives.c" <<'EOF'
#include <windows.h>
BOOLEAN WINAPI SystemFunction036(PVOID, ULONG);
BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
    while (len > 0) {
        ULONG chunk = len > 0x10000000 ? 0x10000000 : (ULONG)len;
        if (!SystemFunction036(data, chunk)) return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
EOF
printf 'LIBRARY bcryptprimitives\nEXPORTS\nProcessPrng\n' >"$work/shim/bcryptprimitives.def"
x86_64-w64-mingw32-gcc -shared -O2 -o "$work/shim/bcryptprimitives.dll" \
  "$work/shim/bcryptprimitives.c" "$work/shim/bcryptprimitives.def" -ladvapi32

mkdir -p "$work/home"
export HOME="$work/home" XDG_DATA_HOME="$work/home/.local/share" XDG_CONFIG_HOME="$work/home/.config"
export WINEPREFIX="$work/prefix" WINEARCH=win64 WINEDEBUG=-all USER="$user"
export WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"
# Windows finds a DLL first beside the program.
export WINEPATH="$(winepath -w "$work/shim" 2>/dev/null)"
unset DISPLAY WAYLAND_DISPLAY TMP TEMP TMPDIR
wine wineboot -i >/dev/null 2>&1
wineserver -w

# Windows' temporary folder (where the tests make their shops) is in her
# profile: Wine puts it at C:\users\<user>\Temp. (cmd's echo would print
# the Hangul in the console's code page, so the folder is looked for on disk.)
temp="$WINEPREFIX/drive_c/users/$user/Temp"
if [ ! -d "$temp" ]; then
  echo "No Temp folder under the Hangul profile: $temp" >&2
  ls "$WINEPREFIX/drive_c/users" >&2
  exit 1
fi
say "tests run in C:\\users\\$user\\Temp"

failed=0
while IFS= read -r exe; do
  [ -n "$exe" ] || continue
  name="$(basename "$exe")"
  cp "$work/shim/bcryptprimitives.dll" "$(dirname "$exe")/" 2>/dev/null || true
  say "$name"
  out="$(wine "$exe" --test-threads=1 2>&1)"
  if printf '%s\n' "$out" | grep -q '^test result: ok\.'; then
    printf '%s\n' "$out" | grep '^test result'
  else
    printf '%s\n' "$out" | grep -v 'wine32\|multiarch\|dpkg --add\|apt-get install' >&2
    failed=$((failed + 1))
  fi
done <<<"$exes"

if [ "$failed" -gt 0 ]; then
  echo "$failed test program(s) failed under Wine" >&2
  exit 1
fi
say "all storage tests pass as Windows programs under C:\\users\\$user"
