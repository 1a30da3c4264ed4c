/// Text as a field may show it: control characters (a stray paste) become U+FFFD, one for one,
/// so the terminal never receives them and cursor positions stay right.
enum DisplayText {
  static func sanitised(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isControl) else { return text }
    return String(String.UnicodeScalarView(text.unicodeScalars.map { isControl($0) ? "\u{FFFD}" : $0 }))
  }

  /// Bullets, one per character of the secret.
  static func bullets(_ count: Int) -> String {
    String(repeating: "•", count: count)
  }

  private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
  }
}
