#!/usr/bin/env bash
# Installs Dangol's Windows installer silently under Wine, as an owner whose
# Windows user name has Hangul and a space (C:\users\김 민수), and checks what
# she would find: the program, its uninstaller, the 단골 shortcuts on the
# Start menu and the desktop, the entry in Settings > Apps; then uninstalls
# and checks the program is gone and her shop's data folder is still there —
# and gone only when she asks for it (/DELETEDATA, what ticking the box does).
# Also: on a PC without WebView2 the installer stops and installs nothing,
# and an update (/UPDATE) leaves her shortcuts as she arranged them.
#
#   tests/windows/installer.sh target/x86_64-pc-windows-gnu/release/bundle/nsis/Dangol_0.1.0_x64-setup.exe
#
# Dangol itself is not started: WebView2 does not run under Wine.
set -uo pipefail

setup="$(realpath "${1:?usage: $0 SETUP.EXE}")"
user='김 민수'
work="$(mktemp -d "${TMPDIR:-/tmp}/dangol-wine.XXXXXX")"
# A home of its own: Wine links the profile's Desktop to $HOME, so shortcuts
# land there, and the real home must neither hold stale ones nor get new ones.
mkdir -p "$work/home"
export HOME="$work/home" XDG_DATA_HOME="$work/home/.local/share" XDG_CONFIG_HOME="$work/home/.config"
export WINEPREFIX="$work/prefix" WINEARCH=win64 WINEDEBUG=-all USER="$user"
# No Mono or Gecko prompts in a fresh prefix, no menu entries written for the
# Linux desktop; no X display needed.
export WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"
unset DISPLAY WAYLAND_DISPLAY

cleanup() {
  wineserver -k 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

passed=0
failed=0
check() {
  local what=$1
  shift
  if "$@"; then
    passed=$((passed + 1))
    printf '  ok   %s\n' "$what"
  else
    failed=$((failed + 1))
    printf '  FAIL %s\n' "$what"
  fi
}
absent() { [ ! -e "$1" ]; }
win() { wine "$@" >>"$work/wine.log" 2>&1; }
# wine returns when the program does; the uninstaller re-runs itself from a
# temporary copy, so wait for every process of this prefix to end.
settle() { wineserver -w; }

# Reads one value of an HKCU key (via `reg export`, which writes UTF-16).
reg_value() {
  local key=$1 name=$2 out="$work/export.reg"
  rm -f "$out"
  win reg export "HKCU\\$key" "$(winepath -w "$out")" /y
  [ -f "$out" ] || return 0
  iconv -f UTF-16LE -t UTF-8 "$out" | tr -d '\r' |
    sed -n "s/^\"$name\"=\"\(.*\)\"$/\1/p" | sed 's/\\\\/\\/g; s/\\"/"/g'
}

echo "Wine prefix for user '$user' (Wine: $(wine --version))"
win wineboot -i
settle
profile="$WINEPREFIX/drive_c/users/$user"
program="$profile/AppData/Local/Programs/Dangol"
start_menu="$profile/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/단골.lnk"
desktop="$profile/Desktop/단골.lnk"
data="$profile/AppData/Roaming/kr.dangol.desktop"
webdata="$profile/AppData/Local/kr.dangol.desktop"
uninst_key='Software\Microsoft\Windows\CurrentVersion\Uninstall\Dangol'
webview2_key='Software\Microsoft\EdgeUpdate\Clients\{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}'
check "the Windows profile is C:\\users\\$user" test -d "$profile/AppData/Roaming"

echo "A PC without WebView2:"
win "$setup" /S
code=$?
settle
check "the installer stops with exit code 3 (WebView2 missing), got $code" test "$code" = 3
check "nothing was installed" absent "$program/dangol.exe"
check "no shortcut was made" absent "$desktop"

echo "A PC with WebView2 (its EdgeUpdate registration, as Windows 10/11 have it):"
win reg add "HKCU\\$webview2_key" /v pv /t REG_SZ /d 130.0.2849.80 /f
win "$setup" /S
code=$?
settle
check "the silent install succeeds (exit code $code)" test "$code" = 0
check "dangol.exe in %LOCALAPPDATA%\\Programs\\Dangol" test -s "$program/dangol.exe"
check "the uninstaller beside it" test -s "$program/uninstall.exe"
if [ -f "$(dirname "$setup")/../../WebView2Loader.dll" ]; then
  check "WebView2Loader.dll beside it (MinGW build)" test -s "$program/WebView2Loader.dll"
fi
check "a Start-menu entry named 단골" test -s "$start_menu"
check "a desktop shortcut named 단골" test -s "$desktop"
name="$(reg_value "$uninst_key" DisplayName)"
check "Settings > Apps lists '단골 Dangol' (got '$name')" test "$name" = "단골 Dangol"
uninstall_string="$(reg_value "$uninst_key" UninstallString)"
check "its uninstaller is the one installed (got $uninstall_string)" \
  grep -q 'AppData\\Local\\Programs\\Dangol\\uninstall.exe' <<<"$uninstall_string"

echo "Uninstall, keeping the shop's data (the default):"
mkdir -p "$data/backups" "$webdata/EBWebView"
python3 - "$data/dangol.sqlite3" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
db.execute("INSERT INTO customers (name) VALUES ('김민수')")
db.commit()
PY
cp "$data/dangol.sqlite3" "$data/backups/dangol-20260101-090000000-daily.sqlite3"
win "$program/uninstall.exe" /S
settle
check "dangol.exe is gone" absent "$program/dangol.exe"
check "the uninstaller is gone" absent "$program/uninstall.exe"
check "the program folder is gone" absent "$program"
check "the Start-menu entry is gone" absent "$start_menu"
check "the desktop shortcut is gone" absent "$desktop"
check "Settings > Apps no longer lists it" test -z "$(reg_value "$uninst_key" DisplayName)"
customer="$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("select name from customers").fetchone()[0])' "$data/dangol.sqlite3" 2>&1)"
check "the shop's database is still there and reads back (got '$customer')" test "$customer" = "김민수"
check "its backups are still there" test -s "$data/backups/dangol-20260101-090000000-daily.sqlite3"

echo "An update over an installed Dangol (/UPDATE, as the in-app updater runs it):"
win "$setup" /S
settle
rm -f "$desktop" # she removed the desktop shortcut
win "$setup" /S /UPDATE
code=$?
settle
check "the update succeeds (exit code $code)" test "$code" = 0
check "dangol.exe is in place" test -s "$program/dangol.exe"
check "the shortcut she removed stays removed" absent "$desktop"
check "the shop's database is untouched" test -s "$data/dangol.sqlite3"

echo "Uninstall with the delete-data box ticked (/DELETEDATA):"
win "$program/uninstall.exe" /S /DELETEDATA
settle
check "the program is gone" absent "$program/dangol.exe"
check "the shop's data folder is gone" absent "$data"
check "the window's web data is gone" absent "$webdata"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
