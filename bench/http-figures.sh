#!/usr/bin/env bash
# Builds snowgate for release (plain, and with --static-swift-stdlib) and runs
# bench/http-figures.py: every figure of issue 10 against its baseline, in one run.
# Writes bench/http-figures.txt. Not part of the test suite (figures, not assertions).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${RUNS:-9}"
swift build -c release --product snowgate --disable-local-rpath
swift build -c release --product snowgate --static-swift-stdlib --disable-local-rpath --scratch-path .build/static
# Measured as installed (README: install -m 0755): a copy runs ~34 fewer page faults and ~4 %
# less CPU than the file the linker wrote, whose page-cache pages map less well (bench/check-vs-curl.md).
installed=$(mktemp -d)
trap 'rm -rf "$installed"' EXIT
install -m 0755 .build/release/snowgate "$installed/snowgate"
install -m 0755 .build/static/release/snowgate "$installed/snowgate-static"
{
  echo "# swift build -c release --disable-local-rpath, installed"
  python3 bench/http-figures.py "$installed/snowgate" "$runs"
  echo
  echo "# swift build -c release --static-swift-stdlib --disable-local-rpath, installed (the cases that start a process)"
  CASES=1,2,3,6 python3 bench/http-figures.py "$installed/snowgate-static" "$runs"
  echo
  echo "# ldd (swift build -c release)"
  ldd "$installed/snowgate" | sed 's/ (0x[0-9a-f]*)//'
} 2>&1 | grep -v -e '^debconf' -e '^Selecting' -e '^Preparing' -e '^Unpacking' -e '^Setting up' | tee bench/http-figures.txt
