/// One column of a `Frame`: a grapheme, its style, and how many columns it covers.
///
/// A wide character (CJK, most emoji) occupies two cells: the first holds the character with
/// `width == 2`, the second is a continuation with `width == 0` that terminals must skip.
public struct Cell: Equatable, Sendable {
  public var character: Character
  public var style: CellStyle
  /// 1 for a normal cell, 2 for the first half of a wide character, 0 for its second half.
  public var width: UInt8

  public init(character: Character, style: CellStyle = .plain, width: UInt8 = 1) {
    self.character = character
    self.style = style
    self.width = width
  }

  public static let blank = Cell(character: " ")

  /// Whether this cell is the second half of a wide character.
  public var isContinuation: Bool { width == 0 }
}
