import Hashing
import Vocabulary

/// Proof Key for Code Exchange (RFC 7636) with the S256 method, the one ServiceNow's public clients use.
public enum PKCE {
  /// The only method snowgate sends; `plain` would defeat the point.
  public static let method = "S256"

  /// The S256 challenge of a verifier: base64url(SHA-256(ASCII(verifier))), unpadded.
  public static func challenge(for verifier: String) -> String {
    Base64URL.encode(SHA256.hash(verifier))
  }

  /// A fresh verifier: 32 random bytes as base64url, 43 characters (the RFC's recommended form).
  public static func makeVerifier() -> Secret {
    var generator = SystemRandomNumberGenerator()
    return makeVerifier(using: &generator)
  }

  /// A verifier from an injected generator, so tests get a known value.
  public static func makeVerifier(using generator: inout some RandomNumberGenerator) -> Secret {
    Secret(randomToken(byteCount: 32, using: &generator))
  }

  /// A fresh `state` value for the authorize request: 16 random bytes as base64url (22 characters).
  public static func makeState() -> String {
    var generator = SystemRandomNumberGenerator()
    return makeState(using: &generator)
  }

  /// A `state` value from an injected generator.
  public static func makeState(using generator: inout some RandomNumberGenerator) -> String {
    randomToken(byteCount: 16, using: &generator)
  }

  private static func randomToken(byteCount: Int, using generator: inout some RandomNumberGenerator)
    -> String
  {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(byteCount)
    for _ in 0..<byteCount {
      bytes.append(UInt8.random(in: .min ... .max, using: &generator))
    }
    return Base64URL.encode(bytes)
  }
}
