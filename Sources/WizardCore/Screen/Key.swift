/// A key as the wizard understands it, independent of the terminal that produced it.
///
/// The terminal layer decodes its raw input into these; the reducer never sees ncurses codes.
public enum Key: Equatable, Sendable {
  case character(Character)
  case enter
  case escape
  case tab
  case backTab
  case up
  case down
  case left
  case right
  case home
  case end
  case backspace
  case delete
  case pageUp
  case pageDown
  /// F1: help for the current screen.
  case help
  /// Ctrl-C.
  case interrupt
  /// Ctrl-R: reveal or hide a secret field on the current screen.
  case toggleReveal
  /// Ctrl-U: clear the focused field.
  case clearField
}
