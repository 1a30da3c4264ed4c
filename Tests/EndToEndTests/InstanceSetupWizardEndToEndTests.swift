import Foundation
import XCTest

/// The wizard's side of issue 14 as a person does it: the real binary in an 80×24 tmux
/// terminal, talking HTTP to `snowgate simulate` in another process.
///
/// - snowgate creates the OAuth client on the instance as an admin, then signs in with the
///   password grant through it, saves the profile, and `snowgate check NAME` passes;
/// - `setup --from FILE` opens at the sign-in step with everything else filled.
final class InstanceSetupWizardEndToEndTests: XCTestCase, TerminalSessionTest {
  static let adminPassword = "S3CR3T-e2e-admin-SENTINEL-8088"

  var session: TerminalSession!

  var configDirectory: URL { folder.appendingPathComponent("config") }
  var logFile: URL { folder.appendingPathComponent("requests.log") }
  var environment: [String: String] {
    [
      "SNOWGATE_CONFIG_DIR": configDirectory.path, "SNOWGATE_LOG": logFile.path, "SNOWGATE_PASSWORD": "",
      "SNOWGATE_CLIENT_SECRET": "", "SNOWGATE_REFRESH_TOKEN": "", "BROWSER": "", "DISPLAY": "",
      "WAYLAND_DISPLAY": "", "DBUS_SESSION_BUS_ADDRESS": "", "XDG_RUNTIME_DIR": "",
    ]
  }

  override func setUp() async throws {
    session = try TerminalSession(prefix: "sg-e2e-admin")
  }

  override func tearDown() async throws {
    session.end(secrets: [Self.adminPassword])
    session.removeFolder()
  }

  /// The request log holds none of `secrets`, and no screen looked at shows one.
  func assertNothingLeaked(_ secrets: [String]) {
    let log = (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
    for secret in secrets where !secret.isEmpty {
      XCTAssertFalse(log.contains(secret), "the request log holds a secret")
    }
    session.end(secrets: secrets)
  }

  /// From the token screen: Generate → Test → Save as `name` → done → exit 0.
  func generateTestAndSave(_ name: String) async throws {
    guard let tmux else { return }
    try await see("Generate token")
    try tmux.send("Enter")
    try await see("The instance issued a token.")
    try tmux.send("Enter")
    try await see("Test connection")
    try tmux.send("Enter")
    try await see("The connection works.")
    try tmux.send("Enter")
    try await see("Save the connection")
    try tmux.send("C-u")
    try tmux.type(name)
    try tmux.send("Enter")
    // No keyring answers (no D-Bus session): the file is used only after a yes.
    try await see("Keep the secrets in a plain file?")
    try tmux.send("y")
    try await see("Connection saved")
    try tmux.send("Enter")
    try await see("[exit 0]")
  }

  func testSnowgateCreatesTheOAuthClientThenSignsInWithIt() async throws {
    let url = try session.startSimulator([
      "users": [["userName": "admin", "password": Self.adminPassword, "roles": ["admin"]]],
      "oauthClients": [],
    ]).absoluteString
    let tmux = try session.start("\(Binary.snowgate.path) setup", environment: environment)
    try await session.walkToSignInChoice(instance: url)
    try tmux.send("Down")
    try tmux.send("Enter")
    try await see("OAuth client: password grant")
    // The grant's user, then on to the create action; the client ID and secret stay empty.
    try tmux.send("Tab")
    try tmux.send("Tab")
    try tmux.type("admin")
    try tmux.send("Tab")
    try tmux.type(Self.adminPassword)
    try tmux.send("Tab")
    try tmux.send("Tab")
    try await see("› [ Create the OAuth client on the instance for me ]")
    try tmux.send("Enter")
    try await see("Sign in as an admin")
    try tmux.send("Tab")
    try tmux.type("admin")
    try tmux.send("Tab")
    try tmux.type(Self.adminPassword)
    try tmux.send("Enter")
    let review = try await see("Nothing is written")
    XCTAssertTrue(review.contains("Refresh token  lives 8640000 s (100 days)"), review)
    try tmux.send("y")
    try await see("Created “snowgate 127”")
    try await generateTestAndSave("created")
    // The created record's refresh lifespan went into the saved profile.
    let profiles = try Binary.run(["profiles", "--json"], environment: environment)
    XCTAssertTrue(profiles.stdout.contains("\"refresh_token_expires_at\" : \"20"), profiles.stdout)
    let check = try Binary.run(["check", "created"], environment: environment)
    XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
    let config = try String(
      contentsOf: configDirectory.appendingPathComponent("credentials.json"), encoding: .utf8)
    let object = try JSONSerialization.jsonObject(with: Data(config.utf8)) as? [String: Any]
    let entry = (object?["profiles"] as? [String: Any])?["created"] as? [String: Any]
    let secret = try XCTUnwrap(entry?["clientSecret"] as? String, config)
    assertNothingLeaked([Self.adminPassword, secret])
  }

  func testSetupFromATemplateOpensAtTheSignIn() async throws {
    let url = try session.startSimulator().absoluteString
    let first = folder.appendingPathComponent("first")
    let made = try CheckRun.run(
      [
        "setup", "shared", "--no-input", "--instance", url, "--auth", "password",
        "--username", "admin", "--client-id", "snowgate-demo", "--store", "file",
      ], environment: ["SNOWGATE_PASSWORD": "admin", "SNOWGATE_CLIENT_SECRET": "demo-secret"],
      configDirectory: first)
    XCTAssertEqual(made.status, 0, made.stdout + made.stderr)
    let template = folder.appendingPathComponent("shared.snowgate.json")
    let export = try CheckRun.run(
      ["profiles", "export", "shared", "--output", template.path], configDirectory: first)
    XCTAssertEqual(export.status, 0, export.stderr)

    let tmux = try session.start(
      "\(Binary.snowgate.path) setup --from \(Tmux.shellQuote(template.path)) mine", environment: environment)
    let opened = try await see("OAuth client: password grant")
    XCTAssertFalse(opened.contains("Instance address"), opened)
    XCTAssertTrue(opened.contains("snowgate-demo"), "the client ID is filled in:\n\(opened)")
    XCTAssertTrue(opened.contains("› Client secret"), "the focus is on the first field to type:\n\(opened)")
    try tmux.type("demo-secret")
    try tmux.send("Tab")
    try tmux.type("admin")
    try tmux.send("Tab")
    try tmux.type("admin")
    try tmux.send("Enter")
    try await generateTestAndSave("mine")
    let check = try Binary.run(["check", "mine"], environment: environment)
    XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
  }
}
