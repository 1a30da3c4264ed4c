import Foundation
import XCTest

/// Without libncursesw.so.6, commands that draw no full screen still work, and the wizard
/// says what to install (and that the plain-line mode works) instead of the program failing
/// to start.
final class WizardNcursesMissingTests: XCTestCase {
  func testAMissingNcursesIsExplainedAndTheRestStillRuns() async throws {
    let library = URL(fileURLWithPath: "/usr/lib/x86_64-linux-gnu/libncursesw.so.6").resolvingSymlinksInPath()
      .path
    guard FileManager.default.fileExists(atPath: library) else {
      throw XCTSkip("no libncursesw.so.6 at \(library)")
    }
    // /dev/null over the library, in a user and mount namespace only this run sees.
    let hide = "unshare -rm sh -c 'mount --bind /dev/null \"$0\" && exec \"$@\"' \(Tmux.shellQuote(library))"
    let probe = try CheckRun.run(
      ["--help"],
      launcher: ["unshare", "-rm", "sh", "-c", "mount --bind /dev/null \"$0\" && exec \"$@\"", library])
    guard probe.status == 0 else { throw XCTSkip("user and mount namespaces are not available here") }
    XCTAssertTrue(probe.stdout.contains("Usage: snowgate"), probe.stdout + probe.stderr)

    let config = FileManager.default.temporaryDirectory.appendingPathComponent(
      "sg-nocurses-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: config) }
    let tmux = try Tmux(
      command: "\(hide) \(Tmux.shellQuote(Binary.snowgate.path)) setup",
      environment: ["SNOWGATE_CONFIG_DIR": config.path])
    defer { tmux.kill() }
    let screen = try await tmux.waitFor("[exit ")
    XCTAssertTrue(
      screen.contains("the full-screen wizard needs ncursesw, and it could not be loaded:"), screen)
    XCTAssertTrue(screen.contains("libncursesw.so.6"), screen)
    XCTAssertTrue(screen.contains("apt-get install libncursesw6"), screen)
    // Whole on one line: the message fits the 80 columns, where tmux would wrap a longer one.
    XCTAssertTrue(screen.contains("snowgate setup --plain"), screen)
    XCTAssertTrue(screen.contains("[exit 2]"), screen)
  }
}
