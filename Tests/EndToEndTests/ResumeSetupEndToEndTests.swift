import Foundation
import XCTest

/// A half-finished setup as a person leaves and resumes it: the real binary in an 80×24 tmux
/// terminal, quit on the token screen, reopened with `snowgate setup NAME`.
final class ResumeSetupEndToEndTests: XCTestCase, TerminalSessionTest {
  static let clientID = "e2e-resume-client"
  static let clientSecret = "S3CR3T-resume-client-SENTINEL-2207"
  static let password = "S3CR3T-resume-pw-SENTINEL-3141"
  static let user = "integration.user"
  static let scope = "useraccount"

  /// The folder and terminal; every screen looked at is grepped for the secrets.
  var session: TerminalSession!

  var configDirectory: URL { folder.appendingPathComponent("config") }

  var environment: [String: String] {
    [
      "SNOWGATE_CONFIG_DIR": configDirectory.path, "SNOWGATE_LOG": "", "SNOWGATE_PASSWORD": "",
      "SNOWGATE_CLIENT_SECRET": "", "SNOWGATE_REFRESH_TOKEN": "", "BROWSER": "", "DISPLAY": "",
      "WAYLAND_DISPLAY": "",
    ]
  }

  override func setUp() async throws {
    session = try TerminalSession(prefix: "sg-e2e-resume")
  }

  override func tearDown() async throws {
    session.end(secrets: [Self.clientSecret, Self.password])
    if let config = try? String(
      contentsOf: configDirectory.appendingPathComponent("config.json"), encoding: .utf8)
    {
      XCTAssertFalse(config.contains("S3CR3T"), "config.json holds a secret")
    }
    session.removeFolder()
  }

  func startWizard(_ arguments: String) throws -> Tmux {
    try session.start(
      "\(Binary.snowgate.path) setup \(arguments)", width: 80, height: 24, environment: environment)
  }

  func testAPasswordGrantSetupQuitOnTheTokenScreenResumesThereWithEveryField() async throws {
    let simulator = try SimulatorProcess()
    defer { simulator.stop() }
    let instance = simulator.url.absoluteString

    var tmux = try startWizard("")
    try await session.walkToSignInChoice(instance: instance)
    try tmux.send("Down")
    try tmux.send("Enter")
    try await see("OAuth client: password grant")
    try tmux.type(Self.clientID)
    try tmux.send("Tab")
    try tmux.type(Self.clientSecret)
    try tmux.send("Tab")
    try tmux.type(Self.user)
    try tmux.send("Tab")
    try tmux.type(Self.password)
    try tmux.send("Tab")
    try tmux.type(Self.scope)
    try await see(Self.scope)
    try tmux.send("Enter")
    let before = try await see("Generate token")
    XCTAssertTrue(before.contains("Scope     \(Self.scope)"), before)

    // Leave on the token screen, keeping it for later.
    try tmux.send("C-c")
    try await see("Quit and finish later?")
    try tmux.send("y")
    let left = try await see("[exit 1]")
    // "Kept as an unfinished setup 'NAME' (no secrets); …": the name between the quotes.
    let kept = try XCTUnwrap(left.components(separatedBy: "Kept as an unfinished setup '").last, left)
    let name = String(kept.prefix { $0 != "'" })
    XCTAssertFalse(name.isEmpty, left)

    // Resume: the token screen again, with the client ID, the scope and the user.
    tmux = try startWizard(Tmux.shellQuote(name))
    let resumed = try await see("Generate token")
    XCTAssertTrue(resumed.contains("Get a token"), resumed)
    XCTAssertTrue(resumed.contains("Client ID \(Self.clientID)"), resumed)
    XCTAssertTrue(resumed.contains("Scope     \(Self.scope)"), resumed)
    XCTAssertTrue(resumed.contains("Grant     password, as \(Self.user)"), resumed)
    XCTAssertFalse(resumed.contains("Instance address"), "it reopened at the first step:\n\(resumed)")
  }
}
