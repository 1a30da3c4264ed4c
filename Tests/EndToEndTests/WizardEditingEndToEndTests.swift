import Foundation
import XCTest

/// The wizard's editing as people use it: the real binary in a real 80×24 terminal (tmux),
/// against `snowgate simulate` (user admin/admin, client snowgate-demo/demo-secret).
final class WizardEditingEndToEndTests: XCTestCase, TerminalSessionTest {
  static let wrongPassword = "S3CR3T-wrong-e2e-9931"
  /// The folder, terminal and simulator; every screen looked at is grepped for the secrets.
  var session: TerminalSession!

  override func setUp() async throws {
    session = try TerminalSession(prefix: "sg-e2e-edit")
  }

  override func tearDown() async throws {
    session.end(secrets: [Self.wrongPassword, "demo-secret"])
    session.removeFolder()
  }

  var environment: [String: String] {
    [
      "SNOWGATE_CONFIG_DIR": folder.appendingPathComponent("config").path, "SNOWGATE_PASSWORD": "",
      "SNOWGATE_CLIENT_SECRET": "", "SNOWGATE_REFRESH_TOKEN": "", "TMPDIR": folder.path,
    ]
  }

  func start(_ arguments: String) throws -> Tmux {
    try session.start("\(Binary.snowgate.path) \(arguments)", environment: environment)
  }

  func startSimulator() throws -> URL {
    try session.startSimulator()
  }

  func testSetupWithOptionsOpensFilledInAndPgUpShowsTheFirstLineOfAFailedTest() async throws {
    let url = try startSimulator()
    let tmux = try start("setup e2e --instance \(url.absoluteString) --auth basic --username admin")
    let opened = try await see("Instance address")
    XCTAssertFalse(opened.contains("Set up a new connection"), "the welcome screen was not skipped")
    XCTAssertTrue(opened.contains("→ \(url.absoluteString)"), opened)
    try tmux.send("Enter")
    try await see("A ServiceNow instance answers")
    try tmux.send("Enter")
    let authType = try await see("How should snowgate sign in?")
    XCTAssertTrue(authType.contains("› ○ Basic") || authType.contains("› ● Basic"), authType)
    try tmux.send("Enter")
    let credentials = try await see("Sign in with Basic auth")
    XCTAssertTrue(credentials.contains("[admin"), credentials)
    try tmux.send("Tab")
    try tmux.type(Self.wrongPassword)
    try tmux.send("Enter")
    try await see("Test the connection")
    try tmux.send("Enter")
    let failed = try await see("(401)", timeout: 20)
    XCTAssertTrue(failed.contains("↑ more"), "the result fits; nothing to scroll:\n\(failed)")
    XCTAssertFalse(failed.contains("✓ URL"), failed)
    try tmux.send("PPage")
    try tmux.send("PPage")
    // Each PgUp is drawn as it arrives: wait for the second one to reach the top.
    let top = try await tmux.waitUntil(what: "the top of the result") {
      $0.contains("✓ URL") && !$0.contains("↑ more")
    }
    session.screens.append(top)
    XCTAssertTrue(top.contains("↓ more"), top)
    XCTAssertTrue(top.contains("Test the connection"), top)
    try tmux.send("NPage")
    try tmux.send("NPage")
    let bottom = try await tmux.waitUntil(what: "the end of the result again") {
      !$0.contains("✓ URL") && !$0.contains("↓ more")
    }
    XCTAssertTrue(bottom.contains("(401)"), bottom)
    session.screens.append(bottom)
  }

  func testABracketedMultiLinePasteKeepsTheFirstLineTrimmedAndAltBMovesAWord() async throws {
    let tmux = try start("setup")
    try await see("Set up a new connection")
    try tmux.send("Enter")
    try await see("Instance address")
    try tmux.paste("  dev12345.service-now.com  \nsecond line\nthird line\n")
    let pasted = try await see("2 more lines were left out")
    XCTAssertTrue(pasted.contains("[dev12345.service-now.com__"), pasted)
    XCTAssertTrue(pasted.contains("→ https://dev12345.service-now.com"), pasted)
    XCTAssertFalse(pasted.contains("second line"), pasted)
    try tmux.send("M-b")
    try tmux.type("X")
    let moved = try await see("service-now.Xcom")
    XCTAssertTrue(moved.contains("Instance address"), "Alt-b was read as Esc:\n\(moved)")
    XCTAssertFalse(moved.contains("left out"), "the paste note stays after the next key:\n\(moved)")
    try tmux.send("C-w")
    try await see("[dev12345.service-now.com__")
    try tmux.send("C-Left")
    try tmux.type("Y")
    try await see("[dev12345.service-Ynow.com__")
    try tmux.send("C-Right")
    try tmux.type("Z")
    try await see("[dev12345.service-YnowZ.com__")
    try tmux.send("C-a")
    try tmux.send("C-k")
    try await see("[e.g. dev12345___")
  }

