import Foundation
import XCTest

/// The wizard as a person uses it: the real binary in a real 80×24 terminal (tmux), talking
/// HTTP to `snowgate simulate` in another process.
final class WizardEndToEndTests: XCTestCase, TerminalSessionTest {
  static let password = "S3CR3T-e2e-Pw-4711"
  /// The folder, terminal and simulator; every screen looked at is grepped for the password.
  var session: TerminalSession!

  override func setUp() async throws {
    session = try TerminalSession(prefix: "sg-e2e")
  }

  override func tearDown() async throws {
    session.end(secrets: [Self.password])
    session.removeFolder()
  }

  /// A simulated instance whose only user has the sentinel password.
  func startSimulator(scenarios: [String] = []) throws -> URL {
    try session.startSimulator([
      "users": [["userName": "integration.user", "password": Self.password]],
      "oauthClients": [] as [Any],
      "scenarios": scenarios,
    ])
  }

  /// snowgate setup in tmux, with its own config folder and request log; its pid in `pid`.
  func startWizard(width: Int = 80, height: Int = 24) throws -> Tmux {
    let config = folder.appendingPathComponent("config").path
    let log = folder.appendingPathComponent("requests.log").path
    let command =
      "stty -g > \(folder.path)/stty-before; sh -c 'echo $$ > \(folder.path)/pid; exec \(Binary.snowgate.path) setup';"
      + " echo \"[exit $?]\"; stty -g > \(folder.path)/stty-after"
    return try session.start(
      command, width: width, height: height,
      environment: [
        "SNOWGATE_CONFIG_DIR": config, "SNOWGATE_LOG": log,
        // No keyring answers, whatever the machine has: the save screen asks before the file.
        "DBUS_SESSION_BUS_ADDRESS": "", "DISPLAY": "", "XDG_RUNTIME_DIR": "",
      ])
  }

  /// Welcome → instance → probe → Basic → credentials typed; leaves the wizard on the test screen.
  func walkToTest(instance: URL, password: String) async throws {
    guard let tmux else { return }
    try await session.walkToSignInChoice(instance: instance.absoluteString)
    try tmux.send("Enter")
    try await see("Sign in with Basic auth")
    try tmux.type("integration.user")
    try tmux.send("Tab")
    try tmux.type(password)
    try tmux.send("Enter")
    try await see("Test the connection")
  }

  func testBasicSetupEndToEndSavesAProfile() async throws {
    let url = try startSimulator()
    let tmux = try startWizard()
    try await walkToTest(instance: url, password: Self.password)
    try tmux.send("Enter")
    try await see("The connection works.")
    try tmux.send("Enter")
    try await see("Save the connection")
    try tmux.send("C-u")
    try tmux.type("e2e-local")
    try tmux.send("Enter")
    try await see("Keep the secrets in a plain file?")
    try tmux.send("y")
    try await see("Connection saved")
    try tmux.send("Enter")
    try await see("[exit 0]")

    let configText = try String(
      contentsOf: folder.appendingPathComponent("config/config.json"), encoding: .utf8)
    let config = try JSONSerialization.jsonObject(with: Data(configText.utf8)) as? [String: Any]
    let profiles = config?["profiles"] as? [[String: Any]] ?? []
    XCTAssertEqual(profiles.first?["name"] as? String, "e2e-local")
    XCTAssertEqual(profiles.first?["instanceURL"] as? String, url.absoluteString)
    XCTAssertEqual(profiles.first?["username"] as? String, "integration.user")
    XCTAssertFalse(configText.contains(Self.password), "config.json holds the password")

    let credentials = folder.appendingPathComponent("config/credentials.json")
    let mode = try FileManager.default.attributesOfItem(atPath: credentials.path)[.posixPermissions] as? Int
    XCTAssertEqual(mode, 0o600)
    let log = try String(contentsOf: folder.appendingPathComponent("requests.log"), encoding: .utf8)
    XCTAssertTrue(log.contains("/api/now/table/sys_user"), "the request log misses the test call")
    XCTAssertFalse(log.contains(Self.password), "the request log holds the password")
    let basic = Data("integration.user:\(Self.password)".utf8).base64EncodedString()
    XCTAssertFalse(log.contains(basic), "the request log holds the Authorization header")
  }

