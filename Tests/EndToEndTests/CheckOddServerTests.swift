import Foundation
import XCTest

/// Verdicts that need a server misbehaving in one precise way: a host that never completes a
/// connection, an instance look-alike whose answers cannot be used, and a token the instance
/// refuses.
final class CheckOddServerTests: XCTestCase {
  /// Answers the unauthenticated probe like a ServiceNow instance, then every authenticated
  /// call and every token call with an HTML page: answers snowgate cannot use.
  static let lookAlike = """
    import http.server, sys
    class Handler(http.server.BaseHTTPRequestHandler):
        def answer(self, status, kind, body, extra={}):
            self.send_response(status)
            self.send_header('Content-Type', kind)
            self.send_header('Content-Length', str(len(body)))
            for key, value in extra.items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(body)
        def do_GET(self):
            if 'Authorization' not in self.headers:
                body = b'{"error":{"message":"User Not Authenticated","detail":"Required"},"status":"failure"}'
                self.answer(401, 'application/json', body, {'WWW-Authenticate': 'BASIC realm="Service-now"'})
            else:
                self.answer(200, 'text/html', b'<html><body>Portal</body></html>')
        def do_POST(self):
            self.answer(200, 'text/html', b'<html><body>Sign in</body></html>')
        def log_message(self, *args):
            pass
    http.server.HTTPServer(('127.0.0.1', int(sys.argv[1])), Handler).serve_forever()
    """

  /// Listens with a backlog of 0 and fills it, never accepting: new connections hang like a
  /// host that drops packets.
  static let fullBacklog = """
    import socket, time
    server = socket.socket()
    server.bind(('127.0.0.1', 0))
    server.listen(0)
    port = server.getsockname()[1]
    held = []
    for _ in range(8):
        client = socket.socket()
        client.setblocking(False)
        try:
            client.connect(('127.0.0.1', port))
        except BlockingIOError:
            pass
        held.append(client)
    time.sleep(0.2)
    print(port, flush=True)
    time.sleep(120)
    """

  /// Accepts connections and never says a word, not even the TLS handshake.
  static let silent = """
    import socket, sys, time
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(('127.0.0.1', int(sys.argv[1])))
    server.listen(16)
    held = []
    while True:
        held.append(server.accept())
    """

  func testAServerThatNeverAnswersTheHandshakeIsHTTPTimeoutWithoutBlamingTLS() async throws {
    let server = try CheckLocalServer(["python3", "-c", Self.silent, "{port}"])
    defer { server.stop() }
    let run = try CheckRun.run(
      [
        "check", "--instance", "https://127.0.0.1:\(server.port)", "--username", "admin", "--json",
        "--timeout", "1",
      ], environment: ["SNOWGATE_PASSWORD": "admin"])
    XCTAssertEqual(try run.code(), "http.timeout", run.stdout)
    XCTAssertEqual(run.status, 4)
    let tls = try XCTUnwrap(try run.check("tls")?["detail"] as? String)
    XCTAssertFalse(tls.contains("handshake done"), tls)
  }

  func testAnAnswerThatIsNotTheTableAPIsJSONIsAPIBadResponseWithExitFive() async throws {
    let server = try CheckLocalServer(["python3", "-c", Self.lookAlike, "{port}"])
    defer { server.stop() }
    let run = try CheckRun.run(
      ["check", "--instance", "http://127.0.0.1:\(server.port)", "--username", "admin", "--json"],
      environment: ["SNOWGATE_PASSWORD": "admin"])
    XCTAssertEqual(try run.code(), "api.bad_response", run.stdout)
    XCTAssertEqual(run.status, 5)
  }

  func testATokenAnswerWithoutATokenIsOAuthBadResponseWithExitFive() async throws {
    let server = try CheckLocalServer(["python3", "-c", Self.lookAlike, "{port}"])
    defer { server.stop() }
    let run = try CheckRun.run(
      [
        "check", "--instance", "http://127.0.0.1:\(server.port)", "--auth", "client-credentials",
        "--client-id", "app", "--json",
      ], environment: ["SNOWGATE_CLIENT_SECRET": "SENTINEL-odd-secret"])
    XCTAssertEqual(try run.code(), "oauth.bad_response", run.stdout)
    XCTAssertEqual(run.status, 5)
    XCTAssertFalse(run.stdout.contains("SENTINEL"))
  }

  func testAHostThatNeverCompletesTheConnectionIsTCPTimeoutWithinTheTimeoutPlusASecond() async throws {
    let server = try CheckLocalServer(printingPort: ["python3", "-c", Self.fullBacklog])
    defer { server.stop() }
    let run = try CheckRun.run(
      [
        "check", "--instance", "http://127.0.0.1:\(server.port)", "--username", "admin", "--json",
        "--timeout", "1",
      ], environment: ["SNOWGATE_PASSWORD": "admin"])
    XCTAssertEqual(try run.code(), "tcp.timeout", run.stdout)
    XCTAssertEqual(run.status, 4)
    let elapsed = try XCTUnwrap(try run.json()["elapsed_ms"] as? Int)
    XCTAssertLessThanOrEqual(elapsed, 2_000 + 500, "the deadline, as the program measured it")
  }

  func testASavedTokenTheInstanceRefusesIsTokenRejected() async throws {
    let simulator = try SimulatorProcess()
    defer { simulator.stop() }
    let profiles = try CheckProfiles.make(
      [
        CheckProfiles.Entry(
          name: "browser", instance: simulator.url.absoluteString, secretStore: "file",
          authType: "oauthAuthorizationCode", clientID: "snowgate-demo")
      ], defaultProfile: "browser",
      stored: [
        "browser": [
          "clientSecret": "demo-secret", "accessToken": "S3CR3T-unknown-access-token",
          "accessTokenExpiresAt": "2099-01-01T00:00:00Z",
        ]
      ])
    defer { profiles.remove() }
    let run = try CheckRun.run(["check", "--json", "--verbose"], configDirectory: profiles.directory)
    XCTAssertEqual(try run.code(), "oauth.token_rejected", run.stdout + run.stderr)
    XCTAssertEqual(run.status, 3)
    XCTAssertFalse((run.stdout + run.stderr).contains("S3CR3T"))
  }
}
