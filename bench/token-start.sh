#!/usr/bin/env bash
# `snowgate token NAME` with a cached token against `cat` of a file, for the release build and the
# --static-swift-stdlib release build (the one the README installs). Writes bench/token-start.txt.
# Not part of the test suite (figures, not assertions).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${RUNS:-40}"
swift build -c release --product snowgate
swift build -c release --product snowgate --static-swift-stdlib --scratch-path .build/static
{
  echo "# swift build -c release --static-swift-stdlib"
  python3 bench/token-start.py .build/static/release/snowgate "$runs"
  echo
  echo "# swift build -c release"
  python3 bench/token-start.py .build/release/snowgate "$runs"
} 2>&1 | tee bench/token-start.txt
