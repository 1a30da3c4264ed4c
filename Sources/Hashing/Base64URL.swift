import Platform

/// Base64url without padding (RFC 4648 §5), the alphabet PKCE and `state` values use.
public enum Base64URL {
  /// Encodes bytes with `-` and `_` instead of `+` and `/`, and no trailing `=`.
  public static func encode<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
    var out = ""
    for character in Data(bytes).base64EncodedString() {
      switch character {
      case "+": out.append("-")
      case "/": out.append("_")
      case "=": continue
      default: out.append(character)
      }
    }
    return out
  }
}
