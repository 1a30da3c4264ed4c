import Foundation

/// Base64url without padding (RFC 4648 §5), the alphabet of PKCE challenges and of our tokens.
enum Base64URL {
  /// Encodes bytes with `-` and `_` and no trailing `=`.
  static func encode(_ bytes: [UInt8]) -> String {
    Data(bytes).base64EncodedString()
      .replacingOccurrences(of: "+", with: "-")
      .replacingOccurrences(of: "/", with: "_")
      .replacingOccurrences(of: "=", with: "")
  }

  /// A fresh random string of `count` bytes of entropy, for tokens, codes and session cookies.
  static func random(bytes count: Int) -> String {
    var generator = SystemRandomNumberGenerator()
    return encode((0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) })
  }

  /// Random upper-case hex, the shape of JSESSIONID and glide cookie values.
  static func randomHex(bytes count: Int) -> String {
    var generator = SystemRandomNumberGenerator()
    return (0..<count).map { _ in String(format: "%02X", UInt8.random(in: 0...255, using: &generator)) }
      .joined()
  }
}
