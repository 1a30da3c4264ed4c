import Foundation

/// `application/x-www-form-urlencoded` as the token endpoint needs it.
///
/// Only RFC 3986's unreserved characters (`A-Z a-z 0-9 - . _ ~`) stay as they are; everything
/// else, space included, is percent-encoded from its UTF-8 bytes. Foundation's query encoders
/// leave `+`, `&` and `=` alone in places, which corrupts a password such as `a+b&c=d`.
public enum FormEncoding {
  /// Percent-encodes one name or value.
  public static func escape(_ string: String) -> String {
    var result = ""
    result.reserveCapacity(string.utf8.count)
    for byte in string.utf8 {
      if isUnreserved(byte) {
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

  private static func unescape(_ string: String) -> String {
    let spaced = string.replacingOccurrences(of: "+", with: " ")
    return spaced.removingPercentEncoding ?? spaced
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