  /// Bracketed paste is the wizard's: once it quits, a paste into the shell is plain text again.
  func testBracketedPasteIsSwitchedOffOnTheWayOut() async throws {
    let tmux = try start("setup; echo \"[quit $?]\"; cat -v")
    try await see("Set up a new connection")
    try tmux.send("C-c")
    try await see("[quit 1]")
    try tmux.paste("after-the-wizard\n")
    let shell = try await see("after-the-wizard")
    XCTAssertFalse(shell.contains("[200~"), "bracketed paste was left on:\n\(shell)")
  }

  func testAPastedClientIDWithSpacesIsTrimmedAndSignsIn() async throws {
    let url = try startSimulator()
    let tmux = try start("setup e2e --instance \(url.absoluteString) --auth password --username admin")
    try await see("Instance address")
    try tmux.send("Enter")
    try await see("A ServiceNow instance answers")
    try tmux.send("Enter")
    try await see("How should snowgate sign in?")
    try tmux.send("Enter")
    try await see("Client ID")
    try tmux.paste("  snowgate-demo  ")
    let note = try await see("Left out the spaces around the pasted text.")
    XCTAssertTrue(note.contains("[snowgate-demo__"), note)
    try tmux.send("Tab")
    try tmux.type("demo-secret")
    try tmux.send("Tab")
    try tmux.send("Tab")
    try tmux.type("admin")
    try tmux.send("Enter")
    try await see("Generate")
    try tmux.send("Enter")
    try await see("The instance issued a token.", timeout: 20)
  }

  func testTheDemoSavesNothingInAGuessablePathAndItsAdviceWorks() async throws {
    let tmux = try start("demo")
    try await see("Set up a new connection")
    try tmux.send("Enter")
    try await see("Instance address")
    try tmux.send("Enter")
    try await see("A ServiceNow instance answers")
    try tmux.send("Enter")
    try await see("How should snowgate sign in?")
    try tmux.send("Enter")
    try await see("Sign in with Basic auth")
    try tmux.type("admin")
    try tmux.send("Tab")
    try tmux.type("admin")
    try tmux.send("Enter")
    try await see("Test the connection")
    try tmux.send("Enter")
    try await see("The connection works.", timeout: 20)
    try tmux.send("Enter")
    try await see("Save the connection")
    try tmux.send("Enter")
    let done = try await see("Practice connection saved")
    XCTAssertTrue(done.contains("practice instance"), done)
    XCTAssertTrue(done.contains("~/.config/snowgate/config.json") || done.contains("config.json"), done)
    let made = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
      $0.hasPrefix("snowgate-demo-")
    }
    XCTAssertEqual(made.count, 1, "\(made)")
    if let name = made.first {
      XCTAssertFalse(
        name.allSatisfy { $0.isNumber || $0 == "-" || $0.isLowercase && "snowgatedemo".contains($0) })
      let mode =
        try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path)[
          .posixPermissions] as? Int
      XCTAssertEqual(mode, 0o700)
    }
    XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("config").path))
    let advice = done.split(separator: "\n").compactMap { line -> String? in
      // A command line of the box: "│    snowgate setup          sets up …   │".
      let inside = line.trimmingCharacters(in: CharacterSet(charactersIn: "│ "))
      let words = inside.split(separator: " ", omittingEmptySubsequences: true)
      guard words.count >= 2, words[0] == "snowgate", words[1].first?.isLetter == true else { return nil }
      var command = [String(words[1])]
      if words.count > 2, words[2].hasPrefix("--") { command.append(String(words[2])) }
      return command.joined(separator: " ")
    }
    XCTAssertFalse(advice.isEmpty, done)
    XCTAssertFalse(advice.contains { $0.hasPrefix("check") || $0.hasPrefix("token") }, "\(advice)")
    try tmux.send("Enter")
    let closing = try await see("[exit 0]")
    XCTAssertFalse(closing.contains("Next: snowgate check"), closing)
    let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
      $0.hasPrefix("snowgate-demo")
    }
    XCTAssertEqual(left, [], "the demo left its folder behind")
    // Every command the done screen advised opens the wizard when typed.
    for command in Set(advice) {
      tmux.kill()
      let typed = try start(command)
      let screen = try await see("snowgate ›")
      XCTAssertFalse(screen.contains("[exit"), "snowgate \(command) failed:\n\(screen)")
      typed.kill()
    }
  }
}
