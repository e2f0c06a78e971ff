#!/usr/bin/env bash
# Runs a command under a private, headless X display, e.g.
#   scripts/e2e-xvfb.sh cargo test --features custom-protocol --test e2e
#
# Xvfb picks a free display number itself (-displayfd) and reports it once it
# accepts connections, so two runs at once do not collide and nothing polls.
# The command also gets a private D-Bus session bus when dbus-run-session is
# installed, so a Dangol already open on the desktop (single-instance plugin)
# never sees the test app. Xvfb and the temp folder go away on any exit.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 COMMAND [ARGS...]   (runs COMMAND with DISPLAY set to a private Xvfb)" >&2
  exit 2
fi

missing=()
command -v Xvfb >/dev/null || missing+=("Xvfb: sudo apt-get install xvfb")
command -v WebKitWebDriver >/dev/null ||
  missing+=("WebKitWebDriver: sudo apt-get install webkit2gtk-driver")
command -v tauri-driver >/dev/null ||
  missing+=("tauri-driver: cargo install tauri-driver --locked (and ~/.cargo/bin on PATH)")
if [ "${#missing[@]}" -gt 0 ]; then
  echo "e2e-xvfb: missing tools:" >&2
  printf '  %s\n' "${missing[@]}" >&2
  exit 1
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/dangol-xvfb.XXXXXX")"
xvfb_pid=""
cleanup() {
  if [ -n "$xvfb_pid" ] && kill -0 "$xvfb_pid" 2>/dev/null; then
    kill -TERM "$xvfb_pid" 2>/dev/null || true
    wait "$xvfb_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkfifo "$work/displayfd"
Xvfb -displayfd 3 -screen 0 1440x900x24 -nolisten tcp -noreset \
  3>"$work/displayfd" >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!

# Xvfb writes its display number to fd 3 when it is ready; give up after 30 s.
display=""
if ! read -r -t 30 display <"$work/displayfd" || [ -z "$display" ]; then
  echo "e2e-xvfb: Xvfb did not start:" >&2
  cat "$work/xvfb.log" >&2
  exit 1
fi

export DISPLAY=":$display"
unset WAYLAND_DISPLAY
export GDK_BACKEND=x11
# No accessibility bus to start (and leave behind) on a headless display.
export NO_AT_BRIDGE=1
echo "e2e-xvfb: DISPLAY=$DISPLAY" >&2

status=0
if command -v dbus-run-session >/dev/null; then
  dbus-run-session -- "$@" || status=$?
else
  "$@" || status=$?
fi
exit "$status"
