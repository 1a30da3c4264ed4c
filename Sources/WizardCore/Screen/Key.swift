import Vocabulary

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
  /// Clears the whole focused field (the plain-line terminal sends it before a typed line).
  case clearField
  /// Ctrl-U: deletes from the start of the field to the cursor, as readline does.
  case deleteToStart
  /// Ctrl-K: deletes from the cursor to the end of the field.
  case deleteToEnd
  /// Ctrl-W and Alt-Backspace: deletes the word before the cursor.
  case deleteWordBackward
  /// Alt-B and Ctrl-←: to the start of this or the previous word.
  case wordLeft
  /// Alt-F and Ctrl-→: to the end of this or the next word.
  case wordRight
  /// A bracketed paste: the whole block at once, exactly as the terminal sent it.
  ///
  /// One event for the whole block, so a 3,000-character paste is one edit (not 3,000 keys),
  /// and the field can tell pasted text (trimmed, first line only) from typed text. The text is
  /// a `Secret` because a paste is often a password or a client secret: a dumped event
  /// shows a mask.
  case paste(Secret)
}
