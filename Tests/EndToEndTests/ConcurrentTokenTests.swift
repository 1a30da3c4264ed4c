import Foundation
import XCTest

/// 20 scripts asking `snowgate token NAME` at once, on a profile whose token has expired: the
/// profile's token lock lets one of them refresh, and the others read what it saved.
final class ConcurrentTokenTests: XCTestCase {
  private static let clientSecret = "S3CR3T-client-SENTINEL-c0c0"
  private static let password = "S3CR3T-pw-SENTINEL-c0c0"
  private static let callers = 20

  private var folder: URL!

  override func setUp() async throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "snowgate-e2e-concurrent-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  override func tearDown() async throws {
    try? FileManager.default.removeItem(at: folder)
  }

  private var configDirectory: URL { folder.appendingPathComponent("config") }
  private var requestLog: String { folder.appendingPathComponent("simulator-requests.log").path }

  private var environment: [String: String] {
    [
      "SNOWGATE_CONFIG_DIR": configDirectory.path, "SNOWGATE_LOG": "", "SNOWGATE_PASSWORD": "",
      "SNOWGATE_CLIENT_SECRET": "", "SNOWGATE_REFRESH_TOKEN": "",
    ]
  }

  /// A simulator whose tokens live 66 seconds, with the given scenarios, logging every request.
  ///
  /// snowgate renews a token with 60 seconds or less left, so 6 seconds after it was issued a
  /// token counts as expired, while a new one stays good for 5 seconds of callers that follow.
  private func simulator(scenarios: [String]) throws -> SimulatorProcess {
    let path = folder.appendingPathComponent("scenario.json").path
    let names = scenarios.map { "\"\($0)\"" }.joined(separator: ", ")
    let json = """
      {"users": [{"userName": "admin", "password": "\(Self.password)"}],
       "oauthClients": [{"id": "snowgate-demo", "secret": "\(Self.clientSecret)",
                         "accessTokenLifespan": 66}],
       "scenarios": [\(names)]}
      """
    try json.write(toFile: path, atomically: true, encoding: .utf8)
    return try SimulatorProcess(scenario: path, extraArguments: ["--request-log", requestLog])
  }

  private func writeProfile(_ name: String, instance: URL) throws {
    try FileManager.default.createDirectory(
      at: configDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    let config: [String: Any] = [
      "version": 1, "defaultProfile": name, "drafts": [] as [Any],
      "profiles": [
        [
          "name": name, "instanceURL": instance.absoluteString, "authType": "oauthPassword",
          "clientID": "snowgate-demo", "username": "admin", "secretStore": ["kind": "file"],
          "createdAt": "2026-01-01T00:00:00Z", "updatedAt": "2026-01-01T00:00:00Z",
        ]
      ],
    ]
    let credentials: [String: Any] = [
      "version": 1,
      "profiles": [name: ["clientSecret": Self.clientSecret, "password": Self.password]],
    ]
    for (file, object) in [("config.json", config), ("credentials.json", credentials)] {
      let data = try JSONSerialization.data(withJSONObject: object)
      FileManager.default.createFile(
        atPath: configDirectory.appendingPathComponent(file).path, contents: data,
        attributes: [.posixPermissions: 0o600])
    }
  }

  /// The simulator's request-log lines for `grant_type`.
  private func grants(_ grantType: String) throws -> [String] {
    let log = (try? String(contentsOfFile: requestLog, encoding: .utf8)) ?? ""
    return log.split(separator: "\n").map(String.init).filter { $0.contains("grant_type=\(grantType) ") }
  }

  /// Runs `snowgate token prod` `callers` times at once; returns every output.
  private func concurrentTokens() -> [Binary.Output] {
    let results = Locked<[Binary.Output]>([])
    let environment = self.environment
    DispatchQueue.concurrentPerform(iterations: Self.callers) { _ in
      let output =
        (try? Binary.run(["token", "prod"], environment: environment))
        ?? Binary.Output(status: -1, stdout: "", stderr: "could not start snowgate")
      results.append(output)
    }
    return results.value
  }

  /// Gets a first token (a password grant), then waits until snowgate must renew it.
  private func expiredProfile(scenarios: [String]) async throws -> SimulatorProcess {
    let simulator = try simulator(scenarios: scenarios)
    try writeProfile("prod", instance: simulator.url)
    let first = try Binary.run(["token", "prod"], environment: environment)
    XCTAssertEqual(first.status, 0, first.stderr)
    XCTAssertEqual(try grants("password").count, 1)
    try await Task.sleep(for: .milliseconds(6100))  // 60 s or less left: to be renewed
    return simulator
  }

  func testTwentyCallersOnAnExpiredTokenMakeExactlyOneRefresh() async throws {
    let simulator = try await expiredProfile(scenarios: [])
    defer { simulator.stop() }
    let outputs = concurrentTokens()
    XCTAssertEqual(outputs.filter { $0.status == 0 }.count, Self.callers, outputs.map(\.stderr).joined())
    let refreshes = try grants("refresh_token")
    XCTAssertEqual(refreshes.count, 1, refreshes.joined(separator: "\n"))
    XCTAssertEqual(try grants("password").count, 1, "no caller fell back to the password grant")
    let tokens = Set(outputs.map { $0.stdout.trimmingCharacters(in: .newlines) })
    XCTAssertEqual(tokens.count, 1, "every caller prints the one refreshed token")
    for output in outputs { XCTAssertFalse((output.stdout + output.stderr).contains("S3CR3T")) }
  }

  func testWithRotatingRefreshTokensAllTwentySucceed() async throws {
    let simulator = try await expiredProfile(scenarios: ["rotating-refresh"])
    defer { simulator.stop() }
    let outputs = concurrentTokens()
    XCTAssertEqual(
      outputs.filter { $0.status == 0 }.count, Self.callers,
      outputs.filter { $0.status != 0 }.map(\.stderr).joined(separator: "\n"))
    let refreshes = try grants("refresh_token")
    XCTAssertEqual(refreshes.count, 1, refreshes.joined(separator: "\n"))
    XCTAssertTrue(refreshes.allSatisfy { $0.hasSuffix(" 200") }, refreshes.joined(separator: "\n"))

    // The rotated refresh token was saved: once this token is due, the next refresh works.
    try await Task.sleep(for: .milliseconds(6100))
    let later = try Binary.run(["token", "prod"], environment: environment)
    XCTAssertEqual(later.status, 0, later.stderr)
    XCTAssertEqual(try grants("refresh_token").filter { $0.hasSuffix(" 200") }.count, 2)
  }
}
