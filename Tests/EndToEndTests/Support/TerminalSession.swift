import Foundation
import XCTest

/// One end-to-end test's terminal: its own temporary folder, snowgate (or any command) in a tmux
/// session, the simulator it talks to, and every screen the test looked at.
///
/// The wizard tests each repeated this setup (a folder per test, start in tmux, wait for a
/// screen and keep it, kill everything and grep the kept screens for the sentinel secrets);
/// this is it once, so a new terminal test gets the secret check by using it.
final class TerminalSession: @unchecked Sendable {
  let folder: URL
  /// The terminal started last, if any.
  private(set) var tmux: Tmux?
  /// The simulator started with `startSimulator`, stopped by `end`.
  private(set) var simulator: SimulatorProcess?
  /// Every screen the test looked at (`see` keeps them; a test adds its own captures).
  var screens: [String] = []

  /// Makes an empty folder `prefix-UUID` in the temporary directory.
  init(prefix: String) throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  /// Starts `command` (run by /bin/sh) in a width×height terminal, ending the one before.
  @discardableResult
  func start(
    _ command: String, width: Int = 80, height: Int = 24, environment: [String: String] = [:]
  ) throws -> Tmux {
    tmux?.kill()
    let started = try Tmux(command: command, width: width, height: height, environment: environment)
    tmux = started
    return started
  }

  /// A `snowgate simulate` process; with `scenario`, that instance file (users, clients,
  /// scenarios) written into the folder first.
  func startSimulator(_ scenario: [String: Any]? = nil, extraArguments: [String] = []) throws -> URL {
    var file: String?
    if let scenario {
      let url = folder.appendingPathComponent("instance.json")
      try JSONSerialization.data(withJSONObject: scenario).write(to: url)
      file = url.path
    }
    let started = try SimulatorProcess(scenario: file, extraArguments: extraArguments)
    simulator = started
    return started.url
  }

  /// Waits until the screen shows `text` and keeps the screen for the secret check.
  @discardableResult
  func see(_ text: String, timeout: TimeInterval = 15) async throws -> String {
    guard let tmux else { throw TmuxError.failed(arguments: [], output: "no terminal") }
    let screen = try await tmux.waitFor(text, timeout: timeout)
    screens.append(screen)
    return screen
  }

  /// The wizard's first steps as a person takes them: welcome, the instance typed, the probe's
  /// answer, up to the sign-in choice; each screen waited for and kept.
  func walkToSignInChoice(instance: String) async throws {
    guard let tmux else { throw TmuxError.failed(arguments: [], output: "no terminal") }
    try await see("Set up a new connection")
    try tmux.send("Enter")
    try await see("Instance address")
    try tmux.type(instance)
    try await see("→ \(instance)")
    try tmux.send("Enter")
    try await see("A ServiceNow instance answers")
    try tmux.send("Enter")
    try await see("How should snowgate sign in?")
  }

  /// Ends the terminal and the simulator, then asserts that no kept screen shows a secret.
  func end(secrets: [String], file: StaticString = #filePath, line: UInt = #line) {
    tmux?.kill()
    simulator?.stop()
    for screen in screens {
      for secret in secrets {
        XCTAssertFalse(
          screen.contains(secret), "a screen showed a secret:\n\(screen)", file: file, line: line)
      }
    }
  }

  /// Removes the folder and everything the test left in it.
  func removeFolder() {
    try? FileManager.default.removeItem(at: folder)
  }
}

/// A test class with a `TerminalSession`: the folder, terminal and `see` of its session.
protocol TerminalSessionTest: AnyObject {
  var session: TerminalSession! { get }
}

extension TerminalSessionTest {
  var folder: URL { session.folder }
  var tmux: Tmux? { session.tmux }

  @discardableResult
  func see(_ text: String, timeout: TimeInterval = 15) async throws -> String {
    try await session.see(text, timeout: timeout)
  }
}
