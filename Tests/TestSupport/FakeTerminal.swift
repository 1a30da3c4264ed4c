import Foundation
import TerminalUI
import Testing
import WizardCore

/// A terminal for in-process wizard tests: it answers from a script and keeps every frame.
///
/// The script is a list of steps: wait until the screen shows some text, then press keys or
/// type. A wait that is not met within `patience` fails the test, with the last screen, and
/// presses Ctrl-C so the wizard ends instead of hanging. Every frame shown is kept as text,
/// so a test can grep all of them (for a sentinel secret, say).
public final class FakeTerminal: WizardTerminal {
  /// One step of the script.
  public enum Step: Sendable {
    /// Wait until the current screen contains this text.
    case waitFor(String)
    case keys([Key])
    /// Each character as a key, as a person types it.
    case type(String)
  }

  public let size: (width: Int, height: Int)
  private var steps: [Step]
  private var pending: [Key] = []
  private var waitingSince: Date?
  private let patience: TimeInterval
  private let sourceLocation: SourceLocation
  /// Every frame shown, as text, in order.
  public private(set) var frames: [String] = []
  /// Every model shown, in order.
  public private(set) var models: [ScreenModel] = []
  /// Texts shown with `showPlainText`.
  public private(set) var plainTexts: [String] = []

  public init(
    _ steps: [Step], width: Int = 80, height: Int = 24, patience: TimeInterval = 20,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    self.steps = steps
    self.size = (width, height)
    self.patience = patience
    self.sourceLocation = sourceLocation
  }

  /// The last frame shown, as text.
  public var screen: String { frames.last ?? "" }

  /// Whether every step of the script was used.
  public var isFinished: Bool { steps.isEmpty && pending.isEmpty }

  public func present(_ model: ScreenModel, frame: Frame) {
    models.append(model)
    frames.append(frame.lines().joined(separator: "\n"))
  }

  public func readInput(timeoutMilliseconds: Int) -> TerminalInput? {
    while pending.isEmpty, let step = steps.first {
      switch step {
      case .keys(let keys):
        pending = keys
        steps.removeFirst()
      case .type(let text):
        pending = text.map { Key.character($0) }
        steps.removeFirst()
      case .waitFor(let text):
        if screen.contains(text) {
          steps.removeFirst()
          waitingSince = nil
          continue
        }
        let since = waitingSince ?? Date()
        waitingSince = since
        if Date().timeIntervalSince(since) > patience {
          Issue.record(
            "the screen never showed \"\(text)\"; it shows:\n\(screen)", sourceLocation: sourceLocation)
          steps.removeAll()
          return .key(.interrupt)
        }
        // Work runs on other threads; give it a moment instead of spinning.
        usleep(UInt32(min(max(timeoutMilliseconds, 1), 10)) * 1000)
        return nil
      }
    }
    guard !pending.isEmpty else {
      // The script is over and the wizard still runs: end it, and say so.
      Issue.record(
        "the script ended before the wizard did; it shows:\n\(screen)", sourceLocation: sourceLocation)
      return .key(.interrupt)
    }
    return .key(pending.removeFirst())
  }

  public func showPlainText(_ text: String) {
    plainTexts.append(text)
  }
}
