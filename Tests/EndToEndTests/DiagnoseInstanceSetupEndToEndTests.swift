import Foundation
import XCTest

/// The diagnose screen's instance-setup layer as a person meets it (issue 14): the real binary
/// in an 80×24 tmux terminal, `snowgate simulate` in another process with the `wrong-redirect`
/// scenario. A saved browser-sign-in profile passes its layers, and the line under them says
/// the record's redirect URL is another one, and where to click.
final class DiagnoseInstanceSetupEndToEndTests: XCTestCase, TerminalSessionTest {
  static let adminPassword = "S3CR3T-e2e-diag-admin-SENTINEL-5772"
  static let clientSecret = "S3CR3T-e2e-diag-client-SENTINEL-6931"
  static let callback = "http://127.0.0.1:8484/callback"

  var session: TerminalSession!
  var configDirectory: URL { folder.appendingPathComponent("config") }
  var logFile: URL { folder.appendingPathComponent("requests.log") }

  override func setUp() async throws {
    session = try TerminalSession(prefix: "sg-e2e-diagnose-setup")
  }

  override func tearDown() async throws {
    session.end(secrets: [Self.adminPassword, Self.clientSecret])
    session.removeFolder()
  }

  /// `web`: the browser sign-in of the demo client as the wizard saves it, with the refresh
  /// token a password-grant setup got (so its layers pass without a browser).
  func saveBrowserProfile(instance: URL) throws {
    let setup = try CheckRun.run(
      [
        "setup", "oa", "--no-input", "--instance", instance.absoluteString, "--store", "file", "--auth",
        "password", "--username", "admin", "--client-id", "snowgate-demo",
      ],
      environment: ["SNOWGATE_PASSWORD": Self.adminPassword, "SNOWGATE_CLIENT_SECRET": Self.clientSecret],
      configDirectory: configDirectory)
    XCTAssertEqual(setup.status, 0, setup.stdout + setup.stderr)
    let configURL = configDirectory.appendingPathComponent("config.json")
    var config = try XCTUnwrap(
      try JSONSerialization.jsonObject(with: Data(contentsOf: configURL)) as? [String: Any])
    var profiles = try XCTUnwrap(config["profiles"] as? [[String: Any]])
    var web = try XCTUnwrap(profiles.first { $0["name"] as? String == "oa" })
    web["name"] = "web"
    web["authType"] = "oauthAuthorizationCode"
    web["redirectURI"] = Self.callback
    web.removeValue(forKey: "username")
    profiles.append(web)
    config["profiles"] = profiles
    try JSONSerialization.data(withJSONObject: config).write(to: configURL)
    let credentialsURL = configDirectory.appendingPathComponent("credentials.json")
    var credentials = try XCTUnwrap(
      try JSONSerialization.jsonObject(with: Data(contentsOf: credentialsURL)) as? [String: Any])
    var stored = try XCTUnwrap(credentials["profiles"] as? [String: Any])
    var secrets = try XCTUnwrap(stored["oa"] as? [String: Any])
    XCTAssertNotNil(secrets["refreshToken"], "the password grant left a refresh token")
    secrets.removeValue(forKey: "password")
    stored["web"] = secrets
    credentials["profiles"] = stored
    try JSONSerialization.data(withJSONObject: credentials).write(to: credentialsURL)
  }

  func testAWrongRedirectURLIsTheFailingLineUnderPassedLayers() async throws {
    let instance = try session.startSimulator([
      "users": [["userName": "admin", "password": Self.adminPassword, "roles": ["admin"]]],
      "oauthClients": [
        [
          "id": "snowgate-demo", "secret": Self.clientSecret, "name": "snowgate demo",
          "redirectURLs": [Self.callback], "applicationUser": "admin",
        ]
      ],
      "scenarios": ["wrong-redirect"],
    ])
    try saveBrowserProfile(instance: instance)
    let command = "\(Binary.snowgate.path) setup; echo \"[exit $?]\""
    let tmux = try session.start(
      command,
      environment: [
        "SNOWGATE_CONFIG_DIR": configDirectory.path, "SNOWGATE_LOG": logFile.path, "NO_COLOR": "1",
        "SNOWGATE_PASSWORD": "", "SNOWGATE_CLIENT_SECRET": "", "BROWSER": "", "DISPLAY": "",
      ])
    try await see("Diagnose a saved connection")
    try tmux.send("Down", "Down", "Enter")
    try await see("web")
    // The list holds oa, then web.
    try tmux.send("Down", "Enter")
    let end = try await see("needs a fix", timeout: 30)
    XCTAssertTrue(end.contains("web works."), end)
    // Two pages up: the failing line, its detail and where to click.
    try tmux.send("PageUp", "PageUp")
    let line = try await see("✗ Redirect URL")
    XCTAssertTrue(line.contains("https://elsewhere.example.test/oauth/callback"), line)
    XCTAssertTrue(line.contains("set Redirect URL to exactly"), line)
    try tmux.send("PageUp")
    try await see("✗ Instance setup  Read as web: 1 to fix.")
    try tmux.send("C-c")
    try await see("[exit")
    let log = (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
    XCTAssertTrue(log.contains("oauth_entity"), "the record was read")
    XCTAssertFalse(
      log.contains("POST /api/now/table") || log.contains("PATCH /api/now/table"), "nothing written")
    for secret in [Self.adminPassword, Self.clientSecret] {
      XCTAssertFalse(log.contains(secret), "the request log holds a secret")
    }
  }
}
