import Foundation
import TestSupport
import XCTest

/// `snowgate api --json` fails in the one JSON contract: for the same failure as `check` (a
/// refused password, a table ACL, a server that never answers, TLS, an unknown name, an endless
/// answer) it reports the same verdict (code, summary, remedies) with the same exit status, as
/// one line of JSON on stdout whose keys are the golden's (screens/json/api-error.json, which
/// JSONContractTests holds to the README). Real servers on loopback, the real binary.
final class APIErrorContractTests: XCTestCase {
  private static let sentinel = "S3CR3T-api-json-SENTINEL"

  /// The golden's top-level and `diagnosis` keys, which every failure report has.
  private static let goldenKeys: Set<String> = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let data = (try? Data(contentsOf: root.appendingPathComponent("screens/json/api-error.json"))) ?? Data()
    return keys((try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:])
  }()

  private static func keys(_ object: [String: Any]) -> Set<String> {
    var result = Set(object.keys)
    for (key, value) in object {
      if let inner = value as? [String: Any] { result.formUnion(inner.keys.map { key + "." + $0 }) }
    }
    return result
  }

  /// `check --json` and `api --json` on the same connection from the environment alone.
  private func compare(
    _ instance: String, password: String = "admin", expecting code: String, status: Int32,
    file: StaticString = #filePath, line: UInt = #line
  ) throws {
    let environment = [
      "SNOWGATE_INSTANCE": instance, "SNOWGATE_USERNAME": "admin", "SNOWGATE_PASSWORD": password,
      "SNOWGATE_PROFILE": "",
    ]
    let check = try CheckRun.run(["check", "--json", "--timeout", "3"], environment: environment)
    let api = try CheckRun.run(
      ["api", "--json", "--timeout", "3", "table/sys_user?sysparm_limit=1"], environment: environment)
    let verdict = try XCTUnwrap(try check.json(file: file, line: line)["diagnosis"] as? [String: Any])
    XCTAssertEqual(verdict["code"] as? String, code, check.stdout, file: file, line: line)
    XCTAssertEqual(check.status, status, file: file, line: line)
    // The whole of stdout is one line of JSON: the report, nothing of an error body around it.
    XCTAssertEqual(api.stdout.filter { $0 == "\n" }.count, 1, api.stdout, file: file, line: line)
    let report = try XCTUnwrap(try api.json(file: file, line: line))
    XCTAssertEqual(
      Self.keys(report), Self.goldenKeys, "the keys differ from the golden", file: file, line: line)
    XCTAssertEqual(report["schema_version"] as? Int, 1, file: file, line: line)
    XCTAssertEqual(report["ok"] as? Bool, false, file: file, line: line)
    XCTAssertEqual(
      report["instance"] as? String, URL(string: instance)?.absoluteString, file: file, line: line)
    let diagnosis = try XCTUnwrap(report["diagnosis"] as? [String: Any])
    for key in ["code", "summary"] {
      XCTAssertEqual(
        diagnosis[key] as? String, verdict[key] as? String, "\(key) differs from check's", file: file,
        line: line)
    }
    XCTAssertEqual(
      diagnosis["remedies"] as? [String], verdict["remedies"] as? [String], "remedies differ from check's",
      file: file, line: line)
    XCTAssertEqual(api.status, check.status, "exit status differs: \(api.stderr)", file: file, line: line)
    // A person reading stderr still gets the sentence.
    XCTAssertTrue(
      api.stderr.contains(verdict["summary"] as? String ?? "?"), api.stderr, file: file, line: line)
    for output in [check.stdout, check.stderr, api.stdout, api.stderr] {
      XCTAssertFalse(output.contains("S3CR3T"), "a secret leaked: \(output)", file: file, line: line)
    }
  }

  func testTheGoldenHasTheKeysThisTestCompares() {
    XCTAssertTrue(Self.goldenKeys.isSuperset(of: ["schema_version", "diagnosis.code", "status", "url"]))
  }

  func testARefusedPasswordIsCheckVerdict() async throws {
    let simulator = try SimulatorProcess()
    defer { simulator.stop() }
    try compare(
      simulator.url.absoluteString, password: Self.sentinel, expecting: "auth.basic_rejected", status: 3)
  }

  func testAForbiddenTableIsCheckVerdict() async throws {
    let simulator = try SimulatorProcess(scenario: "acl-sys-user")
    defer { simulator.stop() }
    try compare(simulator.url.absoluteString, expecting: "api.forbidden", status: 3)
  }

  func testAServerThatNeverAnswersIsCheckVerdict() async throws {
    let silent = try SilentListener()
    try compare("http://127.0.0.1:\(silent.port)", expecting: "http.timeout", status: 4)
  }

  func testPlainHTTPOnAnHTTPSAddressIsCheckVerdict() async throws {
    let server = try CheckLocalServer(["python3", "-m", "http.server", "--bind", "127.0.0.1", "{port}"])
    defer { server.stop() }
    try compare("https://127.0.0.1:\(server.port)", expecting: "tls.failed", status: 4)
  }

  func testASelfSignedCertificateIsCheckVerdict() async throws {
    guard let certificates = try? TestCertificates.make() else {
      throw XCTSkip("openssl could not make test certificates")
    }
    defer { certificates.remove() }
    let pair = certificates.selfSigned
    let server = try CheckLocalServer([
      "openssl", "s_server", "-quiet", "-www", "-accept", "{port}", "-cert", pair.cert, "-key", pair.key,
    ])
    defer { server.stop() }
    try compare("https://localhost:\(server.port)", expecting: "tls.untrusted", status: 4)
  }

  func testAClosedPortIsCheckVerdict() async throws {
    let port = try CheckLocalServer.freePort()
    try compare("http://127.0.0.1:\(port)", expecting: "tcp.refused", status: 4)
  }

  func testANameThatDoesNotResolveIsCheckVerdict() async throws {
    try compare("https://no-such-instance.invalid", expecting: "dns.not_found", status: 4)
  }

  func testAnEndlessAnswerIsCheckVerdict() async throws {
    let server = try CheckLocalServer(["python3", "-c", CheckBoundedAnswerTests.server, "{port}", "chunked"])
    defer { server.stop() }
    try compare("http://127.0.0.1:\(server.port)", expecting: "http.too_large", status: 5)
  }

  /// A saved profile: check's remedies name it (`snowgate setup prod`), and so do api's.
  func testASavedProfilesExpiredRefreshTokenIsCheckVerdictNamingTheProfile() async throws {
    let simulator = try SimulatorProcess(scenario: "refresh-expired")
    defer { simulator.stop() }
    let profiles = try CheckProfiles.make(
      [
        .init(
          name: "prod", instance: simulator.url.absoluteString, secretStore: "file",
          authType: "oauthRefreshToken", clientID: "snowgate-demo")
      ],
      defaultProfile: "prod",
      stored: ["prod": ["clientSecret": "demo-secret", "refreshToken": "an-expired-refresh-token"]])
    defer { profiles.remove() }
    let check = try CheckRun.run(["check", "prod", "--json"], configDirectory: profiles.directory)
    let api = try CheckRun.run(
      ["api", "-p", "prod", "--json", "table/sys_user?sysparm_limit=1"], configDirectory: profiles.directory)
    XCTAssertEqual(try check.code(), "oauth.refresh_expired", check.stdout)
    let verdict = try XCTUnwrap(try check.json()["diagnosis"] as? [String: Any])
    let report = try api.json()
    let diagnosis = try XCTUnwrap(report["diagnosis"] as? [String: Any])
    XCTAssertEqual(diagnosis["code"] as? String, verdict["code"] as? String, api.stdout)
    XCTAssertEqual(diagnosis["summary"] as? String, verdict["summary"] as? String)
    XCTAssertEqual(diagnosis["remedies"] as? [String], verdict["remedies"] as? [String])
    XCTAssertTrue(api.stdout.contains("snowgate setup prod"), api.stdout)
    XCTAssertEqual(report["profile"] as? String, "prod")
    XCTAssertEqual(report["auth"] as? String, "refresh-token")
    XCTAssertEqual(api.status, check.status)
    XCTAssertEqual(api.status, 3)
  }

  func testAMissingRecordIsHTTPErrorWithTheInstanceMessageAndExitOne() async throws {
    let simulator = try SimulatorProcess()
    defer { simulator.stop() }
    let environment = [
      "SNOWGATE_INSTANCE": simulator.url.absoluteString, "SNOWGATE_USERNAME": "admin",
      "SNOWGATE_PASSWORD": "admin",
    ]
    let path = "table/incident/0123456789abcdef0123456789abcdef"
    let json = try CheckRun.run(["api", "--json", path], environment: environment)
    XCTAssertEqual(json.status, 1, json.stderr)
    let report = try json.json()
    XCTAssertEqual(Self.keys(report), Self.goldenKeys)
    XCTAssertEqual(try json.code(), "api.http_error")
    XCTAssertEqual(report["status"] as? Int, 404)
    XCTAssertEqual(
      report["url"] as? String, simulator.url.appendingPathComponent("api/now/" + path).absoluteString)
    // Without --json the instance's error body is on stdout unchanged, as gh writes it.
    let plain = try CheckRun.run(["api", path], environment: environment)
    XCTAssertEqual(plain.status, 1)
    XCTAssertTrue(plain.stdout.contains("\"error\""), plain.stdout)
    XCTAssertTrue(plain.stderr.contains("HTTP 404"), plain.stderr)
  }

  func testAUsageMistakeIsJSONWithExitTwo() async throws {
    for arguments in [
      ["api", "--json"], ["api", "--json", "-i", "table/x"], ["api", "--json", "--bogus", "x"],
    ] {
      let run = try CheckRun.run(arguments, environment: ["SNOWGATE_INSTANCE": ""])
      XCTAssertEqual(run.status, 2, "\(arguments): \(run.stderr)")
      XCTAssertEqual(try run.code(), "usage.invalid", "\(arguments)")
      XCTAssertEqual(Self.keys(try run.json()), Self.goldenKeys, "\(arguments)")
      XCTAssertFalse(run.stderr.isEmpty, "\(arguments): no sentence on stderr")
    }
    let missing = try CheckRun.run(["api", "--json", "-p", "nobody", "table/x"])
    XCTAssertEqual(missing.status, 2, missing.stderr)
    XCTAssertEqual(try missing.code(), "profile.not_found", missing.stdout)
    XCTAssertEqual(try missing.json()["profile"] as? String, "nobody")
  }
}
