import Hashing

/// The PKCE S256 challenge of a verifier, as the instance computes it to check a code exchange:
/// base64url of the SHA-256 digest, without padding (RFC 7636 §4.2).
enum PKCEChallenge {
  static func of(_ verifier: String) -> String {
    Base64URL.encode(SHA256.hash(Array(verifier.utf8)))
  }
}
