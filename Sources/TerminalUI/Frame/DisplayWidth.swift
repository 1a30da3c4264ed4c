/// How many terminal columns a character takes, without asking the C library.
///
/// `wcwidth` depends on the process locale (it answers -1 for every non-ASCII character under
/// `LANG=C`), so layout would change with the environment; this small table of East Asian wide
/// ranges and emoji gives the same answer everywhere and is cheap enough for every keystroke.
enum DisplayWidth {
  /// Columns for one grapheme: 0 (draw nothing), 1 or 2. Control characters count 1 because
  /// `Frame` draws them as a visible replacement.
  @inline(__always)
  static func of(_ character: Character) -> Int {
    if character.isASCII { return 1 }
    return ofScalars(character.unicodeScalars)
  }

  static func ofScalars(_ scalars: Character.UnicodeScalarView) -> Int {
    guard let first = scalars.first else { return 0 }
    let base = of(scalar: first)
    if base == 2 { return 2 }
    // A variation selector 16 asks for emoji presentation, which terminals draw two columns wide.
    for next in scalars.dropFirst() where next.value == 0xFE0F { return 2 }
    return base
  }

  /// Columns for a scalar standing alone.
  static func of(scalar: Unicode.Scalar) -> Int {
    let v = scalar.value
    if v < 0x7F { return 1 }
    if v < 0xA0 { return 1 }  // DEL and C1 controls: drawn as a replacement
    if v < 0x0300 { return 1 }
    if v <= 0x036F { return 0 }  // combining diacritics
    if v < 0x1100 { return 1 }
    if v <= 0x115F { return 2 }  // Hangul Jamo initials
    if v >= 0x200B && v <= 0x200F { return 0 }  // zero-width space, joiners, marks
    if v >= 0x2028 && v <= 0x202E { return 0 }
    if v >= 0x2060 && v <= 0x2064 { return 0 }
    if v < 0x231A { return 1 }
    if v >= 0x2E80 && v <= 0x303E { return 2 }
    if v >= 0x3041 && v <= 0x33FF { return 2 }
    if v >= 0x3400 && v <= 0x4DBF { return 2 }
    if v >= 0x4E00 && v <= 0x9FFF { return 2 }
    if v >= 0xA000 && v <= 0xA4CF { return 2 }
    if v >= 0xAC00 && v <= 0xD7A3 { return 2 }
    if v >= 0xF900 && v <= 0xFAFF { return 2 }
    if v >= 0xFE00 && v <= 0xFE0F { return 0 }  // variation selectors
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
    for character in text { total += of(character) }
    return total
  }
}
