import Foundation
import XCTest

/// `check --instance` reads the address with the same parser as the wizard and `setup`: plain
/// http only to this computer, and an `/api/now/vN` in the address used by every request.
final class CheckInstanceAddressTests: XCTestCase {
  static let sentinelPassword = "S3CR3T-address-password-5d1e"

  /// The silent listener as every proxy variable, so any connection snowgate makes lands there.
  private func proxied(_ listener: SilentListener) -> [String: String] {
    let proxy = "http://127.0.0.1:\(listener.port)"
    return [
      "SNOWGATE_PASSWORD": Self.sentinelPassword, "HTTP_PROXY": proxy, "http_proxy": proxy,
      "HTTPS_PROXY": proxy, "https_proxy": proxy, "ALL_PROXY": proxy,
    ]
  }

  func testPlainHTTPToANameThatOnlyLooksLocalIsURLInvalidAndSendsNothing() async throws {
    for instance in ["http://127.attacker.example", "http://foo.localhost", "http://localhost.example.com"] {
      let listener = try SilentListener()
      for format in [[], ["--json"]] {
        let run = try CheckRun.run(
          ["check", "--instance", instance, "--auth", "basic", "--username", "u", "--timeout", "2"] + format,
          environment: proxied(listener))
        XCTAssertEqual(run.status, 2, "\(instance) \(format): \(run.stdout)\(run.stderr)")
        XCTAssertTrue(run.stdout.contains("url.invalid"), "\(instance) \(format): \(run.stdout)")
        XCTAssertFalse((run.stdout + run.stderr).contains("S3CR3T"), "\(instance): the password leaked")
        if format == ["--json"] { XCTAssertEqual(try run.code(), "url.invalid") }
      }
      XCTAssertEqual(listener.connections(), 0, "\(instance): snowgate connected somewhere")
    }
  }

  func testTheListenerSeesAnAllowedAddressSoItsSilenceMeansSomething() async throws {
    let listener = try SilentListener()
    let run = try CheckRun.run(
      [
        "check", "--instance", "https://127.attacker.example", "--auth", "basic", "--username", "u",
        "--timeout", "2",
      ],
      environment: proxied(listener))
    XCTAssertNotEqual(run.status, 0, run.stdout + run.stderr)
    XCTAssertGreaterThan(listener.connections(), 0, "the https run never reached the proxy: \(run.stdout)")
  }

  func testAnAPIVersionInTheAddressIsUsedByEveryTableAPIRequest() async throws {
    let simulator = try SimulatorProcess()
    defer { simulator.stop() }
    let base = simulator.url.absoluteString
    let runs: [(String, [String], [String: String])] = [
      ("basic", ["--auth", "basic", "--username", "admin"], ["SNOWGATE_PASSWORD": "admin"]),
      (
        "password", ["--auth", "password", "--username", "admin", "--client-id", "snowgate-demo"],
        ["SNOWGATE_PASSWORD": "admin", "SNOWGATE_CLIENT_SECRET": "demo-secret"]
      ),
    ]
    for (kind, auth, secrets) in runs {
      let run = try CheckRun.run(
        ["check", "--instance", base + "/api/now/v2", "--verbose"] + auth, environment: secrets)
      XCTAssertEqual(run.status, 0, "\(kind): \(run.stdout)\(run.stderr)")
      let requests = (run.stdout + run.stderr).split(separator: "\n").filter {
        $0.hasPrefix("  > GET ") || $0.hasPrefix("  > POST ") || $0.hasPrefix("  > PUT ")
          || $0.hasPrefix("  > DELETE ")
      }
      let paths = requests.compactMap { line -> String? in
        guard let url = line.split(separator: " ").last.flatMap({ URL(string: String($0)) }) else {
          return nil
        }
        return url.path
      }
      let apiPaths = paths.filter { $0.hasPrefix("/api/") }
      XCTAssertGreaterThanOrEqual(apiPaths.count, 2, "\(kind): too few API requests: \(paths)")
      for path in apiPaths {
        XCTAssertTrue(path.hasPrefix("/api/now/v2/"), "\(kind): \(path) is not under /api/now/v2/")
      }
      XCTAssertFalse(paths.contains { $0.hasPrefix("/api/now/table/") }, "\(kind): \(paths)")
    }
  }
}
