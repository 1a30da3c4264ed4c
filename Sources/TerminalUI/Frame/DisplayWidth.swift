/// How many terminal columns text takes, without asking the C library.
///
/// `wcwidth` depends on the process locale (it answers -1 for every non-ASCII character under
/// `LANG=C`), so layout would change with the environment; this small table of East Asian wide
/// ranges and emoji gives the same answer everywhere. It measures unicode scalars, as ncurses
/// and terminals do, so what the layout measures is what `Frame.put` writes.
enum DisplayWidth {
  /// Columns for a scalar: 0 (joins the previous cell), 1 or 2. Control characters count 1
  /// because `Frame` draws them as a visible `?`.
  @inline(__always)
  static func of(scalar: Unicode.Scalar) -> Int {
    let v = scalar.value
    if v < 0x300 { return 1 }
    if v >= 0x2000 && v < 0x3000 { return Int(symbols[Int(v - 0x2000)]) }
    return nonLatin(v, scalar)
  }

  /// Widths of U+2000 to U+2FFF (punctuation, arrows, box lines, symbols, braille) worked out
  /// once: screens draw these on every frame, and the emoji property lookup is slow.
  private static let symbols: [UInt8] = (0x2000..<0x3000).map { value in
    UInt8(nonLatin(UInt32(value), Unicode.Scalar(UInt32(value))!))
  }

  /// The rules behind glibc's `wcwidth`: marks and format characters join the previous
  /// cell, East Asian wide and emoji-presentation characters take two columns.
  private static func nonLatin(_ v: UInt32, _ scalar: Unicode.Scalar) -> Int {
    if v >= 0x1160 && v <= 0x11FF { return 0 }  // Hangul medial vowels and final consonants
    let properties = scalar.properties
    switch properties.generalCategory {
    case .nonspacingMark, .enclosingMark: return 0
    case .format: return isPrependedMark(v) ? 1 : 0
    default: break
    }
    if v >= 0x1100 && v <= 0x115F { return 2 }  // Hangul initial consonants
    if v < 0x231A { return 1 }
    if v >= 0x2E80 && v <= 0x303E { return 2 }
    if v >= 0x3041 && v <= 0x33FF { return 2 }
    if v >= 0x3400 && v <= 0x4DBF { return 2 }
    if v >= 0x4E00 && v <= 0x9FFF { return 2 }
    if v >= 0xA000 && v <= 0xA4CF { return 2 }
    if v >= 0xAC00 && v <= 0xD7A3 { return 2 }
    if v >= 0xF900 && v <= 0xFAFF { return 2 }
    if v >= 0xFE10 && v <= 0xFE19 { return 2 }  // vertical forms
    if v >= 0xFE30 && v <= 0xFE4F { return 2 }
    if v >= 0xFF00 && v <= 0xFF60 { return 2 }
    if v >= 0xFFE0 && v <= 0xFFE6 { return 2 }
    if v >= 0x1F1E6 && v <= 0x1F1FF { return 1 }  // regional indicators (halves of flags)
    if v >= 0x1F200 && v <= 0x1F2FF { return 2 }  // enclosed ideographs
    if v >= 0x20000 && v <= 0x3FFFD { return 2 }
    if properties.isEmojiPresentation { return 2 }
    return 1
  }

  /// Format characters that are drawn (Arabic number signs and the like), not invisible.
  private static func isPrependedMark(_ v: UInt32) -> Bool {
    (v >= 0x600 && v <= 0x605) || v == 0x6DD || v == 0x70F || v == 0x890 || v == 0x891 || v == 0x8E2
      || v == 0x110BD || v == 0x110CD
  }

  /// Columns for a whole string.
  static func of(_ text: some StringProtocol) -> Int {
    var total = 0
    for scalar in text.unicodeScalars { total += of(scalar: scalar) }
    return total
  }

  /// Columns for one grapheme.
  static func of(_ character: Character) -> Int {
    var total = 0
    for scalar in character.unicodeScalars { total += of(scalar: scalar) }
    return total
  }
}
