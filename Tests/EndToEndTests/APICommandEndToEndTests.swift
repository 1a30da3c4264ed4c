import Foundation
import XCTest

/// `snowgate api`, `--profile`/`SNOWGATE_PROFILE` and connections from the environment alone,
/// as scripts run them: the real binary against a real simulator process and profiles on disk.
final class APICommandEndToEndTests: XCTestCase {
  private static let password = "S3CR3T-api-pw-SENTINEL"
  private static let clientSecret = "S3CR3T-api-client-SENTINEL"

  private var folder: URL!

  override func setUp() async throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "snowgate-e2e-api-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  override func tearDown() async throws {
    try? FileManager.default.removeItem(at: folder)
  }

  private var configDirectory: URL { folder.appendingPathComponent("config") }

  private var environment: [String: String] {
    [
      "SNOWGATE_CONFIG_DIR": configDirectory.path, "SNOWGATE_PASSWORD": "", "SNOWGATE_CLIENT_SECRET": "",
      "SNOWGATE_REFRESH_TOKEN": "", "SNOWGATE_PROFILE": "", "SNOWGATE_INSTANCE": "", "SNOWGATE_LOG": "",
      "SNOWGATE_DEBUG": "",
    ]
  }

  /// Profiles as the store writes them: (name, auth type, password), the first the default.
  private func writeProfiles(_ instance: URL, _ profiles: [(String, String, String)]) throws {
    try FileManager.default.createDirectory(
      at: configDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    let config: [String: Any] = [
      "version": 1, "defaultProfile": profiles[0].0, "drafts": [] as [Any],
      "profiles": profiles.map { name, auth, _ in
        [
          "name": name, "instanceURL": instance.absoluteString, "authType": auth, "clientID": "snowgate-demo",
          "username": "admin", "secretStore": ["kind": "file"], "createdAt": "2026-01-01T00:00:00Z",
          "updatedAt": "2026-01-01T00:00:00Z",
        ] as [String: Any]
      },
    ]
    var secrets: [String: Any] = [:]
    for (name, _, password) in profiles {
      secrets[name] = ["password": password, "clientSecret": Self.clientSecret]
    }
    let credentials: [String: Any] = ["version": 1, "profiles": secrets]
    for (file, object) in [("config.json", config), ("credentials.json", credentials)] {
      let data = try JSONSerialization.data(withJSONObject: object)
      FileManager.default.createFile(
        atPath: configDirectory.appendingPathComponent(file).path, contents: data,
        attributes: [.posixPermissions: 0o600])
    }
  }

  private func scenario(lifespan: Int = 1800) throws -> String {
    let path = folder.appendingPathComponent("scenario.json").path
    try """
    {"users": [{"userName": "admin", "password": "\(Self.password)"}],
     "oauthClients": [{"id": "snowgate-demo", "secret": "\(Self.clientSecret)",
                       "accessTokenLifespan": \(lifespan), "applicationUser": "admin"}]}
    """.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  private func assertNoSecrets(
    _ outputs: Binary.Output..., file: StaticString = #filePath, line: UInt = #line
  ) {
    for output in outputs {
      XCTAssertFalse(
        (output.stdout + output.stderr).contains("S3CR3T"), "a secret leaked", file: file, line: line)
    }
  }

  private func records(_ text: String) -> [[String: Any]] {
    let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
    return object?["result"] as? [[String: Any]] ?? []
  }

  func testAReadWritesTheBodyUnchangedAndIncludeAddsTheStatus() async throws {
    let simulator = try SimulatorProcess(scenario: try scenario())
    defer { simulator.stop() }
    try writeProfiles(simulator.url, [("prod", "basic", Self.password)])
    let read = try Binary.run(["api", "table/sys_user?sysparm_limit=1"], environment: environment)
    XCTAssertEqual(read.status, 0, read.stderr)
    XCTAssertEqual(records(read.stdout).count, 1, read.stdout)
    XCTAssertEqual(read.stderr, "")
    let included = try Binary.run(
      ["api", "-i", "/api/now/table/sys_user?sysparm_limit=1"], environment: environment)
    XCTAssertEqual(included.status, 0, included.stderr)
    XCTAssertTrue(included.stdout.hasPrefix("HTTP 200\r\n"), included.stdout)
    let verbose = try Binary.run(
      ["api", "--verbose", "table/sys_user?sysparm_limit=1"], environment: environment)
    XCTAssertTrue(verbose.stderr.contains("GET "), verbose.stderr)
    XCTAssertTrue(verbose.stderr.contains("Authorization"), verbose.stderr)
    let debug = try Binary.run(
      ["api", "table/sys_user?sysparm_limit=1"],
      environment: environment.merging(["SNOWGATE_DEBUG": "api"]) { $1 })
    XCTAssertTrue(debug.stderr.contains("[snowgate debug] > GET "), debug.stderr)
    assertNoSecrets(read, included, verbose, debug)
  }

  func testPaginateFollowsLinkNextAcrossThreePages() async throws {
    let simulator = try SimulatorProcess(scenario: try scenario())
    defer { simulator.stop() }
    try writeProfiles(simulator.url, [("prod", "basic", Self.password)])
    // The page size that makes three pages of however many tables the simulator lists.
    let head = try Binary.run(["api", "-i", "table/sys_db_object?sysparm_limit=1"], environment: environment)
    let totalLine = head.stdout.components(separatedBy: "\r\n").first {
      $0.lowercased().hasPrefix("x-total-count:")
    }
    let total = try XCTUnwrap(
      totalLine.flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) })
    XCTAssertGreaterThanOrEqual(total, 5)
    let limit = (total + 2) / 3
    let debugged = environment.merging(["SNOWGATE_DEBUG": "api"]) { $1 }
    let out = try Binary.run(
      ["api", "--paginate", "table/sys_db_object?sysparm_limit=\(limit)"], environment: debugged)
    XCTAssertEqual(out.status, 0, out.stderr)
    let pages = out.stdout.split(separator: "\n").map { records(String($0)) }
    XCTAssertEqual(pages.count, 3, out.stdout)
    XCTAssertEqual(pages.map(\.count).reduce(0, +), total)
    XCTAssertEqual(
      Set(pages.flatMap { $0.compactMap { $0["sys_id"] as? String } }).count, total, "a page repeated")
    XCTAssertEqual(out.stderr.components(separatedBy: "[snowgate debug] > GET ").count - 1, 3, out.stderr)
  }

  func testARefusedSignInHasCheckVerdictAndExitStatus() async throws {
    let simulator = try SimulatorProcess(scenario: try scenario())
    defer { simulator.stop() }
    try writeProfiles(simulator.url, [("prod", "basic", "S3CR3T-wrong-SENTINEL")])
    let api = try Binary.run(["api", "table/sys_user"], environment: environment)
    let check = try Binary.run(["check", "--json"], environment: environment)
    XCTAssertEqual(api.status, 3, api.stderr)
    XCTAssertEqual(api.status, check.status)
    let report = (try JSONSerialization.jsonObject(with: Data(check.stdout.utf8))) as? [String: Any]
    let diagnosis = report?["diagnosis"] as? [String: Any]
    let summary = try XCTUnwrap(diagnosis?["summary"] as? String)
    XCTAssertEqual(diagnosis?["code"] as? String, "auth.basic_rejected")
    XCTAssertTrue(api.stderr.contains(summary), "api: \(api.stderr)\ncheck: \(summary)")
    assertNoSecrets(api, check)
  }

  func testAnExpiredTokenIsRefreshedBeforeTheRequest() async throws {
    let simulator = try SimulatorProcess(scenario: try scenario(lifespan: 2))
    defer { simulator.stop() }
    try writeProfiles(simulator.url, [("prod", "oauthPassword", Self.password)])
    let first = try Binary.run(["api", "table/sys_user?sysparm_limit=1"], environment: environment)
    XCTAssertEqual(first.status, 0, first.stderr)
    let saved = try String(
      contentsOf: configDirectory.appendingPathComponent("credentials.json"), encoding: .utf8)
    try await Task.sleep(for: .milliseconds(2100))
    let logged = environment.merging(["SNOWGATE_DEBUG": "api"]) { $1 }
    let second = try Binary.run(["api", "table/sys_user?sysparm_limit=1"], environment: logged)
    XCTAssertEqual(second.status, 0, second.stderr)
    XCTAssertEqual(records(second.stdout).count, 1)
    XCTAssertTrue(
      second.stderr.contains("/oauth_token.do"), "the expired token was not renewed: \(second.stderr)")
    let renewed = try String(
      contentsOf: configDirectory.appendingPathComponent("credentials.json"), encoding: .utf8)
    XCTAssertNotEqual(saved, renewed, "the renewed token was not saved")
    assertNoSecrets(first, second)
  }

  func testAPostWithFieldsCreatesARecordOnTheSimulatorThatAReadFinds() async throws {
    let simulator = try SimulatorProcess(scenario: try scenario())
    defer { simulator.stop() }
    try writeProfiles(simulator.url, [("prod", "basic", Self.password)])
    let created = try Binary.run(
      ["api", "table/incident", "-f", "short_description=Printer on fire", "-f", "urgency=2"],
      environment: environment)
    XCTAssertEqual(created.status, 0, created.stderr)
    let record =
      (try JSONSerialization.jsonObject(with: Data(created.stdout.utf8)) as? [String: Any])?["result"]
      as? [String: Any]
    let id = try XCTUnwrap(record?["sys_id"] as? String, created.stdout)
    XCTAssertEqual(record?["short_description"] as? String, "Printer on fire")
    let read = try Binary.run(["api", "table/incident/\(id)"], environment: environment)
    XCTAssertEqual(read.status, 0, read.stderr)
    XCTAssertTrue(read.stdout.contains("Printer on fire"), read.stdout)
    assertNoSecrets(created, read)
  }

  func testAPostWithFieldsSendsAJSONBody() async throws {
    // The simulator's Table API answers GET only, so a loopback server echoes what it was sent.
    let echo = try CheckLocalServer(printingPort: [
      "python3", "-c",
      """
      import http.server, json, sys
      class H(http.server.BaseHTTPRequestHandler):
          def do_POST(self):
              body = self.rfile.read(int(self.headers.get('Content-Length', 0)))
              answer = json.dumps({'result': {'method': 'POST', 'path': self.path,
                  'type': self.headers.get('Content-Type'), 'auth': self.headers.get('Authorization', '')[:5],
                  'body': json.loads(body)}}).encode()
              self.send_response(201); self.send_header('Content-Type', 'application/json')
              self.send_header('Content-Length', str(len(answer))); self.end_headers(); self.wfile.write(answer)
          def log_message(self, *a): pass
      s = http.server.HTTPServer(('127.0.0.1', 0), H); print(s.server_port, flush=True); s.serve_forever()
      """,
    ])
    defer { echo.stop() }
    try writeProfiles(URL(string: "http://127.0.0.1:\(echo.port)")!, [("prod", "basic", Self.password)])
    let out = try Binary.run(
      ["api", "-p", "prod", "table/incident", "-f", "short_description=Printer on fire", "-f", "urgency=2"],
      environment: environment)
    XCTAssertEqual(out.status, 0, out.stderr)
    let result =
      (try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])?["result"]
      as? [String: Any]
    XCTAssertEqual(result?["path"] as? String, "/api/now/table/incident")
    XCTAssertEqual(result?["type"] as? String, "application/json")
    XCTAssertEqual(result?["auth"] as? String, "Basic")
    XCTAssertEqual(
      result?["body"] as? [String: String], ["short_description": "Printer on fire", "urgency": "2"])
    assertNoSecrets(out)
  }

  func testAnAddressOnAnotherHostIsRefused() async throws {
    try writeProfiles(URL(string: "http://127.0.0.1:9")!, [("prod", "basic", Self.password)])
    let out = try Binary.run(["api", "https://example.com/api/now/table/sys_user"], environment: environment)
    XCTAssertEqual(out.status, 2)
    XCTAssertTrue(out.stderr.contains("only to its own instance"), out.stderr)
    XCTAssertEqual(out.stdout, "")
  }

  func testProfileFlagAndVariableChooseTheProfileForCheckTokenAndAPI() async throws {
    let simulator = try SimulatorProcess(scenario: try scenario())
    defer { simulator.stop() }
    // The default profile's password is wrong; "good" is the one to choose.
    try writeProfiles(
      simulator.url,
      [("broken", "oauthPassword", "S3CR3T-wrong-SENTINEL"), ("good", "oauthPassword", Self.password)])
    let byVariable = environment.merging(["SNOWGATE_PROFILE": "good"]) { $1 }
    for (arguments, variables) in [
      (["check", "--profile", "good"], environment), (["-p", "good", "check"], environment),
      (["check"], byVariable),
      (["token", "-p", "good"], environment), (["token"], byVariable),
      (["api", "-p", "good", "table/sys_user?sysparm_limit=1"], environment),
      (["api", "table/sys_user?sysparm_limit=1"], byVariable),
    ] {
      let out = try Binary.run(arguments, environment: variables)
      XCTAssertEqual(out.status, 0, "\(arguments): \(out.stderr)")
      assertNoSecrets(out)
    }
    let named = try Binary.run(["check", "broken"], environment: byVariable)
    XCTAssertEqual(named.status, 3, "a NAME wins over SNOWGATE_PROFILE: \(named.stderr)")
    let both = try Binary.run(["check", "good", "-p", "broken"], environment: environment)
    XCTAssertEqual(both.status, 2)
    let shown = try Binary.run(["use"], environment: environment)
    XCTAssertEqual(shown.stdout, "broken\n")
  }

  func testAConnectionFromTheEnvironmentAlonePassesCheckInAFreshFolder() async throws {
    let simulator = try SimulatorProcess(scenario: try scenario())
    defer { simulator.stop() }
    var variables = environment
    variables["SNOWGATE_INSTANCE"] = simulator.url.absoluteString
    variables["SNOWGATE_USERNAME"] = "admin"
    variables["SNOWGATE_PASSWORD"] = Self.password
    let check = try Binary.run(["check"], environment: variables)
    XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
    XCTAssertTrue(check.stderr.contains("using the connection in SNOWGATE_INSTANCE"), check.stderr)
    let api = try Binary.run(["api", "table/sys_user?sysparm_limit=1"], environment: variables)
    XCTAssertEqual(api.status, 0, api.stderr)
    XCTAssertEqual(records(api.stdout).count, 1)
    variables["SNOWGATE_AUTH"] = "password"
    variables["SNOWGATE_CLIENT_ID"] = "snowgate-demo"
    variables["SNOWGATE_CLIENT_SECRET"] = Self.clientSecret
    let token = try Binary.run(["token"], environment: variables)
    XCTAssertEqual(token.status, 0, token.stderr)
    XCTAssertFalse(token.stdout.trimmingCharacters(in: .newlines).isEmpty)
    XCTAssertFalse(
      FileManager.default.fileExists(atPath: configDirectory.appendingPathComponent("config.json").path))
    assertNoSecrets(check, api)
  }

  func testEnvPrintsExportLinesAShellCanEval() async throws {
    let simulator = try SimulatorProcess(scenario: try scenario())
    defer { simulator.stop() }
    try writeProfiles(
      simulator.url, [("prod", "oauthPassword", Self.password), ("plain", "basic", Self.password)])
    let out = try Binary.run(["env", "prod"], environment: environment)
    XCTAssertEqual(out.status, 0, out.stderr)
    let lines = out.stdout.split(separator: "\n").map(String.init)
    XCTAssertEqual(lines.count, 2, out.stdout)
    XCTAssertEqual(lines.first, "export SN_INSTANCE='\(simulator.url.absoluteString)'")
    XCTAssertTrue(lines.last?.hasPrefix("export SN_AUTHORIZATION='Bearer ") ?? false, out.stdout)
    // The shell reads them back as they were meant.
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", out.stdout + "\nprintf '%s' \"$SN_INSTANCE\""]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let echoed = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    XCTAssertEqual(echoed, simulator.url.absoluteString)
    let basic = try Binary.run(["env", "plain"], environment: environment)
    XCTAssertEqual(basic.status, 0, basic.stderr)
    XCTAssertEqual(basic.stdout, "export SN_INSTANCE='\(simulator.url.absoluteString)'\n")
    XCTAssertTrue(basic.stderr.contains("no header"), basic.stderr)
    assertNoSecrets(out, basic)
  }

  func testMakeInstallPutsTheBinaryTheManPageAndTheCompletionsUnderThePrefix() throws {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/make") else {
      throw XCTSkip("make is not installed")
    }
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let prefix = folder.appendingPathComponent("prefix")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/make")
    // BUILT points at the binary these tests run, so no release build is needed here.
    process.arguments = [
      "-s", "-C", root.path, "install", "PREFIX=\(prefix.path)", "BUILT=\(Binary.snowgate.path)",
    ]
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    XCTAssertEqual(process.terminationStatus, 0)
    for path in [
      "bin/snowgate", "share/man/man1/snowgate.1", "share/bash-completion/completions/snowgate",
      "share/zsh/site-functions/_snowgate", "share/fish/vendor_completions.d/snowgate.fish",
    ] {
      let file = prefix.appendingPathComponent(path).path
      XCTAssertTrue(FileManager.default.fileExists(atPath: file), path)
      XCTAssertGreaterThan(
        (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0, 100, path)
    }
    XCTAssertTrue(
      FileManager.default.isExecutableFile(atPath: prefix.appendingPathComponent("bin/snowgate").path))
  }
}
