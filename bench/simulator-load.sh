#!/usr/bin/env bash
# Load figures for `snowgate simulate`: 50 concurrent curl clients x 20 Table API requests, then
# 200 malformed requests, with the simulator's resident memory before and after.
# Writes bench/simulator-load.txt. Not part of the test suite (figures, not assertions).
set -euo pipefail
cd "$(dirname "$0")/.."
bin="$(swift build --show-bin-path)/snowgate"
[ -x "$bin" ] || swift build --product snowgate
work="$(mktemp -d)"
"$bin" simulate --port 0 >"$work/out" 2>"$work/err" &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do [ -s "$work/out" ] && break; sleep 0.1; done
base="$(head -n 1 "$work/out")"; base="${base#listening on }"
port="${base##*:}"
rss() { awk '/VmRSS/ {print $2}' "/proc/$pid/status"; }
rss_before=$(rss)

urls=()
for _ in $(seq 1 20); do urls+=(-o /dev/null "$base/api/now/table/sys_user?sysparm_limit=1&sysparm_fields=user_name"); done
start=$(date +%s.%N)
for _ in $(seq 1 50); do
  curl -s -u admin:admin -w '%{http_code}\n' "${urls[@]}" >>"$work/codes" &
done
wait $(jobs -p | grep -v "^$pid$") 2>/dev/null || true
end=$(date +%s.%N)
ok=$(grep -c '^200$' "$work/codes" || true)
seconds=$(echo "$end - $start" | bc -l)
rss_load=$(rss)

for i in $(seq 1 200); do
  case $((i % 4)) in
    0) printf '\x00\xff garbage\r\n\r\n' ;;
    1) printf 'GET / HTTP/1.1\r\nX-Big: %s\r\n\r\n' "$(head -c 70000 /dev/zero | tr '\0' a)" ;;
    2) printf 'POST /oauth_token.do HTTP/1.1\r\nContent-Length: 50\r\n\r\nabc' ;;
    3) printf 'NOT A REQUEST\r\n\r\n' ;;
  esac | timeout 5 curl -s --max-time 5 telnet://127.0.0.1:"$port" -o /dev/null 2>/dev/null &
done
wait $(jobs -p | grep -v "^$pid$") 2>/dev/null || true
after=$(curl -s -o /dev/null -w '%{http_code}' -u admin:admin "$base/api/now/table/sys_user?sysparm_limit=1")
rss_after=$(rss)

{
  echo "date: $(date -u +%Y-%m-%dT%H:%MZ)  machine: $(nproc) cores (shared)"
  echo "50 clients x 20 requests: $ok/1000 answered 200 in $(printf '%.2f' "$seconds") s ($(printf '%.0f' "$(echo "1000 / $seconds" | bc -l)") requests/s, curl processes included)"
  echo "after 200 malformed requests the server answered: $after"
  echo "simulator RSS: start ${rss_before} KiB, after load ${rss_load} KiB, after malformed ${rss_after} KiB"
} | tee bench/simulator-load.txt
