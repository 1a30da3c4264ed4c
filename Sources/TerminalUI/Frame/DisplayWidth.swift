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

  private static func nonLatin(_ v: UInt32, _ scalar: Unicode.Scalar) -> Int {
    if v <= 0x036F { return 0 }  // combining diacritics
    if v < 0x1100 { return 1 }
    if v <= 0x115F { return 2 }  // Hangul Jamo initials
    if v >= 0x200B && v <= 0x200F { return 0 }  // zero-width space, joiners, marks
    if v >= 0x2028 && v <= 0x202E { return 0 }
    if v >= 0x2060 && v <= 0x2064 { return 0 }
    if v >= 0x20D0 && v <= 0x20FF { return 0 }  // combining marks for symbols
    if v < 0x231A { return 1 }
    if v >= 0x2E80 && v <= 0x303E { return 2 }
    if v >= 0x3041 && v <= 0x33FF { return 2 }
    if v >= 0x3400 && v <= 0x4DBF { return 2 }
    if v >= 0x4E00 && v <= 0x9FFF { return 2 }
    if v >= 0xA000 && v <= 0xA4CF { return 2 }
    if v >= 0xAC00 && v <= 0xD7A3 { return 2 }
    if v >= 0xF900 && v <= 0xFAFF { return 2 }
    if v >= 0xFE00 && v <= 0xFE0F { return 0 }  // variation selectors
    if v >= 0xFE20 && v <= 0xFE2F { return 0 }  // combining half marks
    if v >= 0xFE30 && v <= 0xFE4F { return 2 }
    if v >= 0xFF00 && v <= 0xFF60 { return 2 }
    if v >= 0xFFE0 && v <= 0xFFE6 { return 2 }
    if v >= 0x1F300 && v <= 0x1F64F { return 2 }
    if v >= 0x1F900 && v <= 0x1F9FF { return 2 }
    if v >= 0x20000 && v <= 0x3FFFD { return 2 }
    if v >= 0xE0000 && v <= 0xE0FFF { return 0 }  // tags and selectors
    if scalar.properties.isEmojiPresentation { return 2 }
    return 1
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
