import Foundation
import XCTest

/// The plain-line wizard end to end: `snowgate setup --plain` driven over a pty by an expect-style
/// script (python3's pty module) against `snowgate simulate`, answering each prompt only once it
/// shows. The saved profile then passes `snowgate check`; the transcript holds no escape byte and
/// no secret (the pty would echo a secret typed while echo was on).
final class PlainWizardEndToEndTests: XCTestCase {
  static let driver = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Support/plain_wizard.py")

  /// Runs the wizard through the driver with `answers`; returns the exit status and transcript.
  func drive(_ workspace: ProfileWorkspace, _ answers: [[String]], extra: [String: String] = [:]) throws
    -> (status: Int32, transcript: String)
  {
    let spec = workspace.folder.appendingPathComponent("spec-\(UUID().uuidString).json")
    try JSONSerialization.data(withJSONObject: answers).write(to: spec)
    let transcript = workspace.folder.appendingPathComponent("transcript-\(UUID().uuidString).txt")
    var environment = [
      "SNOWGATE_CONFIG_DIR=\(workspace.configDirectory.path)", "SNOWGATE_PASSWORD=",
      "SNOWGATE_CLIENT_SECRET=",
      "TERM=xterm-256color",
      // No keyring answers, whatever the machine has: the save screen asks before the file.
      "DBUS_SESSION_BUS_ADDRESS=", "DISPLAY=", "XDG_RUNTIME_DIR=",
    ]
    for (key, value) in extra { environment.append("\(key)=\(value)") }
    let result = try Spawn.run(
      ["/usr/bin/env"] + environment + [
        "python3", Self.driver.path, transcript.path, spec.path, "--", Binary.snowgate.path, "setup",
        "--plain",
      ])
    let text = (try? String(contentsOf: transcript, encoding: .utf8)) ?? result.output
    return (result.status, text)
  }

  func assertClean(_ transcript: String, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertFalse(
      transcript.utf8.contains(0x1B), "the plain wizard wrote an escape byte", file: file, line: line)
    for secret in ProfileWorkspace.sentinels {
      XCTAssertFalse(transcript.contains(secret), "a secret reached the terminal", file: file, line: line)
    }
  }

  func testBasicSetupThroughPlainLinesSavesAProfileThatCheckPasses() throws {
    let workspace = try ProfileWorkspace()
    let url = try workspace.simulator().url.absoluteString
    let (status, transcript) = try drive(
      workspace,
      [
        ["Choose 1-4 [1]: ", "1"], ["\nInstance: ", url], ["\nInstance [", ""], ["Choose 1-8 [1]: ", "1"],
        ["\nUser name: ", ProfileWorkspace.user], ["\nPassword: ", ProfileWorkspace.password],
        ["Choose 1 [1]: ", ""], ["The connection works.", ""], ["Profile name [", "plain-basic"],
        ["Answer (y/n): ", "y"], ["Connection saved", ""],
      ])
    XCTAssertEqual(status, 0, transcript)
    XCTAssertTrue(transcript.contains("Saved the connection 'plain-basic'"), transcript)
    XCTAssertTrue(transcript.contains("Choose 1-8 [1]: "), "the choices are numbered with the default")
    XCTAssertTrue(transcript.contains("> 1) Basic (user name and password)"), "the default choice is marked")
    assertClean(transcript)
    let check = try workspace.run(["check", "plain-basic"])
    XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
    workspace.assertNoSentinel([check.stdout, check.stderr], "check")
  }

  func testPasswordGrantSetupThroughPlainLinesSavesAProfileThatCheckPasses() throws {
    let workspace = try ProfileWorkspace()
    let url = try workspace.simulator().url.absoluteString
    let (status, transcript) = try drive(
      workspace,
      [
        ["Choose 1-4 [1]: ", "1"], ["\nInstance: ", url], ["\nInstance [", ""], ["Choose 1-8 [1]: ", "2"],
        ["\nClient ID: ", ProfileWorkspace.clientID], ["\nClient secret: ", ProfileWorkspace.clientSecret],
        ["\nUser name: ", ProfileWorkspace.user], ["\nPassword: ", ProfileWorkspace.password],
        ["Choose 1 [1]: ", ""], ["The instance issued a token.", ""], ["Choose 1 [1]: ", ""],
        ["The connection works.", ""], ["Profile name [", "plain-password"],
        ["Answer (y/n): ", "y"], ["Connection saved", ""],
      ])
    XCTAssertEqual(status, 0, transcript)
    XCTAssertTrue(transcript.contains("Saved the connection 'plain-password'"), transcript)
    assertClean(transcript)
    let check = try workspace.run(["check", "plain-password"])
    XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
    workspace.assertNoSentinel([check.stdout, check.stderr], "check")
  }

  func testTermDumbAndAPipeGetThePlainWizardInsteadOfARefusal() throws {
    let workspace = try ProfileWorkspace()
    let output = try workspace.run(["setup"], environment: ["TERM": "dumb"], stdin: "4\n")
    XCTAssertEqual(output.status, 1, output.stdout + output.stderr)
    XCTAssertTrue(output.stdout.contains("snowgate: Welcome to snowgate"), output.stdout)
    XCTAssertTrue(output.stdout.contains("  4) Quit"), output.stdout)
    XCTAssertFalse(output.stdout.utf8.contains(0x1B))
    let accessible = try workspace.run(["setup"], environment: ["SNOWGATE_ACCESSIBLE": "1"], stdin: "")
    XCTAssertTrue(accessible.stdout.contains("Choose 1-4 [1]: "), accessible.stdout)
  }
}
