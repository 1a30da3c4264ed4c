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

  /// Bullets over the password of a pasted `scheme://user:password@host`, one for one, so a
  /// URL with credentials in it does not show them on screen while the person fixes it.
  static func maskingURLPassword(_ text: String) -> String {
    guard let at = text.firstIndex(of: "@") else { return text }
    let start = text.firstRange(of: "://").map(\.upperBound) ?? text.startIndex
    guard start < at, let colon = text[start..<at].firstIndex(of: ":"),
      !text[start..<at].contains("/")
    else { return text }
    let hidden = text.distance(from: text.index(after: colon), to: at)
    return String(text[...colon]) + bullets(hidden) + String(text[at...])
  }

  private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
  }
}
