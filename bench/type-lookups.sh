#!/usr/bin/env bash
# How often Swift's runtime scans the whole conformance table in one run of a command, for the
# --static-swift-stdlib release build (the install build). Each first conformance check of a
# (type, protocol) pair visits every record; bench/check-vs-curl.md measured ~17 ns a record,
# and the demangling around each scan about as much again. The figure is the records visited
# per command, and that as whole scans of the table. (It used to be a multiple of `--version`,
# whose one scan was the runtime's first lookup by mangled name; with metadata accessors,
# Package.swift, `--version` makes none.)
#
# Needs perf with uprobes (root). Writes bench/type-lookups.txt. Not part of the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product snowgate --static-swift-stdlib --disable-local-rpath --scratch-path .build/static >&2
binary=$(realpath .build/static/release/snowgate)
command -v perf >/dev/null || { echo "perf is not installed (apt-get install linux-perf)" >&2; exit 1; }

# The scan's per-record callback: a lambda inside the runtime's conformance lookup.
symbol=$(nm "$binary" | awk '/_ZZZL52swift_conformsToProtocolMaybeInstantiateSuperclasses/ && !found {print $1; found = 1}')
[ -n "$symbol" ] || { echo "the conformance scan's callback is not in $binary" >&2; exit 1; }
event="sgscan$$"
perf probe -q -x "$binary" -a "$event=0x${symbol#"${symbol%%[!0]*}"}" >/dev/null
group=$(perf probe -l 2>/dev/null | awk -v e="$event" '$1 ~ ":"e"$" && !found {split($1, p, ":"); print p[1]; found = 1}')
trap 'perf probe -q -d "$group:$event" >/dev/null 2>&1 || true; [ -n "${work:-}" ] && rm -rf "$work"' EXIT

work=$(mktemp -d)
export SNOWGATE_CONFIG_DIR="$work/config"
mkdir -p "$SNOWGATE_CONFIG_DIR"
"$binary" simulate --port 0 >"$work/sim.out" 2>/dev/null &
simulator=$!
trap 'kill $simulator 2>/dev/null || true; perf probe -q -d "$group:$event" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
for _ in $(seq 50); do grep -q "listening on" "$work/sim.out" && break; sleep 0.1; done
url=$(sed -n '1s/^listening on //p' "$work/sim.out")
echo admin | SNOWGATE_CLIENT_SECRET=demo-secret "$binary" setup bench --no-input --instance "$url" \
  --auth password --username admin --client-id snowgate-demo --password-stdin --store file >/dev/null 2>&1
"$binary" token bench >/dev/null

visits() {
  perf stat -x, -e "$group:$event" "$@" 2>&1 >/dev/null | awk -F, -v e="$event" '$3 ~ e {print $1}'
}
records=$(nm "$binary" | grep -c 'Mc$' || true)
{
  echo "# conformance records visited per command; $records records in the table ($(date -u '+%Y-%m-%d %H:%M UTC'))"
  for case in "--version" "--help" "profiles" "token bench" "check --instance $url --username admin"; do
    # shellcheck disable=SC2086
    count=$(SNOWGATE_PASSWORD=admin visits "$binary" $case)
    printf '%-40s %8s visits  %5.1f scans\n' "${case%% http*}" "$count" "$(echo "$count / $records" | bc -l)"
  done
} | tee bench/type-lookups.txt