  func testWrongPasswordShowsThe401Diagnosis() async throws {
    let url = try startSimulator()
    let tmux = try startWizard()
    try await walkToTest(instance: url, password: "not-the-password")
    try tmux.send("Enter")
    let screen = try await see("refused the user name and password (401)")
    XCTAssertTrue(screen.contains("Change the user name or password"))
  }

  func testHibernatingInstanceSaysHowToWakeIt() async throws {
    let url = try startSimulator(scenarios: ["hibernating"])
    let tmux = try startWizard()
    try await see("Set up a new connection")
    try tmux.send("Enter")
    try tmux.type(url.absoluteString)
    try tmux.send("Enter")
    let screen = try await see("hibernating")
    XCTAssertTrue(screen.contains("developer.servicenow.com"), screen)
  }

  func testSingleSignOnIsNamedAndTheBrowserSignInComesFirst() async throws {
    let url = try startSimulator(scenarios: ["sso"])
    let tmux = try startWizard()
    try await see("Set up a new connection")
    try tmux.send("Enter")
    try tmux.type(url.absoluteString)
    try tmux.send("Enter")
    let instance = try await see("single sign-on at idp.example.test")
    XCTAssertTrue(instance.contains("A ServiceNow instance answers"), instance)
    try tmux.send("Enter")
    let authType = try await see("How should snowgate sign in?")
    let lines = authType.split(separator: "\n").map(String.init)
    let browser = try XCTUnwrap(lines.firstIndex { $0.contains("OAuth authorization code in a browser") })
    let basic = try XCTUnwrap(lines.firstIndex { $0.contains("Basic (user name and password)") })
    XCTAssertLessThan(browser, basic, "the browser sign-in is not first:\n\(authType)")
    XCTAssertTrue(lines[browser].contains("›"), "the browser sign-in has not the focus:\n\(authType)")
    XCTAssertTrue(authType.contains("local integration user"), authType)
  }

  func testResizeRedrawsAndTooSmallComesBack() async throws {
    let tmux = try startWizard()
    try await see("Set up a new connection")
    try tmux.resize(width: 100, height: 30)
    let wide = try await tmux.waitUntil(what: "a 100-column frame") { screen in
      screen.split(separator: "\n").contains { $0.hasPrefix("┌") && $0.count == 100 }
    }
    session.screens.append(wide)
    try tmux.resize(width: 50, height: 15)
    try await see("needs at least 60×20")
    try tmux.resize(width: 80, height: 24)
    let back = try await see("Set up a new connection")
    XCTAssertFalse(back.contains("needs at least"))
  }

  func testCtrlCLeavesTheTerminalAsItWas() async throws {
    let url = try startSimulator()
    let tmux = try startWizard()
    try await see("Set up a new connection")
    try tmux.send("Enter")
    try tmux.type(url.absoluteString)
    try await see("→ \(url.absoluteString)")
    try tmux.send("C-c")
    try await see("Quit without saving?")
    try tmux.send("y")
    try await see("[exit 1]")
    let after = folder.appendingPathComponent("stty-after")
    _ = try await tmux.waitUntil(what: "stty-after written") { _ in
      FileManager.default.fileExists(atPath: after.path)
        && ((try? String(contentsOf: after, encoding: .utf8)) ?? "").contains(":")
    }
    let before = try String(contentsOf: folder.appendingPathComponent("stty-before"), encoding: .utf8)
    XCTAssertEqual(before, try String(contentsOf: after, encoding: .utf8))
    XCTAssertFalse(
      FileManager.default.fileExists(atPath: folder.appendingPathComponent("config/config.json").path),
      "quitting saved something")
  }

