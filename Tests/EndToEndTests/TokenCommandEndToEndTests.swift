import Foundation
import XCTest

/// `snowgate token` and `snowgate logout` as scripts run them: the real binary, a real
/// simulator process, profiles on disk, the redacted request log in `SNOWGATE_LOG`.
final class TokenCommandEndToEndTests: XCTestCase {
  private static let clientSecret = "S3CR3T-client-SENTINEL"
  private static let password = "S3CR3T-pw-SENTINEL"

  private var folder: URL!

  override func setUp() async throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "snowgate-e2e-token-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  override func tearDown() async throws {
    try? FileManager.default.removeItem(at: folder)
  }

  private var configDirectory: URL { folder.appendingPathComponent("config") }
  private var logPath: String { folder.appendingPathComponent("requests.log").path }

  private var environment: [String: String] {
    [
      "SNOWGATE_CONFIG_DIR": configDirectory.path, "SNOWGATE_LOG": logPath, "SNOWGATE_PASSWORD": "",
      "SNOWGATE_CLIENT_SECRET": "", "SNOWGATE_REFRESH_TOKEN": "",
    ]
  }

  /// Writes config.json and credentials.json as the profile store does (format version 1).
  private func writeProfile(
    _ name: String, instance: URL, authType: String, clientID: String = "snowgate-demo",
    credentials: [String: String]
  ) throws {
    try FileManager.default.createDirectory(
      at: configDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    let config: [String: Any] = [
      "version": 1, "defaultProfile": name, "drafts": [] as [Any],
      "profiles": [
        [
          "name": name, "instanceURL": instance.absoluteString, "authType": authType, "clientID": clientID,
          "username": "admin", "secretStore": ["kind": "file"], "createdAt": "2026-01-01T00:00:00Z",
          "updatedAt": "2026-01-01T00:00:00Z",
        ]
      ],
    ]
    let credentialsFile: [String: Any] = ["version": 1, "profiles": [name: credentials]]
    for (file, object) in [("config.json", config), ("credentials.json", credentialsFile)] {
      let path = configDirectory.appendingPathComponent(file).path
      let data = try JSONSerialization.data(withJSONObject: object)
      FileManager.default.createFile(atPath: path, contents: data, attributes: [.posixPermissions: 0o600])
    }
  }

  private func storedCredentials(_ name: String) throws -> [String: Any] {
    let data = try Data(contentsOf: configDirectory.appendingPathComponent("credentials.json"))
    let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    return (object?["profiles"] as? [String: Any])?[name] as? [String: Any] ?? [:]
  }

  /// The Table API's status for a Bearer token, asked with curl (the header goes through stdin,
  /// not argv). Not URLSession: its shared session mishandles a 401 challenge on Linux.
  private func tableStatus(_ instance: URL, token: String) throws -> Int {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "--max-time", "10", "-H", "@-",
      instance.appendingPathComponent("api/now/table/sys_user").absoluteString,
    ]
    let input = Pipe()
    let out = Pipe()
    process.standardInput = input
    process.standardOutput = out
    try process.run()
    input.fileHandleForWriting.write(Data("Authorization: Bearer \(token)\n".utf8))
    try input.fileHandleForWriting.close()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Int(String(decoding: data, as: UTF8.self)) ?? 0
  }

  private func scenarioFile(accessTokenLifespan: Int) throws -> String {
    let path = folder.appendingPathComponent("short.json").path
    let json = """
      {"users": [{"userName": "admin", "password": "\(Self.password)"}],
       "oauthClients": [{"id": "snowgate-demo", "secret": "\(Self.clientSecret)",
                         "accessTokenLifespan": \(accessTokenLifespan), "applicationUser": "admin"}]}
      """
    try json.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  private func assertNoSecrets(_ texts: String..., file: StaticString = #filePath, line: UInt = #line) {
    for text in texts {
      XCTAssertFalse(text.contains("S3CR3T"), "a sentinel secret leaked", file: file, line: line)
    }
  }

  func testAnExpiredTokenIsRefreshedAndTheNewOneSaved() async throws {
    let simulator = try SimulatorProcess(scenario: try scenarioFile(accessTokenLifespan: 2))
    defer { simulator.stop() }
    try writeProfile(
      "prod", instance: simulator.url, authType: "oauthPassword",
      credentials: ["clientSecret": Self.clientSecret, "password": Self.password])

    let first = try Binary.run(["token", "prod"], environment: environment)
    XCTAssertEqual(first.status, 0, first.stderr)
    XCTAssertEqual(first.stderr, "")
    let firstToken = first.stdout.trimmingCharacters(in: .newlines)
    XCTAssertEqual(first.stdout, firstToken + "\n", "stdout must be exactly one line")
    XCTAssertFalse(firstToken.isEmpty)
    try await Task.sleep(for: .milliseconds(2100))  // the 2 s lifespan runs out
    let status1 = try tableStatus(simulator.url, token: firstToken)
    XCTAssertEqual(status1, 401)

    let second = try Binary.run(["token"], environment: environment)  // the default profile
    XCTAssertEqual(second.status, 0, second.stderr)
    let secondToken = second.stdout.trimmingCharacters(in: .newlines)
    XCTAssertNotEqual(secondToken, firstToken)
    XCTAssertEqual(try storedCredentials("prod")["accessToken"] as? String, secondToken)
    let status2 = try tableStatus(simulator.url, token: secondToken)
    XCTAssertEqual(status2, 200)
    let log = try String(contentsOfFile: logPath, encoding: .utf8)
    XCTAssertTrue(log.contains("grant_type=refresh_token"), log)
    assertNoSecrets(first.stderr, second.stderr, log)
    XCTAssertFalse(log.contains(secondToken))
  }

  func testTheRefreshExpiredScenarioFailsOnceWithTheRemedy() async throws {
    let simulator = try SimulatorProcess(scenario: "refresh-expired")
    defer { simulator.stop() }
    try writeProfile(
      "agent", instance: simulator.url, authType: "oauthRefreshToken",
      credentials: ["clientSecret": "demo-secret", "refreshToken": "S3CR3T-refresh-SENTINEL"])
    let out = try Binary.run(["token", "agent"], environment: environment)
    XCTAssertEqual(out.status, 3)
    XCTAssertEqual(out.stdout, "")
    XCTAssertTrue(out.stderr.contains("The refresh token was refused: it has expired"), out.stderr)
    XCTAssertTrue(out.stderr.contains("snowgate setup agent"), out.stderr)
    // The words check gives for the same verdict, so a ticket holds one sentence.
    let check = try Binary.run(["check", "agent", "--json"], environment: environment)
    let report = try XCTUnwrap(
      try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any], check.stdout)
    let diagnosis = try XCTUnwrap(report["diagnosis"] as? [String: Any])
    XCTAssertEqual(diagnosis["code"] as? String, "oauth.refresh_expired")
    let summary = try XCTUnwrap(diagnosis["summary"] as? String)
    XCTAssertTrue(out.stderr.contains(summary), "token: \(out.stderr)\ncheck: \(summary)")
    XCTAssertEqual(check.status, out.status)
    let log = try String(contentsOfFile: logPath, encoding: .utf8)
    XCTAssertEqual(
      log.components(separatedBy: "/oauth_token.do").count - 1, 2, "one refresh by token, one by check")
    assertNoSecrets(out.stderr, log)
  }

  func testLogoutRevokesAndForgetsAndTheTokenIsThenRefused() async throws {
    let simulator = try SimulatorProcess()
    defer { simulator.stop() }
    try writeProfile(
      "prod", instance: simulator.url, authType: "oauthPassword",
      credentials: ["clientSecret": "demo-secret", "password": "admin"])
    let token = try Binary.run(["token", "prod"], environment: environment).stdout
      .trimmingCharacters(in: .newlines)
    let status3 = try tableStatus(simulator.url, token: token)
    XCTAssertEqual(status3, 200)

    let out = try Binary.run(["logout", "prod"], environment: environment)
    XCTAssertEqual(out.status, 0, out.stderr)
    XCTAssertEqual(out.stdout, "")
    XCTAssertTrue(out.stderr.contains("revoked"), out.stderr)
    let status4 = try tableStatus(simulator.url, token: token)
    XCTAssertEqual(status4, 401)
    let stored = try storedCredentials("prod")
    XCTAssertNil(stored["accessToken"])
    XCTAssertNil(stored["refreshToken"])
    XCTAssertNil(stored["password"], "signing out forgets the secrets that could mint new tokens")
    XCTAssertFalse(out.stderr.contains(token))
  }

  func testLogoutWithTheInstanceDownStillForgetsAndWarns() async throws {
    let simulator = try SimulatorProcess()
    try writeProfile(
      "prod", instance: simulator.url, authType: "oauthClientCredentials",
      credentials: ["clientSecret": Self.clientSecret, "accessToken": "S3CR3T-access-SENTINEL"])
    simulator.stop()
    let out = try Binary.run(["logout", "prod"], environment: environment)
    XCTAssertEqual(out.status, 0, out.stderr)
    XCTAssertTrue(out.stderr.contains("did not revoke"), out.stderr)
    XCTAssertNil(try storedCredentials("prod")["accessToken"])
    assertNoSecrets(out.stdout, out.stderr)
  }

  func testABasicProfileHasNoTokenAndExitsTwo() async throws {
    try writeProfile(
      "basic", instance: URL(string: "http://127.0.0.1:9")!, authType: "basic",
      credentials: ["password": Self.password])
    let out = try Binary.run(["token", "basic"], environment: environment)
    XCTAssertEqual(out.status, 2)
    XCTAssertEqual(out.stdout, "")
    XCTAssertTrue(out.stderr.contains("Basic"), out.stderr)
    assertNoSecrets(out.stderr)
  }

  func testHelpOfTokenAndLogout() async throws {
    for command in ["token", "logout"] {
      let out = try Binary.run([command, "--help"], environment: environment)
      XCTAssertEqual(out.status, 0)
      XCTAssertTrue(out.stdout.contains("Usage: snowgate \(command)"), out.stdout)
    }
  }
}
