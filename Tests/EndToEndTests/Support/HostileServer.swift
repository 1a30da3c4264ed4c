import Foundation

/// A local HTTP server that behaves like a hostile or broken instance, one way per mode, for
/// proving that nothing it sends can reach a terminal raw or reveal a secret.
///
/// It looks enough like ServiceNow for the probe (401 with the Service-now realm and the API's
/// error body) that the check goes on to sign in and to the token endpoint, where each mode
/// does its harm:
/// - `echo`: every answer carries the request back (request line, headers and body) in the
///   error message, the `X-Echo` header and the body.
/// - `ansi`: messages full of escape sequences (window title, OSC 52 clipboard, clear screen,
///   C1 CSI, carriage return); `ansi-headers`: the same in the `Server` and `X-Evil` headers.
/// - `token-trailing`, `token-truncated`, `token-form`, `token-html`, `token-absurd`: the token
///   endpoint answers 200 with a body snowgate cannot parse, carrying sentinel tokens.
/// - `redirect`: every answer is a 302 to another loopback port.
/// - `huge`: the authenticated read answers 200 with 64 MiB of body; `endless`: with a chunked
///   body that never ends.
final class HostileServer: @unchecked Sendable {
  /// Tokens the token modes hand out; none may appear in any output.
  static let sentinelTokens = [
    "AT-S3NT1NEL-access-0123456789abcdef", "RT-S3NT1NEL-refresh-0123456789abcdef",
    "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJTM05UMU5FTCJ9.U0VOVElORUwtc2lnbmF0dXJl",
  ]

  static let script = #"""
    import http.server, sys, json
    mode = sys.argv[2]
    other = sys.argv[3] if len(sys.argv) > 3 else '9'
    AT, RT, JWT = sys.argv[4], sys.argv[5], sys.argv[6]
    ESC = '\x1b'
    NASTY = ESC + ']0;PWNED-TITLE\x07' + ESC + ']52;c;cHduZWQ=\x07' + ESC + '[2J' + ESC + '[31m' + '\x9b31m' + '\rhidden'
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = 'HTTP/1.1'
        def body(self):
            n = int(self.headers.get('Content-Length') or 0)
            return self.rfile.read(n) if n else b''
        def echo(self, body):
            text = self.requestline + '\n' + ''.join(k + ': ' + v + '\n' for k, v in self.headers.items())
            return text + '\n' + body.decode('utf-8', 'replace')
        def answer(self, status, kind, payload, extra={}):
            if isinstance(payload, str):
                payload = payload.encode('utf-8')
            self.send_response(status)
            self.send_header('Content-Type', kind)
            self.send_header('Content-Length', str(len(payload)))
            for key, value in extra.items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(payload)
        def envelope(self, message):
            return json.dumps({'error': {'message': message, 'detail': message}, 'status': 'failure'})
        def handle_any(self, method):
            body = self.body() if method == 'POST' else b''
            if mode == 'redirect':
                return self.answer(302, 'text/html', '<a>moved</a>', {'Location': 'http://127.0.0.1:' + other + '/'})
            realm = {'WWW-Authenticate': 'Basic realm="Service-now"'}
            if mode == 'ansi-headers':
                realm['Server'] = 'snow' + NASTY.replace('\r', '')
                realm['X-Evil'] = NASTY.replace('\r', '')
            if method == 'GET' and 'Authorization' not in self.headers:
                return self.answer(401, 'application/json', self.envelope('User Not Authenticated' + (NASTY if mode == 'ansi' else '')), realm)
            if mode == 'echo':
                said = self.echo(body)
                if self.path.startswith('/oauth_token.do'):
                    return self.answer(400, 'application/json', json.dumps({'error': 'invalid_request', 'error_description': said}), {'X-Echo': said.replace('\n', ' | ')})
                return self.answer(401, 'application/json', self.envelope(said), dict(realm, **{'X-Echo': said.replace('\n', ' | ')}))
            if mode == 'ansi':
                if self.path.startswith('/oauth_token.do'):
                    return self.answer(401, 'application/json', json.dumps({'error': 'access_denied' + NASTY, 'error_description': NASTY}), realm)
                return self.answer(403, 'application/json', self.envelope('Insufficient rights' + NASTY), realm)
            if mode.startswith('token-') and self.path.startswith('/oauth_token.do'):
                good = '{"access_token":"%s","refresh_token":"%s","id_token":"%s","token_type":"Bearer","expires_in":1799}' % (AT, RT, JWT)
                bodies = {
                    'token-trailing': good + ' garbage',
                    'token-truncated': good[:len(good) - 40],
                    'token-form': 'access_token=%s&refresh_token=%s&token_type=Bearer&expires_in=1799' % (AT, RT),
                    'token-html': '<html><body><pre>' + good + '</pre></body></html>',
                    'token-absurd': good.replace('1799', '1e999999'),
                }
                return self.answer(200, 'application/json', bodies[mode])
            if mode == 'endless':
                self.send_response(200)
                self.send_header('Content-Type', 'application/json')
                self.send_header('Transfer-Encoding', 'chunked')
                self.end_headers()
                chunk = b'10000\r\n' + b' ' * 65536 + b'\r\n'
                try:
                    while True:
                        self.wfile.write(chunk)
                except Exception:
                    pass
                return
            if mode == 'huge':
                self.send_response(200)
                self.send_header('Content-Type', 'application/json')
                size = 64 * 1024 * 1024
                self.send_header('Content-Length', str(size))
                self.end_headers()
                chunk = b' ' * 65536
                try:
                    for _ in range(size // 65536):
                        self.wfile.write(chunk)
                except Exception:
                    pass
                return
            return self.answer(401, 'application/json', self.envelope('User Not Authenticated'), realm)
        def do_GET(self):
            self.handle_any('GET')
        def do_POST(self):
            self.handle_any('POST')
        def log_message(self, *args):
            pass
    http.server.ThreadingHTTPServer(('127.0.0.1', int(sys.argv[1])), Handler).serve_forever()
    """#

  let server: CheckLocalServer
  var port: Int { server.port }
  var url: String { "http://127.0.0.1:\(server.port)" }

  init(mode: String, otherPort: Int = 9) throws {
    server = try CheckLocalServer(
      ["python3", "-c", Self.script, "{port}", mode, String(otherPort)] + Self.sentinelTokens)
  }

  func stop() { server.stop() }
}
