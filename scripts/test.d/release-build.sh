#!/usr/bin/env bash
# The README's release build (swift build -c release --static-swift-stdlib), as it is installed:
# Swift's runtime and libstdc++ linked in (Package.swift, Link/static-libstdc++), nothing loaded
# at start but glibc's libraries and libgcc_s, and no library looked for next to the binary
# (--disable-local-rpath). Builds it, reads `ldd` and `readelf`, installs a copy beside planted
# libc.so.6, libm.so.6 and libcurl.so.4, and runs a check with it against `snowgate simulate`.
# Exits non-zero when any of it fails.
set -euo pipefail
cd "$(dirname "$0")/../.."

# Its own build folder, as the benchmarks use: the plain release build stays in .build/release.
build=(swift build -c release --static-swift-stdlib --disable-local-rpath --scratch-path .build/static)
log="$(mktemp)"
if ! "${build[@]}" --product snowgate >"$log" 2>&1; then
  cat "$log" >&2
  rm -f "$log"
  echo "release build: the README's release build failed (above)." >&2
  exit 1
fi
tail -n 1 "$log"
rm -f "$log"
built="$("${build[@]}" --show-bin-path)/snowgate"

linked=$(ldd "$built")
for unwanted in libstdc++ libswiftCore libFoundation libdispatch libcurl libncurses; do
  if grep -F "$unwanted" <<<"$linked"; then
    echo "release build: $built loads $unwanted at start (above); see Link/static-libstdc++/libstdc++.so." >&2
    exit 1
  fi
done
grep -q 'libc\.so' <<<"$linked" || {
  echo "release build: ldd listed no libc for $built: $linked" >&2
  exit 1
}
# SwiftPM adds $ORIGIN to an executable's run path unless told not to: the loader would then look
# for libc, libm and (dlopen) libcurl in whatever folder the binary was copied to first.
if readelf -d "$built" | grep -E 'R(UN)?PATH'; then
  echo "release build: $built has a run path (above); build it with --disable-local-rpath." >&2
  exit 1
fi

workdir="$(mktemp -d)"
sim_pid=""
cleanup() {
  if [ -n "$sim_pid" ]; then
    kill "$sim_pid" 2>/dev/null || true
    wait "$sim_pid" 2>/dev/null || true
  fi
  rm -rf "$workdir"
}
trap cleanup EXIT

# Installed as the README says, into a folder holding libraries that are not libraries: the
# binary must start and load libcurl from the system, never from its own folder.
mkdir "$workdir/bin"
install -m 0755 "$built" "$workdir/bin/snowgate"
bin="$workdir/bin/snowgate"
for planted in libc.so.6 libm.so.6 libcurl.so.4; do
  echo "planted by release-build.sh: not a library" >"$workdir/bin/$planted"
done

"$bin" simulate --port 0 >"$workdir/out" 2>"$workdir/err" &
sim_pid=$!
for _ in $(seq 1 100); do
  [ -s "$workdir/out" ] && break
  kill -0 "$sim_pid" 2>/dev/null || break
  sleep 0.1
done
first_line="$(head -n 1 "$workdir/out" || true)"
case "$first_line" in
  "listening on http://127.0.0.1:"*) ;;
  *)
    echo "release build: snowgate simulate did not start; it said: $first_line $(cat "$workdir/err")" >&2
    exit 1
    ;;
esac
base="${first_line#listening on }"
# A sentinel password: it must reach the simulator and no output.
sentinel="release-build-sentinel-7f3a"
status=0
SNOWGATE_PASSWORD="$sentinel" "$bin" check --instance "$base" --username admin >"$workdir/wrong" 2>&1 || status=$?
if [ "$status" -ne 3 ] || ! grep -q "auth.basic_rejected" "$workdir/wrong"; then
  echo "release build: a wrong password gave exit $status, not 3 with auth.basic_rejected: $(cat "$workdir/wrong")" >&2
  exit 1
fi
if grep -qF "$sentinel" "$workdir/wrong"; then
  echo "release build: the check printed the password" >&2
  exit 1
fi
SNOWGATE_PASSWORD=admin "$bin" check --instance "$base" --username admin >"$workdir/right" 2>&1 || {
  echo "release build: the check of a healthy simulator failed: $(cat "$workdir/right")" >&2
  exit 1
}
grep -q "All checks passed" "$workdir/right" || {
  echo "release build: the check did not say all checks passed: $(cat "$workdir/right")" >&2
  exit 1
}
echo "release build: $built loads $(grep -c '=>' <<<"$linked") libraries at start, none of them libstdc++, and has no run path; installed beside planted libraries, a check passes"
