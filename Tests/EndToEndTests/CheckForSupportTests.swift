import Foundation
import XCTest

/// `check` as support staff use it: JSON whatever happens, slow layers said, a half-finished
/// setup named, and at a terminal live lines, a password prompt and Ctrl-C.
final class CheckForSupportTests: XCTestCase {
  var tmux: Tmux?
  var simulator: SimulatorProcess?
  var profiles: CheckProfiles?

  override func tearDown() async throws {
    tmux?.kill()
    simulator?.stop()
    profiles?.remove()
  }

  func testJSONIsPrintedForAProfileThatDoesNotExistWithExitTwo() throws {
    let run = try CheckRun.run(["check", "nope", "--json"])
    XCTAssertEqual(run.status, 2)
    XCTAssertEqual(try run.code(), "profile.not_found")
    XCTAssertEqual(try run.json()["ok"] as? Bool, false)
    XCTAssertEqual(try run.json()["profile"] as? String, "nope")
    XCTAssertEqual((try run.json()["checks"] as? [Any])?.count, 0)
  }

  func testJSONWithAllIsAnArrayEvenForAProblem() throws {
    let run = try CheckRun.run(["check", "--all", "--json"])
    XCTAssertEqual(run.status, 2)
    let array = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]]
    let diagnosis = try XCTUnwrap(array?.first?["diagnosis"] as? [String: Any], run.stdout)
    XCTAssertEqual(diagnosis["code"] as? String, "profile.none")
  }

  func testJSONIsPrintedForUsageMistakesWithExitTwo() throws {
    let run = try CheckRun.run(["check", "--json", "--timeout", "soon"])
    XCTAssertEqual(run.status, 2)
    XCTAssertEqual(try run.code(), "usage.invalid")
    let unknown = try CheckRun.run(["check", "--json", "--no-such-option"])
    XCTAssertEqual(unknown.status, 2)
    XCTAssertEqual(try unknown.code(), "usage.invalid")
    let noPassword = try CheckRun.run(["check", "--json", "--instance", "dev12345", "--username", "admin"])
    XCTAssertEqual(noPassword.status, 2, "a script without a terminal keeps the refusal")
    XCTAssertEqual(try noPassword.code(), "config.secret_missing")
    XCTAssertEqual(try noPassword.json()["instance"] as? String, "https://dev12345.service-now.com")
    XCTAssertEqual(try noPassword.json()["auth"] as? String, "basic")
  }

  func testAHalfFinishedSetupIsNamedWithTheCommandThatFinishesIt() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "snowgate-check-draft-\(UUID().uuidString.prefix(8))", isDirectory: true)
    try FileManager.default.createDirectory(
      at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    defer { try? FileManager.default.removeItem(at: directory) }
    let config: [String: Any] = [
      "version": 1, "profiles": [Any](),
      "drafts": [
        [
          "name": "prod", "instanceURL": "https://dev12345.service-now.com",
          "updatedAt": "2026-01-01T00:00:00Z",
        ]
      ],
    ]
    try JSONSerialization.data(withJSONObject: config).write(
      to: directory.appendingPathComponent("config.json"))
    let named = try CheckRun.run(["check", "prod"], configDirectory: directory)
    XCTAssertEqual(named.status, 2)
    XCTAssertTrue(named.stderr.contains("not finished"), named.stderr)
    XCTAssertTrue(named.stderr.contains("snowgate setup prod"), named.stderr)
    let json = try CheckRun.run(["check", "prod", "--json"], configDirectory: directory)
    XCTAssertEqual(try json.code(), "profile.unfinished")
    let unnamed = try CheckRun.run(["check"], configDirectory: directory)
    XCTAssertTrue(unnamed.stderr.contains("snowgate setup prod"), unnamed.stderr)
  }

  func testASlowLayerIsAWarningWithItsTime() throws {
    let simulator = try SimulatorProcess(scenario: "slow")
    self.simulator = simulator
    let run = try CheckRun.run(
      ["check", "--json", "--instance", simulator.url.absoluteString, "--username", "admin"],
      environment: ["SNOWGATE_PASSWORD": "admin"])
    XCTAssertEqual(run.status, 0, "slow is a warning, not a failure: \(run.stdout)")
    let instance = try XCTUnwrap(try run.check("instance"))
    XCTAssertEqual(instance["status"] as? String, "warn")
    let elapsed = try XCTUnwrap(instance["elapsed_ms"] as? Int)
    XCTAssertGreaterThan(elapsed, 2000)
    let remedy = try XCTUnwrap(instance["remedy"] as? String)
    XCTAssertTrue(remedy.contains("over 2 s"), remedy)
    XCTAssertTrue(remedy.contains(String(format: "%.1f s", Double(elapsed) / 1000)), remedy)
    let api = try XCTUnwrap(try run.check("api"))
    XCTAssertTrue((api["detail"] as? String ?? "").contains("read by the Auth check"), "\(api)")
  }

  func testTheTableMetadataWarningNamesSysDbObject() throws {
    let simulator = try SimulatorProcess(scenario: "acl-sys-db-object")
    self.simulator = simulator
    let run = try CheckRun.run(
      ["check", "--json", "--instance", simulator.url.absoluteString, "--username", "admin"],
      environment: ["SNOWGATE_PASSWORD": "admin"])
    let meta = try XCTUnwrap(try run.check("api_meta"), run.stdout)
    XCTAssertEqual(meta["status"] as? String, "warn", "\(meta)")
    XCTAssertTrue((meta["detail"] as? String ?? "").contains("sys_db_object"), "\(meta)")
    let remedy = meta["remedy"] as? String ?? ""
    XCTAssertTrue(remedy.contains("sys_db_object"), remedy)
    XCTAssertFalse(remedy.contains("sys_user"), "the warning about sys_db_object names sys_user: \(remedy)")
    let remedies = (try run.json()["diagnosis"] as? [String: Any])?["remedies"] as? [String] ?? []
    XCTAssertFalse(remedies.joined().contains("sys_user"), "\(remedies)")
  }

  func testRemediesNameTheRealProfile() throws {
    let simulator = try SimulatorProcess(scenario: "refresh-expired")
    self.simulator = simulator
    let profiles = try CheckProfiles.make(
      [
        .init(
          name: "prod", instance: simulator.url.absoluteString, secretStore: "file",
          authType: "oauthRefreshToken", clientID: "snowgate-demo")
      ],
      defaultProfile: "prod",
      stored: ["prod": ["clientSecret": "demo-secret", "refreshToken": "an-expired-refresh-token"]])
    self.profiles = profiles
    let run = try CheckRun.run(["check", "prod", "--json"], configDirectory: profiles.directory)
    XCTAssertEqual(try run.code(), "oauth.refresh_expired", run.stdout + run.stderr)
    XCTAssertTrue(run.stdout.contains("snowgate setup prod"), run.stdout)
    XCTAssertFalse(run.stdout.contains(" NAME"), run.stdout)
  }

  /// The real binary on a terminal against an instance that takes 3 s a request.
  func startCheck(_ extra: String = "", environment: [String: String] = [:]) throws -> Tmux {
    let simulator = try SimulatorProcess(scenario: "slow")
    self.simulator = simulator
    let command =
      "\(Binary.snowgate.path) check --instance \(simulator.url.absoluteString) --username admin \(extra)"
    var env = ["SNOWGATE_CONFIG_DIR": CheckRun.emptyConfig.path]
    env.merge(environment) { _, given in given }
    let tmux = try Tmux(command: command, environment: env)
    self.tmux = tmux
    return tmux
  }

  func testOnATerminalTheFinishedLayersShowWhileASlowOneRuns() async throws {
    let tmux = try startCheck(environment: ["SNOWGATE_PASSWORD": "admin"])
    let screen = try await tmux.waitFor("checking Instance…", timeout: 10)
    XCTAssertTrue(screen.contains("✓ TCP"), screen)
    XCTAssertTrue(screen.contains("Checking http://127.0.0.1"), screen)
    XCTAssertFalse(screen.contains("✓ ok:"), screen)
    let done = try await tmux.waitFor("[exit 0]", timeout: 30)
    XCTAssertTrue(done.contains("! Instance"), done)
    XCTAssertTrue(done.contains("ok: "), done)
    XCTAssertFalse(done.contains("checking Instance…"), done)
  }

  func testOnATerminalAMissingPasswordIsAskedWithoutEcho() async throws {
    let tmux = try startCheck()
    try await tmux.waitFor("(not shown):", timeout: 10)
    try tmux.type("S3CR3T-admin-typed")
    try await Task.sleep(nanoseconds: 200_000_000)
    XCTAssertFalse(try tmux.capture().contains("S3CR3T"), "the password was echoed")
    try tmux.send("C-u")
    try tmux.type("admin")
    try tmux.send("Enter")
    let done = try await tmux.waitFor("[exit 0]", timeout: 40)
    XCTAssertTrue(done.contains("signed in with Basic auth"), done)
  }

  func testCtrlCSaysCancelledAndExits130() async throws {
    let tmux = try startCheck(environment: ["SNOWGATE_PASSWORD": "admin"])
    try await tmux.waitFor("checking Instance…", timeout: 10)
    try tmux.send("C-c")
    let screen = try await tmux.waitFor("[exit 130]", timeout: 10)
    XCTAssertTrue(screen.contains("cancelled"), screen)
  }
}
