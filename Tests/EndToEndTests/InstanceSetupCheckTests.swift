import Foundation
import XCTest

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// `snowgate check NAME --instance-setup` and `--for agent-transfer [--fix]` (issue 14), the real
/// binary against `snowgate simulate` with its misconfiguration scenarios.
final class InstanceSetupCheckTests: XCTestCase {
  static let webhook = "https://bots.example.test/chatbot/hooks/st-snowgate-demo"

  /// A simulator and a config folder with the profiles `adm` (Basic, admin), `abel` (Basic,
  /// no admin rights) and `oa` (the password grant with the demo client, as admin).
  private final class Bench {
    let simulator: SimulatorProcess
    let directory: URL

    init(_ scenarios: [String]) throws {
      simulator = try SimulatorProcess(scenario: scenarios.isEmpty ? nil : scenarios.joined(separator: ","))
      directory = FileManager.default.temporaryDirectory.appendingPathComponent(
        "snowgate-setup-check-\(UUID().uuidString.prefix(8))", isDirectory: true)
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit {
      simulator.stop()
      try? FileManager.default.removeItem(at: directory)
    }

    @discardableResult
    func setup(_ name: String, _ arguments: [String], _ secrets: [String: String]) throws -> CheckRun {
      let run = try CheckRun.run(
        ["setup", name, "--no-input", "--instance", simulator.url.absoluteString, "--store", "file"]
          + arguments,
        environment: secrets, configDirectory: directory)
      return run
    }

    func standardProfiles() throws {
      XCTAssertEqual(
        try setup("adm", ["--auth", "basic", "--username", "admin"], ["SNOWGATE_PASSWORD": "admin"]).status, 0
      )
      try setup(
        "abel", ["--auth", "basic", "--username", "abel.tuter"], ["SNOWGATE_PASSWORD": "Abel-Tuter-1"])
      try setup(
        "oa", ["--auth", "password", "--username", "admin", "--client-id", "snowgate-demo", "--save-anyway"],
        ["SNOWGATE_PASSWORD": "admin", "SNOWGATE_CLIENT_SECRET": "demo-secret"])
    }

    func check(_ arguments: [String], stdin: String? = nil) throws -> CheckRun {
      try CheckRun.run(["check"] + arguments, configDirectory: directory, stdin: stdin)
    }

    /// A table's rows read straight from the simulator as admin, bypassing snowgate.
    func rows(_ table: String) async throws -> [[String: Any]] {
      var request = URLRequest(url: simulator.url.appendingPathComponent("api/now/table/\(table)"))
      request.setValue(
        "Basic " + Data("admin:admin".utf8).base64EncodedString(), forHTTPHeaderField: "Authorization")
      let (data, _) = try await URLSession.shared.data(for: request)
      let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
      return object?["result"] as? [[String: Any]] ?? []
    }
  }

  private func lines(_ run: CheckRun) throws -> [String: [String: Any]] {
    let checks = try XCTUnwrap(try run.json()["checks"] as? [[String: Any]], run.stdout + run.stderr)
    return Dictionary(uniqueKeysWithValues: checks.map { ($0["id"] as? String ?? "", $0) })
  }

  private func status(_ lines: [String: [String: Any]], _ id: String) -> String? {
    lines[id]?["status"] as? String
  }

  func testAHealthyOAuthRecordPassesAndTheUnmodelledFieldsSayNotChecked() async throws {
    let bench = try Bench([])
    try bench.standardProfiles()
    let run = try bench.check(["oa", "--instance-setup", "--json"])
    XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
    let found = try lines(run)
    XCTAssertEqual(status(found, "oauth.record"), "pass")
    XCTAssertEqual(status(found, "oauth.active"), "pass")
    XCTAssertEqual(status(found, "oauth.public_client"), "pass")
    XCTAssertTrue((found["oauth.lifespans"]?["detail"] as? String ?? "").contains("30 min"), run.stdout)
    XCTAssertEqual(status(found, "oauth.token_restrictions"), "skip")
    XCTAssertTrue(
      (found["oauth.token_format"]?["detail"] as? String ?? "").hasPrefix("Not checked"), run.stdout)
    XCTAssertEqual(try run.json()["ok"] as? Bool, true)
  }

  func testAnInactiveRecordFailsWithBothPlacesToClick() async throws {
    let bench = try Bench(["inactive-client"])
    try bench.standardProfiles()
    let run = try bench.check(["oa", "--instance-setup", "--admin", "adm"])
    XCTAssertEqual(run.status, 1, run.stdout + run.stderr)
    XCTAssertTrue(run.stdout.contains("✗ Active: The record is not Active"), run.stdout)
    XCTAssertTrue(
      run.stdout.contains("System OAuth > Application Registry > open “snowgate demo”"), run.stdout)
    XCTAssertTrue(run.stdout.contains("Machine Identity Console > Inbound integrations"), run.stdout)
    XCTAssertTrue(run.stdout.contains("read as adm"), run.stdout)
  }

