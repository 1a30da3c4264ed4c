import Foundation
import TestSupport
import XCTest

/// The verdicts of the layers below HTTP and of TLS, reached through real local conditions:
/// a closed port, an unresolvable name, a dead proxy, a web server that is not ServiceNow,
/// and `openssl s_server` with untrusted and wrongly named certificates.
final class CheckNetworkTests: XCTestCase {
  nonisolated(unsafe) static var certificates: TestCertificates?

  override class func setUp() {
    super.setUp()
    certificates = try? TestCertificates.make()
  }

  override class func tearDown() {
    certificates?.remove()
    super.tearDown()
  }

  private func check(_ instance: String, environment: [String: String] = [:], launcher: [String] = [])
    throws -> CheckRun
  {
    var env = ["SNOWGATE_PASSWORD": "admin"]
    for (key, value) in environment { env[key] = value }
    return try CheckRun.run(
      ["check", "--instance", instance, "--username", "admin", "--json", "--timeout", "3"],
      environment: env, launcher: launcher)
  }

  private func s_server(_ pair: (cert: String, key: String)) throws -> CheckLocalServer {
    try CheckLocalServer([
      "openssl", "s_server", "-quiet", "-www", "-accept", "{port}", "-cert", pair.cert, "-key", pair.key,
    ])
  }

  func testAnAddressThatIsNotAURLIsURLInvalidWithExitTwo() async throws {
    let run = try check("http://instance.example.com")
    XCTAssertEqual(try run.code(), "url.invalid", run.stdout)
    XCTAssertEqual(run.status, 2)
    XCTAssertEqual(try run.check("dns")?["status"] as? String, "skip")
  }

  func testANameThatDoesNotResolveIsDNSNotFound() async throws {
    let run = try check("https://no-such-instance.invalid")
    XCTAssertEqual(try run.code(), "dns.not_found", run.stdout)
    XCTAssertEqual(run.status, 4)
  }

  func testAClosedPortIsTCPRefused() async throws {
    let port = try CheckLocalServer.freePort()
    let run = try check("http://127.0.0.1:\(port)")
    XCTAssertEqual(try run.code(), "tcp.refused", run.stdout)
    XCTAssertEqual(run.status, 4)
  }

  func testAProxyThatIsDownIsProxyFailed() async throws {
    let port = try CheckLocalServer.freePort()
    // The instance is never contacted: the proxy check fails before any request is sent.
    let run = try check(
      "https://instance.example.com", environment: ["HTTPS_PROXY": "http://127.0.0.1:\(port)"])
    XCTAssertEqual(try run.code(), "proxy.failed", run.stdout)
    XCTAssertEqual(run.status, 4)
  }

  func testAWebServerThatIsNotServiceNowIsNotServiceNow() async throws {
    let server = try CheckLocalServer(["python3", "-m", "http.server", "--bind", "127.0.0.1", "{port}"])
    defer { server.stop() }
    let run = try check("http://127.0.0.1:\(server.port)")
    XCTAssertEqual(try run.code(), "instance.not_servicenow", run.stdout)
    XCTAssertEqual(run.status, 4)
  }

  /// The process ends cleanly after a TLS failure, every time: exiting through `exit` while a
  /// libcurl thread was still ending raced OpenSSL's exit-time clean-up, and about half of
  /// these runs died of SIGSEGV after printing the right report (CommandLineTool.finish).
  func testATLSFailureNeverCrashesTheProcessOnTheWayOut() async throws {
    let server = try CheckLocalServer(["python3", "-m", "http.server", "--bind", "127.0.0.1", "{port}"])
    defer { server.stop() }
    var statuses: [Int32] = []
    for _ in 0..<16 {
      statuses.append(try check("https://127.0.0.1:\(server.port)").status)
    }
    XCTAssertEqual(statuses, Array(repeating: 4, count: 16), "an exit status other than 4 is a crash on exit")
  }

  func testPlainHTTPOnAnHTTPSAddressIsTLSFailed() async throws {
    let server = try CheckLocalServer(["python3", "-m", "http.server", "--bind", "127.0.0.1", "{port}"])
    defer { server.stop() }
    let run = try check("https://127.0.0.1:\(server.port)")
    XCTAssertEqual(try run.code(), "tls.failed", run.stdout)
    XCTAssertEqual(run.status, 4)
  }

  func testASelfSignedCertificateIsTLSUntrusted() async throws {
    guard let certificates = Self.certificates else {
      throw XCTSkip("openssl could not make test certificates")
    }
    let server = try s_server(certificates.selfSigned)
    defer { server.stop() }
    let run = try check("https://localhost:\(server.port)")
    XCTAssertEqual(try run.code(), "tls.untrusted", run.stdout)
    XCTAssertEqual(run.status, 4)
    XCTAssertEqual(try run.check("instance")?["status"] as? String, "skip")
  }

  func testACertificateForAnotherHostIsHostnameMismatch() async throws {
    guard let certificates = Self.certificates else {
      throw XCTSkip("openssl could not make test certificates")
    }
    // The system CA store is the only trust snowgate has, so the test CA is put in its place
    // inside a user and mount namespace that only this run sees.
    let bundle = "/etc/ssl/certs/ca-certificates.crt"
    let launcher = [
      "unshare", "-rm", "sh", "-c", "mount --bind \"$0\" \(bundle) && exec \"$@\"", certificates.caFile,
    ]
    let probe = Process()
    probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    probe.arguments = Array(launcher) + ["true"]
    probe.standardError = FileHandle.nullDevice
    try probe.run()
    probe.waitUntilExit()
    guard probe.terminationStatus == 0, FileManager.default.fileExists(atPath: bundle) else {
      throw XCTSkip("user and mount namespaces are not available here")
    }
    let server = try s_server(certificates.otherHost)
    defer { server.stop() }
    let run = try check("https://localhost:\(server.port)", launcher: launcher)
    XCTAssertEqual(try run.code(), "tls.hostname_mismatch", run.stdout + run.stderr)
    XCTAssertEqual(run.status, 4)
  }
}
