import Foundation
import XCTest

/// A private config folder and a simulated instance whose secrets are sentinels, for one test.
///
/// Every run of snowgate gets `SNOWGATE_CONFIG_DIR` pointing at the folder and the secret
/// variables set empty (which snowgate treats as unset), so nothing from the developer's own
/// environment or configuration leaks in.
final class ProfileWorkspace: @unchecked Sendable {
  static let password = "pw-S3CR3T-SENTINEL-7f3a"
  static let clientSecret = "cs-S3CR3T-SENTINEL-91b2"
  static let clientID = "sentinel-client"
  static let user = "sentinel.user"
  static var sentinels: [String] { [password, clientSecret] }

  let folder: URL
  var configDirectory: URL { folder.appendingPathComponent("config", isDirectory: true) }
  var configFile: URL { configDirectory.appendingPathComponent("config.json") }
  var credentialsFile: URL { configDirectory.appendingPathComponent("credentials.json") }
  private var simulatorProcess: SimulatorProcess?

  init() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "snowgate-profile-e2e-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  deinit {
    simulatorProcess?.stop()
    try? FileManager.default.removeItem(at: folder)
  }

  /// The simulated instance (started on first use) with the sentinel user and OAuth client.
  ///
  /// Client-credentials tokens act as a separate application user: the simulator hands a
  /// repeated password grant the live token of the same user and client, and a
  /// client-credentials token has no refresh token to hand back.
  func simulator() throws -> SimulatorProcess {
    if let simulatorProcess { return simulatorProcess }
    let scenario = folder.appendingPathComponent("scenario.json")
    let json = """
      {"users": [{"userName": "\(Self.user)", "password": "\(Self.password)"},
                 {"userName": "app.user", "password": "app-\(Self.password)"}],
       "oauthClients": [{"id": "\(Self.clientID)", "secret": "\(Self.clientSecret)",
                         "applicationUser": "app.user"}]}
      """
    try Data(json.utf8).write(to: scenario)
    let process = try SimulatorProcess(scenario: scenario.path)
    simulatorProcess = process
    return process
  }

  /// Runs snowgate with this workspace's config folder and no inherited secrets.
  func run(_ arguments: [String], environment: [String: String] = [:], stdin: String? = nil) throws
    -> Binary.Output
  {
    var env = [
      "SNOWGATE_CONFIG_DIR": configDirectory.path, "SNOWGATE_PASSWORD": "", "SNOWGATE_CLIENT_SECRET": "",
      "SNOWGATE_REFRESH_TOKEN": "", "SNOWGATE_LOG": "",
    ]
    for (key, value) in environment { env[key] = value }
    return try Binary.run(arguments, environment: env, stdin: stdin)
  }

  /// Runs snowgate with a terminal on stdin (util-linux `script` makes the pty) and `typed` as
  /// what the person types; returns the exit status and everything the terminal showed.
  func runOnTerminal(_ arguments: [String], typed: String) throws -> (status: Int32, screen: String) {
    let command = ([Binary.snowgate.path] + arguments).map(Tmux.shellQuote).joined(separator: " ")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
    process.arguments = ["-q", "-e", "-c", command, "/dev/null"]
    var env = ProcessInfo.processInfo.environment
    env["SNOWGATE_CONFIG_DIR"] = configDirectory.path
    env["SHELL"] = "/bin/sh"
    process.environment = env
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = output
    try process.run()
    input.fileHandleForWriting.write(Data(typed.utf8))
    try? input.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  /// `snowgate setup NAME --no-input --auth basic` against the simulator with the right password.
  @discardableResult
  func setupBasic(_ name: String, extra: [String] = []) throws -> Binary.Output {
    let output = try run(
      [
        "setup", name, "--no-input", "--store", "file", "--instance", try simulator().url.absoluteString,
        "--auth", "basic",
        "--username", Self.user,
      ] + extra,
      environment: ["SNOWGATE_PASSWORD": Self.password])
    XCTAssertEqual(output.status, 0, "setup \(name) failed: \(output.stderr)")
    return output
  }

  /// `snowgate profiles --json`, parsed.
  func listing() throws -> [String: Any] {
    let output = try run(["profiles", "--json"])
    XCTAssertEqual(output.status, 0, output.stderr)
    let object = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any]
    return try XCTUnwrap(object, "profiles --json printed no object: \(output.stdout)")
  }

  /// The names `profiles --json` lists, in order.
  func profileNames() throws -> [String] {
    let profiles = try listing()["profiles"] as? [[String: Any]] ?? []
    return profiles.compactMap { $0["name"] as? String }
  }

  /// The text of a file in the config folder, or "" when it does not exist.
  func text(of file: URL) -> String {
    (try? String(contentsOf: file, encoding: .utf8)) ?? ""
  }

  /// Fails when any sentinel secret is in `texts`.
  func assertNoSentinel(
    _ texts: [String], _ what: String, file: StaticString = #filePath, line: UInt = #line
  ) {
    for text in texts {
      for sentinel in Self.sentinels {
        XCTAssertFalse(text.contains(sentinel), "\(what) shows a secret", file: file, line: line)
      }
      XCTAssertFalse(text.contains("S3CR3T"), "\(what) shows a secret", file: file, line: line)
    }
  }

  /// The permission bits of a file.
  func mode(of file: URL) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
    return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
  }
}
