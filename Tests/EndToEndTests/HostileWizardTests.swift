import Foundation
import XCTest

/// The wizard in a real terminal (tmux) against a server whose messages are escape sequences:
/// they are drawn as visible characters, and the terminal obeys none of them.
final class HostileWizardTests: XCTestCase {
  func testAServerCannotSetTheTitleOrClearTheScreenThroughTheWizard() async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "sg-hostile-wiz-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let server = try HostileServer(mode: "ansi")
    defer { server.stop() }
    let tmux = try Tmux(
      command: "\(Binary.snowgate.path) setup",
      environment: ["SNOWGATE_CONFIG_DIR": folder.appendingPathComponent("config").path])
    defer { tmux.kill() }
    let titleBefore = try tmux.paneTitle()
    try await tmux.waitFor("Set up a new connection")
    try tmux.send("Enter")
    try await tmux.waitFor("Instance address")
    try tmux.type(server.url)
    try await tmux.waitFor("→ \(server.url)")
    try tmux.send("Enter")
    try await tmux.waitFor("A ServiceNow instance answers")
    try tmux.send("Enter")
    try await tmux.waitFor("How should snowgate sign in?")
    try tmux.send("Enter")
    try await tmux.waitFor("Sign in with Basic auth")
    try tmux.type("admin")
    try tmux.send("Tab")
    try tmux.type("S3NT1NEL-wizard-pw")
    try tmux.send("Enter")
    try await tmux.waitFor("Test the connection")
    try tmux.send("Enter")
    let screen = try await tmux.waitFor("PWNED-TITLE", timeout: 20)
    XCTAssertTrue(screen.contains("␛]0;PWNED-TITLE"), "the sequence is drawn as text:\n\(screen)")
    XCTAssertFalse(screen.contains("S3NT1NEL"), screen)
    XCTAssertEqual(try tmux.paneTitle(), titleBefore, "the server set the window title")
    XCTAssertFalse(try tmux.paneTitle().contains("PWNED"))
    XCTAssertTrue(
      screen.contains("Test the connection") || screen.contains("test"),
      "the screen was not cleared:\n\(screen)")
  }
}
