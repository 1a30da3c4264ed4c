import WizardCore

/// What the terminal reported: a key, or a new size after the window changed.
public enum TerminalInput: Equatable, Sendable {
  case key(Key)
  /// The terminal now has this many columns and rows; render again at this size.
  case resize(width: Int, height: Int)
}
