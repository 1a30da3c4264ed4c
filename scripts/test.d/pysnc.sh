#!/usr/bin/env bash
# ServiceNow's own Python client (pysnc, from PyPI) against `snowgate simulate`: Basic auth, the
# OAuth password grant and GlideRecord reads of sys_user. Exits non-zero when anything fails.
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! python3 -c 'import venv, ensurepip' 2>/dev/null; then
  echo "pysnc check: python3 -m venv is unavailable; install python3-venv (.ci/run does)." >&2
  exit 1
fi

bin="$(swift build --show-bin-path)/snowgate"
[ -x "$bin" ] || swift build --product snowgate
venv=.build/pysnc-venv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import pysnc, requests_oauthlib' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check pysnc requests-oauthlib
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

# stdout goes to a file, not a pipe: nobody must have to keep reading for the simulator to go on.
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
    echo "pysnc check: snowgate simulate did not start; it said: $first_line $(cat "$workdir/err")" >&2
    exit 1
    ;;
esac
base="${first_line#listening on }"
"$venv/bin/python" Tests/pysnc/check_pysnc.py "$base"
