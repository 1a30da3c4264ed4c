#!/usr/bin/env bash
# Builds snowgate for release (plain, and with --static-swift-stdlib) and runs
# bench/http-figures.py: every figure of issue 10 against its baseline, in one run.
# Writes bench/http-figures.txt. Not part of the test suite (figures, not assertions).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${RUNS:-9}"
swift build -c release --product snowgate
swift build -c release --product snowgate --static-swift-stdlib --scratch-path .build/static
{
  echo "# swift build -c release"
  python3 bench/http-figures.py .build/release/snowgate "$runs"
  echo
  echo "# swift build -c release --static-swift-stdlib (the cases that start a process)"
  CASES=1,2,3,6 python3 bench/http-figures.py .build/static/release/snowgate "$runs"
  echo
  echo "# ldd .build/release/snowgate"
  ldd .build/release/snowgate | sed 's/ (0x[0-9a-f]*)//'
} 2>&1 | grep -v -e '^debconf' -e '^Selecting' -e '^Preparing' -e '^Unpacking' -e '^Setting up' | tee bench/http-figures.txt
