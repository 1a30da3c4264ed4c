import Foundation

/// Drives a real program in a real terminal: a detached tmux session of a fixed size.
///
/// Each instance uses its own tmux server socket (`-L`), so tests never touch a user's tmux
/// and can run side by side.
final class Tmux: @unchecked Sendable {
  let socket: String
  let session = "e2e"
  private(set) var isRunning = false

  /// Starts `command` (run by /bin/sh inside tmux) in a width×height terminal.
  init(command: String, width: Int = 80, height: Int = 24, environment: [String: String] = [:]) throws {
    socket = "sg-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
    var env = ""
    for (key, value) in environment.sorted(by: { $0.key < $1.key }) {
      env += "export \(key)=\(Tmux.shellQuote(value)); "
    }
    // remain-on-exit keeps the last screen readable after the program ends.
    // The tmux server that new-session starts inherits the client's stdout: a pipe there would
    // never reach end-of-file, so this one call writes to /dev/null.
    try run(
      captureOutput: false,
      [
        "new-session", "-d", "-s", session, "-x", String(width), "-y", String(height),
        "export TERM=xterm-256color; \(env)\(command); echo '[exit '$?']'; sleep 30",
      ])
    isRunning = true
  }

  deinit { kill() }

  /// Types keys; names like Enter, Escape, Tab, BTab, Up, Down, C-c, F1 are tmux key names.
  func send(_ keys: String...) throws {
    try run(["send-keys", "-t", session] + keys)
  }

  /// Types text literally, character by character as a person would.
  func type(_ text: String) throws {
    try run(["send-keys", "-t", session, "-l", text])
  }

  /// Pastes `text` as a terminal does: tmux wraps it in ESC[200~ … ESC[201~ only when the
  /// program switched bracketed paste on (ESC[?2004h), so this also proves that it did.
  func paste(_ text: String) throws {
    try run(["set-buffer", "-b", "e2e", "--", text])
    try run(["paste-buffer", "-p", "-r", "-d", "-b", "e2e", "-t", session])
  }

  /// The visible screen as a person sees it.
  func capture() throws -> String {
    try run(["capture-pane", "-p", "-t", session])
  }

  /// The pane's title, which a program sets with the escape sequence `ESC ] 0 ; … BEL`.
  func paneTitle() throws -> String {
    try run(["display-message", "-p", "-t", session, "#{pane_title}"])
  }

  func resize(width: Int, height: Int) throws {
    try run(["resize-window", "-t", session, "-x", String(width), "-y", String(height)])
  }

  /// Waits until the screen contains `text`; returns the screen, or throws with the last screen.
  @discardableResult
  func waitFor(_ text: String, timeout: TimeInterval = 15) async throws -> String {
    try await waitUntil(timeout: timeout, what: "'\(text)'") { $0.contains(text) }
  }

  @discardableResult
  func waitUntil(timeout: TimeInterval = 15, what: String, _ predicate: (String) -> Bool) async throws
    -> String
  {
    let deadline = Date().addingTimeInterval(timeout)
    var screen = ""
    while Date() < deadline {
      screen = (try? capture()) ?? ""
      if predicate(screen) {
        // A capture can land while a frame is half written (the new title over the old
        // footer): take the screen only when a second look 30 ms later finds it the same.
        try await Task.sleep(nanoseconds: 30_000_000)
        let again = (try? capture()) ?? ""
        if again == screen { return screen }
        continue
      }
      try await Task.sleep(nanoseconds: 50_000_000)
    }
    throw TmuxError.timedOut(waitingFor: what, screen: screen)
  }

  func kill() {
    guard isRunning else { return }
    isRunning = false
    _ = try? run(["kill-server"])
  }

  @discardableResult
  private func run(captureOutput: Bool = true, _ arguments: [String]) throws -> String {
    let result = try Spawn.run(["tmux", "-L", socket, "-f", "/dev/null"] + arguments)
    guard result.status == 0 else {
      throw TmuxError.failed(arguments: arguments, output: result.output)
    }
    return result.output
  }

  static func shellQuote(_ value: String) -> String {
    "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}

enum TmuxError: Error, CustomStringConvertible {
  case timedOut(waitingFor: String, screen: String)
  case failed(arguments: [String], output: String)

  var description: String {
    switch self {
    case .timedOut(let what, let screen):
      return "timed out waiting for \(what); the screen was:\n\(screen)"
    case .failed(let arguments, let output):
      return "tmux \(arguments.joined(separator: " ")) failed: \(output)"
    }
  }
}