  func testClientCredentialsWithoutUserOrPropertyFailBoth() async throws {
    let bench = try Bench(["cc-not-configured", "cc-disabled"])
    try bench.standardProfiles()
    try bench.setup(
      "cc", ["--auth", "client-credentials", "--client-id", "snowgate-demo", "--save-anyway"],
      ["SNOWGATE_CLIENT_SECRET": "demo-secret"])
    let run = try bench.check(["cc", "--instance-setup", "--admin", "adm", "--json"])
    XCTAssertEqual(run.status, 1, run.stdout + run.stderr)
    let found = try lines(run)
    XCTAssertEqual(status(found, "oauth.application_user"), "fail", run.stdout)
    XCTAssertEqual(status(found, "property.client_credentials"), "fail", run.stdout)
    let remedy = try XCTUnwrap(found["property.client_credentials"]?["remedy"] as? String)
    XCTAssertTrue(remedy.contains("glide.oauth.inbound.client.credential.grant_type.enabled"), remedy)
  }

  func testAWrongRedirectURLAndANearlyExpiredRefreshTokenAreSaid() async throws {
    let bench = try Bench(["wrong-redirect"])
    try bench.standardProfiles()
    // An authorization-code profile as the wizard saves it, with a refresh token that has 3 days left.
    let configURL = bench.directory.appendingPathComponent("config.json")
    var config = try XCTUnwrap(
      try JSONSerialization.jsonObject(with: Data(contentsOf: configURL)) as? [String: Any])
    var profiles = try XCTUnwrap(config["profiles"] as? [[String: Any]])
    var code = try XCTUnwrap(profiles.first { $0["name"] as? String == "oa" })
    code["name"] = "web"
    code["authType"] = "oauthAuthorizationCode"
    code["redirectURI"] = "http://127.0.0.1:8484/callback"
    profiles.append(code)
    config["profiles"] = profiles
    try JSONSerialization.data(withJSONObject: config).write(to: configURL)
    let credentialsURL = bench.directory.appendingPathComponent("credentials.json")
    var credentials = try XCTUnwrap(
      try JSONSerialization.jsonObject(with: Data(contentsOf: credentialsURL)) as? [String: Any])
    var stored = try XCTUnwrap(credentials["profiles"] as? [String: Any])
    let soon = ISO8601DateFormatter().string(from: Date().addingTimeInterval(3 * 86_400))
    stored["web"] = ["refreshToken": "S3NT1NEL-refresh-token", "refreshTokenExpiresAt": soon]
    credentials["profiles"] = stored
    try JSONSerialization.data(withJSONObject: credentials).write(to: credentialsURL)

    let run = try bench.check(["web", "--instance-setup", "--admin", "adm", "--json"])
    let found = try lines(run)
    XCTAssertEqual(status(found, "oauth.redirect"), "fail", run.stdout + run.stderr)
    let detail = try XCTUnwrap(found["oauth.redirect"]?["detail"] as? String)
    XCTAssertTrue(detail.contains("https://elsewhere.example.test/oauth/callback"), detail)
    XCTAssertEqual(status(found, "oauth.refresh_expiry"), "warn", run.stdout)
    XCTAssertFalse(run.stdout.contains("S3NT1NEL") || run.stderr.contains("S3NT1NEL"))
  }

  func testANonAdminIsToldWhichReadsWereRefusedAndWhatTheyWouldHaveTold() async throws {
    let bench = try Bench([])
    try bench.standardProfiles()
    let run = try bench.check(["oa", "--instance-setup", "--admin", "abel", "--json"])
    XCTAssertEqual(run.status, 3, run.stdout + run.stderr)
    let refused = try XCTUnwrap(try run.json()["refused"] as? [[String: Any]])
    XCTAssertEqual(refused.first?["table"] as? String, "oauth_entity")
    XCTAssertTrue((refused.first?["would_tell"] as? String ?? "").contains("is Active"), run.stdout)
    let human = try bench.check(["adm", "--for", "agent-transfer", "--admin", "abel"])
    XCTAssertEqual(human.status, 3, human.stdout)
    XCTAssertTrue(human.stdout.contains("Reads the instance refused"), human.stdout)
    XCTAssertTrue(human.stdout.contains("sys_plugins"), human.stdout)
  }

