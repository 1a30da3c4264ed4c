import Foundation

/// Base64url without padding (RFC 4648 §5), the alphabet PKCE and `state` values use.
public enum Base64URL {
  /// Encodes bytes with `-` and `_` instead of `+` and `/`, and no trailing `=`.
  public static func encode<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
    Data(bytes).base64EncodedString()
      .replacingOccurrences(of: "+", with: "-")
      .replacingOccurrences(of: "/", with: "_")
      .replacingOccurrences(of: "=", with: "")
  }
}
