import Hashing
import Platform

/// The simulator's random values in the one base64url alphabet (Hashing's `Base64URL`).
extension Base64URL {
  /// A fresh random string of `count` bytes of entropy, for tokens, codes and session cookies.
  static func random(bytes count: Int) -> String {
    var generator = SystemRandomNumberGenerator()
    return encode((0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) })
  }

  /// Random upper-case hex, the shape of JSESSIONID and glide cookie values.
  static func randomHex(bytes count: Int) -> String {
    var generator = SystemRandomNumberGenerator()
    return (0..<count).map { _ in
      PlainString.hex(UInt32(UInt8.random(in: 0...255, using: &generator)), digits: 2).uppercased()
    }
    .joined()
  }
}