  func testFixWithoutATerminalOrYesRefusesAndWritesNothing() async throws {
    let bench = try Bench(["missing-role", "empty-group", "webhook-elsewhere"])
    try bench.standardProfiles()
    let before = try await (
      bench.rows("sys_group_has_role"), bench.rows("sys_user_grmember"), bench.rows("sys_rest_message_fn")
    )
    let run = try bench.check(
      ["adm", "--for", "agent-transfer", "--webhook", Self.webhook, "--member", "beth.anglin", "--fix"],
      stdin: "y\n")
    XCTAssertEqual(run.status, 2, run.stdout + run.stderr)
    XCTAssertTrue(run.stderr.contains("nothing was changed"), run.stderr)
    XCTAssertTrue(run.stderr.contains("POST sys_group_has_role"), run.stderr)
    let after = try await (
      bench.rows("sys_group_has_role"), bench.rows("sys_user_grmember"), bench.rows("sys_rest_message_fn")
    )
    XCTAssertEqual(before.0.count, after.0.count)
    XCTAssertEqual(after.1.count, 0)
    XCTAssertEqual(
      after.2.first?["rest_endpoint"] as? String, "https://old-bot.example.test/chatbot/hooks/st-retired")
  }

  func testFixWithYesTurnsEveryFixableLineGreenAndNeverInstallsAPlugin() async throws {
    let bench = try Bench(["missing-role", "empty-group", "webhook-elsewhere", "missing-plugin"])
    try bench.standardProfiles()
    let first = try bench.check(["adm", "--for", "agent-transfer", "--webhook", Self.webhook, "--json"])
    XCTAssertEqual(first.status, 1)
    let broken = try lines(first)
    for id in ["plugin.com.glide.awa", "role.agent_workspace_user", "members", "rest_message", "rest_method"]
    {
      XCTAssertEqual(status(broken, id), "fail", id)
    }
    XCTAssertTrue((broken["plugin.com.glide.awa"]?["remedy"] as? String ?? "").contains("never installs"))
    // Without --member no member is proposed; every change has every key (sys_id null for a new record).
    let changes = try XCTUnwrap(try first.json()["changes"] as? [[String: Any]])
    XCTAssertEqual(
      changes.map { $0["table"] as? String },
      ["sys_group_has_role", "sys_rest_message", "sys_rest_message_fn"])
    XCTAssertTrue(changes[0]["sys_id"] is NSNull)
    XCTAssertTrue(changes.allSatisfy { $0.keys.sorted() == ["fields", "summary", "sys_id", "table"] })
    let fixed = try bench.check(
      [
        "adm", "--for", "agent-transfer", "--webhook", Self.webhook, "--member", "beth.anglin", "--fix",
        "--yes", "--json",
      ])
    XCTAssertEqual(fixed.status, 1, "the plugin still fails: " + fixed.stdout + fixed.stderr)
    let after = try lines(fixed)
    for id in [
      "role.awa_agent", "role.agent_workspace_user", "members", "presence", "rest_message", "rest_method",
    ] {
      XCTAssertEqual(status(after, id), "pass", "\(id): \(fixed.stdout)")
    }
    XCTAssertEqual(status(after, "plugin.com.glide.awa"), "fail")
    XCTAssertTrue((after["presence"]?["detail"] as? String ?? "").contains("beth.anglin would receive chats"))
    let methods = try await bench.rows("sys_rest_message_fn")
    XCTAssertEqual(methods.first?["rest_endpoint"] as? String, Self.webhook)
  }

  /// At a terminal, --fix lists the changes and asks; "n" changes nothing, "y" turns every
  /// fixable line green (tmux, the real binary).
  func testFixAtATerminalAsksAndTurnsEveryLineGreenAfterAYes() async throws {
    let bench = try Bench(["missing-role", "empty-group", "webhook-elsewhere"])
    try bench.standardProfiles()
    let command =
      "\(Binary.snowgate.path) check adm --for agent-transfer --webhook \(Self.webhook) --member beth.anglin --fix"
    let environment = ["SNOWGATE_CONFIG_DIR": bench.directory.path, "NO_COLOR": "1"]
    let refused = try Tmux(command: command, width: 120, height: 60, environment: environment)
    _ = try await refused.waitFor("Make these 4 change(s)? [y/N]")
    try refused.type("n")
    try refused.send("Enter")
    _ = try await refused.waitFor("[exit 1]")
    refused.kill()
    let members = try await bench.rows("sys_user_grmember")
    XCTAssertEqual(members.count, 0, "a no writes nothing")

    let tmux = try Tmux(command: command, width: 120, height: 60, environment: environment)
    defer { tmux.kill() }
    let asked = try await tmux.waitFor("Make these 4 change(s)? [y/N]")
    XCTAssertTrue(asked.contains("✗ Role agent_workspace_user"), asked)
    XCTAssertTrue(asked.contains("PATCH sys_rest_message_fn/"), asked)
    try tmux.type("y")
    try tmux.send("Enter")
    let screen = try await tmux.waitFor("[exit 0]")
    let after = try XCTUnwrap(screen.components(separatedBy: "After the changes:").last, screen)
    XCTAssertFalse(after.contains("✗"), after)
    for line in ["✓ Role agent_workspace_user", "✓ Members", "✓ Presence", "✓ REST message", "✓ postMessage"]
    {
      XCTAssertTrue(after.contains(line), "\(line) in \(after)")
    }
  }
}
