import Foundation
import XCTest

/// A half-finished setup as a person leaves and resumes it: the real binary in an 80×24 tmux
/// terminal, quit on the token screen, reopened with `snowgate setup NAME`.
final class ResumeSetupEndToEndTests: XCTestCase {
  static let clientID = "e2e-resume-client"
  static let clientSecret = "S3CR3T-resume-client-SENTINEL-2207"
  static let password = "S3CR3T-resume-pw-SENTINEL-3141"
  static let user = "integration.user"
  static let scope = "useraccount"

  var folder: URL!
  var tmux: Tmux?
  var screens: [String] = []

  var configDirectory: URL { folder.appendingPathComponent("config") }

  var environment: [String: String] {
    [
      "SNOWGATE_CONFIG_DIR": configDirectory.path, "SNOWGATE_LOG": "", "SNOWGATE_PASSWORD": "",
      "SNOWGATE_CLIENT_SECRET": "", "SNOWGATE_REFRESH_TOKEN": "", "BROWSER": "", "DISPLAY": "",
      "WAYLAND_DISPLAY": "",
    ]
  }

  override func setUp() async throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "sg-e2e-resume-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  override func tearDown() async throws {
    tmux?.kill()
    for screen in screens {
      for secret in [Self.clientSecret, Self.password] {
        XCTAssertFalse(screen.contains(secret), "a screen showed a secret:\n\(screen)")
      }
    }
    if let config = try? String(
      contentsOf: configDirectory.appendingPathComponent("config.json"), encoding: .utf8)
    {
      XCTAssertFalse(config.contains("S3CR3T"), "config.json holds a secret")
    }
    try? FileManager.default.removeItem(at: folder)
  }

  @discardableResult
  func see(_ text: String, timeout: TimeInterval = 15) async throws -> String {
    guard let tmux else { throw TmuxError.failed(arguments: [], output: "no terminal") }
    let screen = try await tmux.waitFor(text, timeout: timeout)
    screens.append(screen)
    return screen
  }

  func startWizard(_ arguments: String) throws -> Tmux {
    tmux?.kill()
    let tmux = try Tmux(
      command: "\(Binary.snowgate.path) setup \(arguments)", width: 80, height: 24, environment: environment)
    self.tmux = tmux
    return tmux
  }

  func testAPasswordGrantSetupQuitOnTheTokenScreenResumesThereWithEveryField() async throws {
    let simulator = try SimulatorProcess()
    defer { simulator.stop() }
    let instance = simulator.url.absoluteString

    var tmux = try startWizard("")
    try await see("Set up a new connection")
    try tmux.send("Enter")
    try await see("Instance address")
    try tmux.type(instance)
    try await see("→ \(instance)")
    try tmux.send("Enter")
    try await see("A ServiceNow instance answers")
    try tmux.send("Enter")
    try await see("How should snowgate sign in?")
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
