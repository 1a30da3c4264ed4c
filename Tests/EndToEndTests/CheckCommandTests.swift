import Foundation
import XCTest

/// The command's promises beyond the verdicts: help, usage errors, profiles, `--all`, the JSON
/// shape, the support bundle, and secrets that never show.
final class CheckCommandTests: XCTestCase {
  nonisolated(unsafe) static var simulator: SimulatorProcess?
  nonisolated(unsafe) static var sentinelSimulator: SimulatorProcess?
  nonisolated(unsafe) static var scenarioDirectory: URL?

  static let sentinelPassword = "S3CR3T-check-password-7f3a"
  static let sentinelClientSecret = "SENTINEL-check-client-secret-91c2"

  override class func setUp() {
    super.setUp()
    simulator = try? SimulatorProcess()
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "snowgate-check-scenario-\(UUID().uuidString.prefix(8))", isDirectory: true)
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let file = directory.appendingPathComponent("sentinel.json")
    let scenario: [String: Any] = [
      "users": [["userName": "admin", "password": sentinelPassword]],
      "oauthClients": [["id": "snowgate-demo", "secret": sentinelClientSecret, "applicationUser": "admin"]],
    ]
    try? JSONSerialization.data(withJSONObject: scenario).write(to: file)
    scenarioDirectory = directory
    sentinelSimulator = try? SimulatorProcess(scenario: file.path)
  }

  override class func tearDown() {
    simulator?.stop()
    sentinelSimulator?.stop()
    scenarioDirectory.map { try? FileManager.default.removeItem(at: $0) }
    super.tearDown()
  }

  private var instance: String {
    get throws { try XCTUnwrap(Self.simulator, "the simulator did not start").url.absoluteString }
  }

  private func temporaryFile(_ name: String) -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent(
      "snowgate-check-\(UUID().uuidString.prefix(8))-\(name)")
  }

  // MARK: help and usage

  func testHelpDocumentsEveryOptionTheJSONShapeAndTheExitCodes() async throws {
    let run = try CheckRun.run(["check", "--help"])
    XCTAssertEqual(run.status, 0)
    for word in [
      "--all", "--json", "--verbose", "--timeout", "--bundle", "--refresh", "--instance", "--auth",
      "--username", "--client-id", "--password-stdin", "SNOWGATE_PASSWORD", "SNOWGATE_CLIENT_SECRET",
      "SNOWGATE_REFRESH_TOKEN", "NO_COLOR", "\"elapsed_ms\"", "api.rate_limited", "oauth.bad_response",
    ] {
      XCTAssertTrue(run.stdout.contains(word), "check --help does not mention \(word)")
    }
  }

  func testWithoutAProfileOrAnInstanceItSaysHowToSetOneUpAndExitsTwo() async throws {
    let run = try CheckRun.run(["check"])
    XCTAssertEqual(run.status, 2)
    XCTAssertTrue(run.stderr.contains("snowgate setup"), run.stderr)
    XCTAssertEqual(run.stdout, "")
  }

  func testAPasswordOnTheCommandLineIsRefusedWithoutEchoingIt() async throws {
    let run = try CheckRun.run(["check", "--instance", try instance, "--password", "S3CR3T-argv"])
    XCTAssertEqual(run.status, 2)
    XCTAssertFalse(run.stderr.contains("S3CR3T-argv"))
    XCTAssertTrue(run.stderr.contains("SNOWGATE_PASSWORD"), run.stderr)
  }

  func testAMissingPasswordSaysWhereToPutItAndExitsTwo() async throws {
    let run = try CheckRun.run(["check", "--instance", try instance, "--username", "admin"])
    XCTAssertEqual(run.status, 2)
    XCTAssertTrue(run.stderr.contains("SNOWGATE_PASSWORD"), run.stderr)
    XCTAssertTrue(run.stderr.contains("--password-stdin"), run.stderr)
  }

  func testConflictingOptionsAreUsageErrors() async throws {
    for arguments in [
      ["check", "prod", "--all"], ["check", "--timeout", "soon"], ["check", "--auth", "kerberos"],
      ["check", "--username", "admin"], ["check", "--all", "--bundle", "x.txt"],
    ] {
      let run = try CheckRun.run(arguments)
      XCTAssertEqual(run.status, 2, "\(arguments) → \(run.stderr)")
      XCTAssertFalse(run.stderr.isEmpty)
    }
  }

  // MARK: output

  func testJSONHasEveryDocumentedKeyForEveryCheck() async throws {
    let run = try CheckRun.run(
      ["check", "--instance", try instance, "--username", "admin", "--json"],
      environment: ["SNOWGATE_PASSWORD": "admin"])
    XCTAssertEqual(run.status, 0, run.stderr)
    let object = try run.json()
    XCTAssertEqual(
      Set(object.keys),
      ["schema_version", "profile", "instance", "auth", "ok", "diagnosis", "checks", "elapsed_ms"])
    XCTAssertTrue(object["profile"] is NSNull)
    XCTAssertEqual(object["auth"] as? String, "basic")
    let diagnosis = try XCTUnwrap(object["diagnosis"] as? [String: Any])
    XCTAssertEqual(Set(diagnosis.keys), ["code", "summary", "remedies"])
    let checks = try XCTUnwrap(object["checks"] as? [[String: Any]])
    XCTAssertEqual(
      checks.map { $0["id"] as? String },
      ["url", "proxy", "dns", "tcp", "tls", "instance", "auth", "api", "api_meta", "token"])
    for check in checks {
      XCTAssertEqual(
        Set(check.keys),
        ["id", "status", "title", "detail", "remedy", "elapsed_ms", "timings", "presented_chain"])
      XCTAssertTrue(check["presented_chain"] is NSNull, "a healthy check saw no failed handshake: \(check)")
    }
    // The checks that sent a request carry its timings from libcurl; the local ones do not.
    for check in checks {
      let id = check["id"] as? String ?? ""
      if ["instance", "auth", "api", "api_meta"].contains(id) {
        let timings = try XCTUnwrap(check["timings"] as? [String: Int], "\(id): \(check)")
        let total = try XCTUnwrap(timings["total_ms"])
        XCTAssertGreaterThanOrEqual(total, timings["connect_ms"] ?? 0, id)
        XCTAssertNotNil(timings["first_byte_ms"], id)
        XCTAssertNil(timings["tls_ms"], "plain http has no TLS phase")
      } else {
        XCTAssertTrue(check["timings"] is NSNull, "\(id) sent no request: \(check)")
      }
    }
  }

  func testHumanOutputHasALinePerCheckAndNoColourWhenPiped() async throws {
    let run = try CheckRun.run(
      ["check", "--instance", try instance, "--username", "admin"],
      environment: ["SNOWGATE_PASSWORD": "admin"])
    XCTAssertEqual(run.status, 0)
    XCTAssertFalse(run.stdout.contains("\u{1B}["), "colour on a pipe")
    for title in ["URL", "DNS", "TCP", "TLS", "Instance", "Auth", "API", "API metadata", "Token"] {
      XCTAssertTrue(run.stdout.contains(" \(title) "), "no line for \(title)")
    }
    XCTAssertTrue(run.stdout.contains("✓ ok: "), run.stdout)
  }

  func testAFailureShowsItsRemedyAndTheLayersAboveAreSkipped() async throws {
    let run = try CheckRun.run(
      ["check", "--instance", try instance, "--username", "admin"],
      environment: ["SNOWGATE_PASSWORD": "S3CR3T-wrong"])
    XCTAssertEqual(run.status, 3)
    XCTAssertTrue(run.stdout.contains("✗ Auth"), run.stdout)
    XCTAssertTrue(run.stdout.contains("→ "), "no remedy under the failure")
    XCTAssertTrue(run.stdout.contains("– API            skipped: Auth failed"), run.stdout)
    XCTAssertTrue(run.stdout.contains("auth.basic_rejected"), run.stdout)
  }

  func testThePasswordCanComeFromStdin() async throws {
    let run = try CheckRun.run(
      ["check", "--instance", try instance, "--username", "admin", "--password-stdin", "--json"],
      stdin: "admin\n")
    XCTAssertEqual(try run.code(), "ok", run.stdout + run.stderr)
  }

  // MARK: profiles

  func testTheDefaultProfileIsCheckedAndAShadowedPasswordIsSaid() async throws {
    let profiles = try CheckProfiles.make(
      [CheckProfiles.Entry(name: "dev", instance: try instance, secretStore: "file")], defaultProfile: "dev",
      stored: ["dev": ["password": "S3CR3T-stored-password"]])
    defer { profiles.remove() }
    let run = try CheckRun.run(
      ["check"], environment: ["SNOWGATE_PASSWORD": "admin"], configDirectory: profiles.directory)
    XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
    XCTAssertTrue(run.stdout.contains("Checking dev ("), run.stdout)
    XCTAssertTrue(run.stdout.contains("SNOWGATE_PASSWORD is set"), run.stdout)
    XCTAssertFalse(run.stdout.contains("S3CR3T"))
  }

  func testAnOAuthProfileKeepsTheTokensTheCheckObtained() async throws {
    let profiles = try CheckProfiles.make(
      [
        CheckProfiles.Entry(
          name: "api", instance: try instance, secretStore: "file", authType: "oauthPassword",
          clientID: "snowgate-demo")
      ], defaultProfile: "api", stored: ["api": ["password": "admin", "clientSecret": "demo-secret"]])
    defer { profiles.remove() }
    let run = try CheckRun.run(["check", "api", "--json"], configDirectory: profiles.directory)
    XCTAssertEqual(try run.code(), "ok", run.stdout + run.stderr)
    XCTAssertEqual(try run.json()["auth"] as? String, "password")
    let data = try Data(contentsOf: profiles.directory.appendingPathComponent("credentials.json"))
    let saved = try XCTUnwrap(
      (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["profiles"] as? [String: Any])
    let entry = try XCTUnwrap(saved["api"] as? [String: Any])
    XCTAssertNotNil(entry["accessToken"] as? String, "the new access token was not saved")
    XCTAssertEqual(entry["password"] as? String, "admin", "the saved password must stay")
  }

  func testAnUnknownProfileNameExitsTwoAndSaysHowToList() async throws {
    let profiles = try CheckProfiles.make(
      [CheckProfiles.Entry(name: "dev", instance: try instance)], defaultProfile: "dev")
    defer { profiles.remove() }
    let run = try CheckRun.run(["check", "prod"], configDirectory: profiles.directory)
    XCTAssertEqual(run.status, 2)
    XCTAssertTrue(run.stderr.contains("prod"), run.stderr)
  }

  func testAllChecksEveryProfileTogetherAndReportsEachInOrder() async throws {
    let closed = try CheckLocalServer.freePort()
    let profiles = try CheckProfiles.make(
      [
        CheckProfiles.Entry(name: "down", instance: "http://127.0.0.1:\(closed)"),
        CheckProfiles.Entry(name: "good", instance: try instance),
      ], defaultProfile: nil)
    defer { profiles.remove() }
    let run = try CheckRun.run(
      ["check", "--all", "--json"], environment: ["SNOWGATE_PASSWORD": "admin"],
      configDirectory: profiles.directory)
    let reports = try XCTUnwrap(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]], run.stdout)
    // The reports come in the order of the saved profiles, whichever finishes first.
    XCTAssertEqual(reports.map { $0["profile"] as? String }, ["down", "good"])
    XCTAssertEqual(reports.map { $0["ok"] as? Bool }, [false, true])
    XCTAssertEqual((reports[0]["diagnosis"] as? [String: Any])?["code"] as? String, "tcp.refused")
    XCTAssertEqual(run.status, 4, "the first failing connection's exit status")
  }

  // MARK: bundle and secrets

  func testTheBundleIsPrivateAndHoldsTheVerdictAndCurlCommands() async throws {
    let bundle = temporaryFile("bundle.txt")
    defer { try? FileManager.default.removeItem(at: bundle) }
    let run = try CheckRun.run(
      ["check", "--instance", try instance, "--username", "admin", "--bundle", bundle.path],
      environment: ["SNOWGATE_PASSWORD": "admin"])
    XCTAssertEqual(run.status, 0, run.stderr)
    let attributes = try FileManager.default.attributesOfItem(atPath: bundle.path)
    XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
    let text = try String(contentsOf: bundle, encoding: .utf8)
    XCTAssertTrue(text.contains("\"code\": \"ok\""), text)
    XCTAssertTrue(text.contains("curl "), text)
    XCTAssertTrue(text.contains("$SNOWGATE_PASSWORD"), text)
  }

  func testSentinelSecretsNeverAppearInAnyOutputLogOrBundle() async throws {
    let sentinel = try XCTUnwrap(Self.sentinelSimulator, "the sentinel simulator did not start")
    let url = sentinel.url.absoluteString
    let secrets = [
      "SNOWGATE_PASSWORD": Self.sentinelPassword, "SNOWGATE_CLIENT_SECRET": Self.sentinelClientSecret,
    ]
    let runs: [(String, [String])] = [
      ("basic", ["--auth", "basic", "--username", "admin"]),
      (
        "password",
        ["--auth", "password", "--username", "admin", "--client-id", "snowgate-demo", "--refresh"]
      ),
      ("client-credentials", ["--auth", "client-credentials", "--client-id", "snowgate-demo"]),
    ]
    for (kind, auth) in runs {
      for format in [["--verbose"], ["--json", "--verbose"]] {
        let bundle = temporaryFile("sentinel-bundle.txt")
        let log = temporaryFile("sentinel-log.txt")
        defer {
          try? FileManager.default.removeItem(at: bundle)
          try? FileManager.default.removeItem(at: log)
        }
        var environment = secrets
        environment["SNOWGATE_LOG"] = log.path
        let run = try CheckRun.run(
          ["check", "--instance", url, "--bundle", bundle.path] + auth + format, environment: environment)
        XCTAssertEqual(run.status, 0, "\(kind): \(run.stdout)\(run.stderr)")
        let bundleText = (try? String(contentsOf: bundle, encoding: .utf8)) ?? ""
        let logText = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        XCTAssertFalse(bundleText.isEmpty, "\(kind): no bundle")
        XCTAssertTrue(
          run.stdout.contains("oauth_token.do") || run.stderr.contains("oauth_token.do") || kind == "basic")
        for text in [run.stdout, run.stderr, bundleText, logText] {
          XCTAssertFalse(text.contains("S3CR3T"), "\(kind) \(format): a password leaked")
          XCTAssertFalse(text.contains("SENTINEL"), "\(kind) \(format): a client secret leaked")
        }
      }
    }
  }
}
