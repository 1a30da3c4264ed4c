import Foundation
import XCTest

/// `snowgate profiles export` and `snowgate setup --from` (issue 14): a connection shared
/// without its secrets, set up again in a fresh config folder by one sign-in.
final class ConnectionTemplateTests: XCTestCase {
  private func folder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "snowgate-template-\(UUID().uuidString.prefix(8))", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  func testAnExportedTemplateHasNoSecretAndSetsUpAWorkingProfileElsewhere() async throws {
    let simulator = try SimulatorProcess()
    defer { simulator.stop() }
    let first = try folder()
    let second = try folder()
    defer {
      try? FileManager.default.removeItem(at: first)
      try? FileManager.default.removeItem(at: second)
    }
    let secrets = ["SNOWGATE_PASSWORD": "admin", "SNOWGATE_CLIENT_SECRET": "demo-secret"]
    let setup = try CheckRun.run(
      [
        "setup", "shared", "--no-input", "--instance", simulator.url.absoluteString, "--auth", "password",
        "--username", "admin", "--client-id", "snowgate-demo", "--scope", "useraccount", "--store", "file",
      ], environment: secrets, configDirectory: first)
    XCTAssertEqual(setup.status, 0, setup.stdout + setup.stderr)
    // The stored tokens are the sentinels: none of them, nor the password or secret, may leave.
    let credentials = try String(
      contentsOf: first.appendingPathComponent("credentials.json"), encoding: .utf8)
    let stored = try XCTUnwrap(
      (try JSONSerialization.jsonObject(with: Data(credentials.utf8)) as? [String: Any])?["profiles"]
        as? [String: [String: Any]])["shared"]
    let sentinels =
      ["demo-secret", "\"admin\""] + ["accessToken", "refreshToken"].compactMap { stored?[$0] as? String }
    XCTAssertEqual(sentinels.count, 4, "the setup stored both tokens")

    let file = first.appendingPathComponent("shared.snowgate.json")
    let export = try CheckRun.run(
      ["profiles", "export", "shared", "--output", file.path], configDirectory: first)
    XCTAssertEqual(export.status, 0, export.stderr)
    let text = try String(contentsOf: file, encoding: .utf8)
    let stdout = try CheckRun.run(["profiles", "export", "shared"], configDirectory: first)
    XCTAssertEqual(stdout.stdout, text, "stdout and --output write the same template")
    for sentinel in sentinels {
      XCTAssertFalse(text.contains(sentinel), "the template holds \(sentinel)")
      XCTAssertFalse(export.stderr.contains(sentinel))
    }
    let template = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    XCTAssertEqual(template["version"] as? Int, 1)
    XCTAssertEqual(template["auth"] as? String, "password")
    XCTAssertEqual(template["client_id"] as? String, "snowgate-demo")
    XCTAssertEqual(template["scope"] as? String, "useraccount")
    XCTAssertNil(template["username"])

    let fresh = try CheckRun.run(
      [
        "setup", "--from", "file://" + file.path, "mine", "--no-input", "--username", "admin", "--store",
        "file",
      ],
      environment: secrets, configDirectory: second)
    XCTAssertEqual(fresh.status, 0, fresh.stdout + fresh.stderr)
    let check = try CheckRun.run(["check", "mine", "--json"], configDirectory: second)
    XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
    XCTAssertEqual(try check.json()["ok"] as? Bool, true)
    XCTAssertEqual(try check.json()["auth"] as? String, "password")
  }

  func testATemplateFromElsewhereOrOfAnotherVersionIsRefused() throws {
    let directory = try folder()
    defer { try? FileManager.default.removeItem(at: directory) }
    let remote = try CheckRun.run(["setup", "--from", "https://example.test/t.json", "--no-input"])
    XCTAssertEqual(remote.status, 2)
    XCTAssertTrue(remote.stderr.contains("reads a local file"), remote.stderr)
    let later = directory.appendingPathComponent("later.json")
    try Data(#"{"version":2,"instance":"https://dev1.service-now.com","auth":"basic"}"#.utf8).write(to: later)
    let run = try CheckRun.run(["setup", "--from", later.path, "--no-input"])
    XCTAssertEqual(run.status, 2)
    XCTAssertTrue(run.stderr.contains("version 2"), run.stderr)
    let junk = directory.appendingPathComponent("junk.json")
    try Data("not json".utf8).write(to: junk)
    XCTAssertTrue(
      try CheckRun.run(["setup", "--from", junk.path, "--no-input"]).stderr.contains("not a snowgate"))
  }

  /// Without --no-input, the template opens the wizard as a half-finished setup with the
  /// instance and the OAuth client filled in (tmux, the real binary).
  func testSetupFromATemplateOpensTheWizardFilledIn() async throws {
    let directory = try folder()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("team.json")
    try Data(
      #"{"version":1,"instance":"https://acme-team.service-now.com","auth":"password","client_id":"team-client-0042"}"#
        .utf8
    ).write(to: file)
    let config = directory.appendingPathComponent("config")
    let tmux = try Tmux(
      command: "\(Binary.snowgate.path) setup --from \(file.path) mine",
      environment: ["SNOWGATE_CONFIG_DIR": config.path])
    defer { tmux.kill() }
    // The half-finished setup loads and opens at the sign-in: everything else is the template's.
    let screen = try await tmux.waitUntil(what: "the sign-in step, filled in") {
      $0.contains("OAuth client: password grant") && $0.contains("team-client-0042")
    }
    XCTAssertFalse(screen.contains("Loading"), screen)
    XCTAssertFalse(screen.contains("Instance address"), screen)
    let saved = try String(contentsOf: config.appendingPathComponent("config.json"), encoding: .utf8)
    XCTAssertTrue(saved.contains("team-client-0042"), "the draft holds the template's client: \(saved)")
    XCTAssertTrue(saved.contains("\"mine\""), saved)
  }
}
