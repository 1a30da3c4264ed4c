#!/usr/bin/env bash
# Peak memory of `snowgate check` against a look-alike instance whose authenticated answer is
# huge (64 MiB) or endless (a chunked body that never ends), with --timeout 4.
# Writes bench/hostile-bodies.txt. Figures, not assertions: the body size limit belongs to the
# transport (libcurl's CURLOPT_MAXFILESIZE and a cap on what is kept).
set -euo pipefail
cd "$(dirname "$0")/.."
bin="$(swift build --show-bin-path)/snowgate"
[ -x "$bin" ] || swift build --product snowgate
work="$(mktemp -d)"
cat >"$work/server.py" <<'PY'
import http.server, sys
mode = sys.argv[2]
class H(http.server.BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'
    def do_GET(self):
        if 'Authorization' not in self.headers:
            body = b'{"error":{"message":"User Not Authenticated","detail":null},"status":"failure"}'
            self.send_response(401); self.send_header('WWW-Authenticate', 'Basic realm="Service-now"')
            self.send_header('Content-Type', 'application/json'); self.send_header('Content-Length', str(len(body)))
            self.end_headers(); self.wfile.write(body); return
        self.send_response(200); self.send_header('Content-Type', 'application/json')
        chunk = b' ' * 65536
        try:
            if mode == 'huge':
                self.send_header('Content-Length', str(1024 * 65536)); self.end_headers()
                for _ in range(1024): self.wfile.write(chunk)
            else:
                self.send_header('Transfer-Encoding', 'chunked'); self.end_headers()
                while True: self.wfile.write(b'10000\r\n' + chunk + b'\r\n')
        except Exception:
            pass
    def log_message(self, *a): pass
http.server.ThreadingHTTPServer(('127.0.0.1', int(sys.argv[1])), H).serve_forever()
PY
out=bench/hostile-bodies.txt
echo "# snowgate check against hostile bodies ($(date -u +%Y-%m-%dT%H:%MZ), $(uname -srm))" >"$out"
port=18790
for mode in huge endless; do
  port=$((port + 1))
  python3 "$work/server.py" "$port" "$mode" &
  server=$!
  trap 'kill "$server" 2>/dev/null || true' EXIT
  sleep 0.5
  result=$(SNOWGATE_CONFIG_DIR="$work" SNOWGATE_PASSWORD=x /usr/bin/time -f "maxrss=%MKB elapsed=%es" \
    "$bin" check --instance "http://127.0.0.1:$port" --username admin --timeout 4 2>&1 | tail -1 || true)
  code=$(SNOWGATE_CONFIG_DIR="$work" SNOWGATE_PASSWORD=x "$bin" check --instance "http://127.0.0.1:$port" \
    --username admin --timeout 4 --json 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["diagnosis"]["code"])' || true)
  kill "$server"; wait "$server" 2>/dev/null || true
  echo "$mode: verdict $code, $result" >>"$out"
done
rm -rf "$work"
cat "$out"