  func testTerminationSignalsRestoreTheTerminal() async throws {
    let signals = [
      SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE, SIGXCPU, SIGSEGV, SIGBUS, SIGABRT,
    ]
    for (signal, status) in signals.map({ ($0, 128 + $0) }) {
      tmux?.kill()
      try? FileManager.default.removeItem(at: folder.appendingPathComponent("stty-after"))
      let tmux = try startWizard()
      try await see("Set up a new connection")
      let pidText = try String(contentsOf: folder.appendingPathComponent("pid"), encoding: .utf8)
      let pid = try XCTUnwrap(Int32(pidText.trimmingCharacters(in: .whitespacesAndNewlines)))
      if signal == SIGTERM {
        // Core dumps are off while secrets may be in memory.
        let limits = try String(contentsOfFile: "/proc/\(pid)/limits", encoding: .utf8)
        let core = limits.split(separator: "\n").first { $0.hasPrefix("Max core file size") }
        XCTAssertEqual(
          core?.split(separator: " ", omittingEmptySubsequences: true).dropFirst(4).prefix(2), ["0", "0"])
      }
      XCTAssertEqual(kill(pid, signal), 0)
      try await see("[exit \(status)]")
      let after = folder.appendingPathComponent("stty-after")
      _ = try await tmux.waitUntil(what: "stty-after written") { _ in
        ((try? String(contentsOf: after, encoding: .utf8)) ?? "").contains(":")
      }
      let before = try String(contentsOf: folder.appendingPathComponent("stty-before"), encoding: .utf8)
      XCTAssertEqual(before, try String(contentsOf: after, encoding: .utf8), "signal \(signal)")
    }
  }

  func testQuitAfterTheInstanceIsKeptAsUnfinishedAndResumes() async throws {
    let url = try startSimulator()
    var tmux = try startWizard()
    try await see("Set up a new connection")
    try tmux.send("Enter")
    try tmux.type(url.absoluteString)
    try tmux.send("Enter")
    try await see("A ServiceNow instance answers")
    try tmux.send("Enter")
    try tmux.send("Enter")
    try await see("Sign in with Basic auth")
    try tmux.type("integration.user")
    try tmux.send("Tab")
    try tmux.type(Self.password)
    try tmux.send("C-c")
    try await see("Quit and finish later?")
    try tmux.send("y")
    try await see("Kept as an unfinished setup")
    let config = try String(contentsOf: folder.appendingPathComponent("config/config.json"), encoding: .utf8)
    XCTAssertTrue(config.contains("integration.user"), config)
    XCTAssertFalse(config.contains(Self.password), "a draft kept the password")
    let credentials = folder.appendingPathComponent("config/credentials.json")
    if let stored = try? String(contentsOf: credentials, encoding: .utf8) {
      XCTAssertFalse(stored.contains(Self.password), "a draft stored the password")
    }

    tmux.kill()
    tmux = try startWizard()
    try await see("unfinished).")
    try tmux.send("Down")
    try tmux.send("Enter")
    try await see("unfinished")
    try tmux.send("Enter")
    // It reopens where it stopped, the user name kept; the password is asked again.
    // Waited for by the kept user name: the title alone can be read before the fields are
    // painted (tmux captured a half-drawn frame once, under load).
    let resumed = try await see("integration.user")
    XCTAssertTrue(resumed.contains("Sign in with Basic auth"), resumed)
    try tmux.send("Escape")
    let back = try await see("How should snowgate sign in?")
    XCTAssertFalse(back.contains("Instance address"), back)
  }

  func testDiagnoseASavedConnectionShowsTheFailingLayerAndOpensItsFix() async throws {
    let url = try startSimulator()
    let config = folder.appendingPathComponent("config").path
    let saved = try Binary.run(
      [
        "setup", "stale", "--no-input", "--store", "file", "--instance", url.absoluteString, "--auth",
        "basic", "--username",
        "integration.user", "--save-anyway",
      ],
      environment: ["SNOWGATE_CONFIG_DIR": config, "SNOWGATE_PASSWORD": "an-old-password"])
    XCTAssertEqual(saved.status, 0, saved.stderr)
    let tmux = try startWizard()
    try await see("Diagnose a saved connection")
    try tmux.send("Down", "Down", "Enter")
    try await see("stale")
    try tmux.send("Enter")
    let screen = try await see("refused the user name and password (401)")
    XCTAssertTrue(screen.contains("Diagnose stale"), screen)
    XCTAssertTrue(screen.contains("Auth"), screen)
    try tmux.send("Enter")
    try await see("Sign in with Basic auth")
  }

  func testSetupWithoutATerminalExplainsAndExits2() async throws {
    let out = try Binary.run(["setup"], environment: ["SNOWGATE_CONFIG_DIR": folder.path])
    XCTAssertEqual(out.status, 2)
    XCTAssertTrue(out.stderr.contains("needs a terminal"), out.stderr)
  }
}
