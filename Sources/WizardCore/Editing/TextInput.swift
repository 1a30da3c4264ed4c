/// The text of one editable field and where its cursor is.
///
/// The cursor counts characters (grapheme clusters), the same unit the screen model uses, so a
/// renderer can place it without re-measuring the string. The keys are readline's, because
/// that is what a shell user's fingers already know.
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
  /// A paste is inserted as it comes; the reducer has already cut it to one clean line.
  public mutating func apply(_ key: Key) -> Bool {
    switch key {
    case .character(let character):
      insert(String(character))
    case .paste(let pasted):
      insert(pasted.reveal())
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
    case .deleteToStart:
      text.removeSubrange(text.startIndex..<index(cursor))
      cursor = 0
    case .deleteToEnd:
      text.removeSubrange(index(cursor)..<text.endIndex)
    case .deleteWordBackward:
      let start = wordStart(before: cursor)
      text.removeSubrange(index(start)..<index(cursor))
      cursor = start
    case .wordLeft:
      cursor = wordStart(before: cursor)
    case .wordRight:
      cursor = wordEnd(after: cursor)
    default:
      return false
    }
    return true
  }

  private mutating func insert(_ typed: String) {
    // The bound covers typed keys and pastes alike: what does not fit is not kept.
    var inserted = ""
    var room = Self.maximumBytes - text.utf8.count
    for character in typed {
      let size = character.utf8.count
      guard size <= room else { break }
      inserted.append(character)
      room -= size
    }
    guard !inserted.isEmpty else { return }
    if cursor >= text.count {
      text.append(inserted)
      cursor = text.count
    } else {
      text.insert(contentsOf: inserted, at: index(cursor))
      cursor += inserted.count
    }
  }

  /// Where a word starts, going left from `offset` over separators first (readline's Alt-B).
  ///
  /// A word is a run of letters and digits, so in `https://dev1.service-now.com` each of
  /// `https`, `dev1`, `service`, `now`, `com` is one.
  private func wordStart(before offset: Int) -> Int {
    let characters = Array(text)
    var position = min(offset, characters.count)
    while position > 0, !Self.isWord(characters[position - 1]) { position -= 1 }
    while position > 0, Self.isWord(characters[position - 1]) { position -= 1 }
    return position
  }

  /// Where a word ends, going right from `offset` over separators first (readline's Alt-F).
  private func wordEnd(after offset: Int) -> Int {
    let characters = Array(text)
    var position = max(0, offset)
    while position < characters.count, !Self.isWord(characters[position]) { position += 1 }
    while position < characters.count, Self.isWord(characters[position]) { position += 1 }
    return position
  }

  private static func isWord(_ character: Character) -> Bool {
    character.isLetter || character.isNumber
  }

  private func index(_ offset: Int) -> String.Index {
    text.index(text.startIndex, offsetBy: offset)
  }
}
