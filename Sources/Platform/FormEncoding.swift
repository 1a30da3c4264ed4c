/// `application/x-www-form-urlencoded` as the token endpoint needs it.
///
/// Only RFC 3986's unreserved characters (`A-Z a-z 0-9 - . _ ~`) stay as they are; everything
/// else, space included, is percent-encoded from its UTF-8 bytes. Foundation's query encoders
/// leave `+`, `&` and `=` alone in places, which corrupts a password such as `a+b&c=d`.
public enum FormEncoding {
  /// The characters a URL's query may hold as they are besides the unreserved ones (what
  /// Foundation's `.urlQueryAllowed` keeps): how a secret may appear in a URL another tool built.
  public static let queryKept: Set<UInt8> = Set("!$&'()*+,/:;=?@".utf8)

  /// Percent-encodes one name or value; `kept` names ASCII bytes to leave as they are besides
  /// the unreserved ones.
  public static func escape(_ string: String, keeping kept: Set<UInt8> = []) -> String {
    var result = ""
    result.reserveCapacity(string.utf8.count)
    for byte in string.utf8 {
      if isUnreserved(byte) || kept.contains(byte) {
        result.unicodeScalars.append(Unicode.Scalar(byte))
      } else {
        result += "%"
        result.unicodeScalars.append(hexDigit(byte >> 4))
        result.unicodeScalars.append(hexDigit(byte & 0x0f))
      }
    }
    return result
  }

  /// Joins fields as `name=value&name=value` in the given order.
  public static func encode(_ fields: [(name: String, value: String)]) -> String {
    fields.map { "\(escape($0.name))=\(escape($0.value))" }.joined(separator: "&")
  }

  /// Splits a form body back into fields (`+` read as a space), for logs and the tests.
  public static func decode(_ body: String) -> [(name: String, value: String)] {
    body.split(separator: "&", omittingEmptySubsequences: true).map { pair in
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let name = unescape(String(parts[0]))
      let value = parts.count > 1 ? unescape(String(parts[1])) : ""
      return (name, value)
    }
  }

  /// One form name or value decoded: `+` is a space and `%XX` a byte; a malformed escape or
  /// bytes that are not UTF-8 leave the text as it is (spaces decoded) rather than failing.
  public static func unescape(_ string: some StringProtocol) -> String {
    let spaced = PlainString.replacing("+", with: " ", in: String(string))
    return percentDecoded(spaced) ?? spaced
  }

  /// `%XX` escapes decoded, as Foundation's `removingPercentEncoding`: nil when an escape is
  /// malformed or the bytes are not UTF-8.
  public static func percentDecoded(_ string: some StringProtocol) -> String? {
    guard string.utf8.contains(UInt8(ascii: "%")) else { return String(string) }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(string.utf8.count)
    var iterator = string.utf8.makeIterator()
    while let byte = iterator.next() {
      guard byte == UInt8(ascii: "%") else {
        bytes.append(byte)
        continue
      }
      guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
        return nil
      }
      bytes.append(high << 4 | low)
    }
    return String(validating: bytes, as: UTF8.self)
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
    default: return nil
    }
  }

  private static func isUnreserved(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
      UInt8(ascii: "~"):
      return true
    default:
      return false
    }
  }

  private static func hexDigit(_ nibble: UInt8) -> Unicode.Scalar {
    let digits = Array("0123456789ABCDEF".unicodeScalars)
    return digits[Int(nibble)]
  }
}
