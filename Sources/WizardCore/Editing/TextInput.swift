/// The text of one editable field and where its cursor is.
///
/// The cursor counts characters (grapheme clusters), the same unit the screen model uses, so a
/// renderer can place it without re-measuring the string.
public struct TextInput: Equatable, Sendable {
  public var text: String
  /// 0...text.count.
  public var cursor: Int

  /// The most a field holds, in UTF-8 bytes (typed or pasted). Far above any address, name,
  /// ID or secret; a bound so that pasting a whole file cannot grow the wizard without limit.
  /// Bytes, not characters: counting them costs nothing on every key.
  public static let maximumBytes = 8 * 1024

  /// What to say when a key or a paste was left out because the field is full.
  public static let fullSentence = "A field holds at most 8 KiB of text; the rest was left out."

  /// Whether the field cannot take another character.
  public var isFull: Bool { text.utf8.count >= Self.maximumBytes }

  public init(_ text: String = "", cursor: Int? = nil) {
    self.text = text
    self.cursor = cursor ?? text.count
  }

  /// Applies an editing key; returns whether the key was an editing key at all.
  ///
  /// Keys that do not edit text (Enter, Tab, arrows up and down, …) are left to the screen.
  public mutating func apply(_ key: Key) -> Bool {
    switch key {
    case .character(let character):
      if isFull { return true }  // an editing key still, just one that does nothing
      if cursor >= text.count {
        text.append(character)
        cursor = text.count
      } else {
        text.insert(character, at: index(cursor))
        cursor += 1
      }
    case .left:
      cursor = max(0, cursor - 1)
    case .right:
      cursor = min(text.count, cursor + 1)
    case .home:
      cursor = 0
    case .end:
      cursor = text.count
    case .backspace:
      guard cursor > 0 else { return true }
      text.remove(at: index(cursor - 1))
      cursor -= 1
    case .delete:
      guard cursor < text.count else { return true }
      text.remove(at: index(cursor))
    case .clearField:
      text = ""
      cursor = 0
    default:
      return false
    }
    return true
  }

  private func index(_ offset: Int) -> String.Index {
    text.index(text.startIndex, offsetBy: offset)
  }
}
