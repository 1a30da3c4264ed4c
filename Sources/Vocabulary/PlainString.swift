/// Small string operations in the standard library alone, for the paths every `check` runs.
///
/// Foundation's versions (`trimmingCharacters(in:)`, `replacingOccurrences(of:with:)`) bridge
/// the string to an `NSString` of UTF-16; the first such call in a process costs the Swift
/// runtime's generic type lookups (about 0.2 ms here, measured with `perf record` on
/// `snowgate check`), a real share of a check that curl does in 10 ms. These give the same
/// results on the inputs they serve (header values, paths, typed addresses, secrets).
public enum PlainString {
  /// `text` without the leading and trailing characters of `CharacterSet.whitespaces` (tab, the
  /// Unicode space separators and U+200B), and with `newlines`, of `.whitespacesAndNewlines`.
  public static func trimmed(_ text: some StringProtocol, newlines: Bool = false) -> String {
    let scalars = String(text).unicodeScalars
    func blank(_ scalar: Unicode.Scalar) -> Bool {
      switch scalar.value {
      case 0x09, 0x200B: return true  // Foundation counts ZERO WIDTH SPACE as a space
      case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return newlines
      default: return scalar.properties.generalCategory == .spaceSeparator
      }
    }
    guard let first = scalars.firstIndex(where: { !blank($0) }),
      let last = scalars.lastIndex(where: { !blank($0) })
    else { return "" }
    return String(scalars[first...last])
  }

  /// Whether `text` holds `needle` (byte for byte in UTF-8; the needles are ASCII words).
  public static func contains(_ needle: String, in text: String) -> Bool {
    let wanted = Array(needle.utf8)
    guard let first = wanted.first else { return true }
    let bytes = Array(text.utf8)
    guard bytes.count >= wanted.count else { return false }
    var index = 0
    while index <= bytes.count - wanted.count {
      if bytes[index] == first, bytes[index..<(index + wanted.count)].elementsEqual(wanted) { return true }
      index += 1
    }
    return false
  }

  /// `text` with every `character` replaced by `replacement`.
  public static func replacing(_ character: Character, with replacement: String, in text: String) -> String {
    guard text.contains(character) else { return text }
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for each in text {
      if each == character { out += replacement } else { out.append(each) }
    }
    return out
  }

  /// `value` as `digits` lower-case hexadecimal digits at least, as `%0Nx` gives.
  public static func hex(_ value: UInt32, digits: Int) -> String {
    let text = String(value, radix: 16)
    return String(repeating: "0", count: max(0, digits - text.count)) + text
  }
}
