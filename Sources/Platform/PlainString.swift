#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

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

  /// Whether `text` holds `needle`, byte for byte in UTF-8.
  ///
  /// The standard library's `contains(_:)` on strings compares characters and builds a
  /// searcher for each call: about 37,000 instructions a call on a check's short texts
  /// (callgrind), 58 calls a check. The needles here are ASCII words and placeholders, for
  /// which the two agree except next to a combining mark or inside a CR LF pair.
  public static func contains(_ needle: String, in text: String) -> Bool {
    var needle = needle
    var text = text
    return needle.withUTF8 { wanted in
      guard let wantedBase = wanted.baseAddress, !wanted.isEmpty else { return true }
      return text.withUTF8 { bytes in
        guard let base = bytes.baseAddress, bytes.count >= wanted.count else { return false }
        // memchr for the first byte, memcmp for the rest (memmem is a GNU extension that the
        // Glibc module does not expose).
        let last = bytes.count - wanted.count
        var offset = 0
        while offset <= last {
          guard let hit = memchr(base + offset, Int32(wantedBase[0]), last - offset + 1) else { return false }
          let at = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
          if memcmp(base + at, wantedBase, wanted.count) == 0 { return true }
          offset = at + 1
        }
        return false
      }
    }
  }

  /// Whether `a` and `b` are equal with ASCII letters compared without case, as HTTP compares
  /// header names (RFC 9110, 5.1), without making a lowercased copy of either.
  public static func equalIgnoringASCIICase(_ a: String, _ b: String) -> Bool {
    let x = a.utf8
    let y = b.utf8
    guard x.count == y.count else { return false }
    var i = x.startIndex
    var j = y.startIndex
    while i != x.endIndex {
      let p = x[i]
      let q = y[j]
      if p != q {
        let lower = p | 0x20
        guard lower == q | 0x20, lower >= 0x61, lower <= 0x7A else { return false }
      }
      x.formIndex(after: &i)
      y.formIndex(after: &j)
    }
    return true
  }

  /// `text` with every `scalar` replaced by `replacement`.
  ///
  /// By unicode scalar, not by Character: a `'` or `/` followed by a combining mark is one
  /// Character to Swift, and a search by Character would pass it by (for a shell quote, that
  /// ended the quote early).
  public static func replacing(_ scalar: Unicode.Scalar, with replacement: String, in text: String) -> String
  {
    guard text.unicodeScalars.contains(scalar) else { return text }
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for each in text.unicodeScalars {
      if each == scalar { out += replacement } else { out.unicodeScalars.append(each) }
    }
    return out
  }

  /// `text` as one word for a POSIX shell (and bash, zsh, fish): in single quotes, each `'`
  /// inside written `'\''`. Nothing in it is expanded, whatever it holds.
  public static func shellQuoted(_ text: String) -> String {
    "'" + replacing("'", with: #"'\''"#, in: text) + "'"
  }

  /// `value` as `digits` lower-case hexadecimal digits at least, as `%0Nx` gives.
  public static func hex(_ value: UInt32, digits: Int) -> String {
    let text = String(value, radix: 16)
    return String(repeating: "0", count: max(0, digits - text.count)) + text
  }

  /// `value` as `digits` decimal digits at least, zeros in front, as `%0Nd` gives.
  public static func zeroPadded(_ value: Int, digits: Int) -> String {
    let text = String(value.magnitude)
    return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, digits - text.count)) + text
  }

  /// `value` with `decimals` (0–17) digits after the point, exactly as C's `%.Nf` writes it
  /// (from the double's exact value, an exact tie to the even digit: 2.25 is "2.2", 2.05 "2.0").
  public static func fixed(_ value: Double, decimals: Int) -> String {
    var buffer = [CChar](repeating: 0, count: 400)
    let count = withVaList([Int32(min(max(decimals, 0), 17)), value]) {
      vsnprintf(&buffer, buffer.count, "%.*f", $0)
    }
    guard count > 0, Int(count) < buffer.count else { return String(value) }
    return String(decoding: buffer.prefix(Int(count)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// `text` cut or padded with spaces to exactly `width` characters, as Foundation's
  /// `padding(toLength:withPad:" "startingAt:0)` (which counts UTF-16 units; these are characters).
  public static func padded(_ text: String, to width: Int) -> String {
    let count = text.count
    if count >= width { return String(text.prefix(width)) }
    return text + String(repeating: " ", count: width - count)
  }

  /// `text` without the leading and trailing characters `drop` says yes to.
  public static func trimmed(_ text: some StringProtocol, where drop: (Character) -> Bool) -> String {
    guard let first = text.firstIndex(where: { !drop($0) }), let last = text.lastIndex(where: { !drop($0) })
    else { return "" }
    return String(text[first...last])
  }

  /// Whether `scalar` is a control or format character (Foundation's `controlCharacters`: Cc, Cf).
  public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .control, .format: return true
    default: return false
    }
  }

  /// The last component of a file path, as `NSString.lastPathComponent`: "/a/b/" is "b", "/" is "/".
  public static func lastPathComponent(_ path: String) -> String {
    let parts = path.split(separator: "/")
    guard let last = parts.last else { return path.isEmpty ? "" : "/" }
    return String(last)
  }

  /// The path without its last component, as `NSString.deletingLastPathComponent`: "/a/b" is
  /// "/a", "/a" is "/", "a" is "".
  public static func deletingLastPathComponent(_ path: String) -> String {
    let parts = path.split(separator: "/")
    let absolute = path.hasPrefix("/")
    guard parts.count > 1 else { return absolute ? "/" : "" }
    return (absolute ? "/" : "") + parts.dropLast().joined(separator: "/")
  }
}

extension Data {
  /// The UTF-8 bytes of `text`, copied from its storage.
  ///
  /// `Data(utf8Of: text)` goes through Data's generic initialiser, which casts the view to
  /// `ContiguousBytes` at run time: on first use, a scan of the whole conformance table
  /// (3,775 records, ~170,000 instructions), on the path of every check's first request.
  public init(utf8Of text: String) {
    var text = text
    self = text.withUTF8 { Data(buffer: $0) }
  }
}
