#!/usr/bin/env bash
# `snowgate token NAME` with a cached token against `cat` of a file, for the release build and the
# --static-swift-stdlib release build (the one the README installs). Writes bench/token-start.txt.
# Not part of the test suite (figures, not assertions).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${RUNS:-40}"
swift build -c release --product snowgate --disable-local-rpath
swift build -c release --product snowgate --static-swift-stdlib --disable-local-rpath --scratch-path .build/static
# Measured as installed (README: install -m 0755): a copy runs ~34 fewer page faults and ~4 %
# less CPU than the file the linker wrote, whose page-cache pages map less well (bench/check-vs-curl.md).
installed=$(mktemp -d)
trap 'rm -rf "$installed"' EXIT
install -m 0755 .build/release/snowgate "$installed/snowgate"
install -m 0755 .build/static/release/snowgate "$installed/snowgate-static"
{
  echo "# swift build -c release --static-swift-stdlib --disable-local-rpath, installed"
  python3 bench/token-start.py "$installed/snowgate-static" "$runs"
  echo
  echo "# swift build -c release --disable-local-rpath, installed"
  python3 bench/token-start.py "$installed/snowgate" "$runs"
} 2>&1 | tee bench/token-start.txt
