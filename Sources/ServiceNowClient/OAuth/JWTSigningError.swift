import SystemCommands

/// Why no JWT assertion could be signed, for people: what happened, why, and what to do.
///
/// Never carries openssl's output: its messages can quote the key file's contents.
public enum JWTSigningError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The key file does not exist, is a folder, is too large, or may not be read.
  case keyUnreadable(path: String, reason: String)
  /// The file holds a key, but not an RSA one (RS256 needs RSA).
  case notAnRSAKey(path: String)
  /// The file is not a private key openssl can read.
  case notAPrivateKey(path: String)
  /// The key is protected by a passphrase, which snowgate cannot hand to openssl safely.
  case encryptedKey(path: String)
  /// The `openssl` command is not installed (or not on PATH).
  case opensslMissing
  /// openssl ran but did not sign, or did not finish in time.
  case signingFailed(path: String)

  /// Maps a failure to run openssl.
  init(_ error: SystemCommandError, path: String) {
    switch error {
    case .notFound: self = .opensslMissing
    case .couldNotStart, .timedOut, .outputTooLarge: self = .signingFailed(path: path)
    }
  }

  /// A stable code, in the style of `FailureCode`, for `check --json` and the tests.
  public var code: String {
    switch self {
    case .keyUnreadable: "jwt.key_unreadable"
    case .notAnRSAKey: "jwt.key_not_rsa"
    case .notAPrivateKey: "jwt.key_invalid"
    case .encryptedKey: "jwt.key_encrypted"
    case .opensslMissing: "jwt.openssl_missing"
    case .signingFailed: "jwt.signing_failed"
    }
  }

  /// What happened and why, in a sentence or two.
  public var summary: String {
    switch self {
    case .keyUnreadable(let path, let reason):
      "The JWT signing key \(path) cannot be read: \(reason)."
    case .notAnRSAKey(let path):
      "The JWT signing key \(path) is not an RSA key; snowgate signs assertions with RS256, which needs one."
    case .notAPrivateKey(let path):
      "The file \(path) is not a private key in PEM form (it may be a certificate or a public key)."
    case .encryptedKey(let path):
      "The JWT signing key \(path) is protected by a passphrase."
    case .opensslMissing:
      "The openssl command is not installed, and snowgate needs it to sign the JWT assertion."
    case .signingFailed(let path):
      "openssl could not sign the JWT assertion with \(path)."
    }
  }

  /// What to do, most likely fix first.
  public var remedies: [String] {
    switch self {
    case .keyUnreadable:
      ["Check the path given with --jwt-key, and that this user may read the file (chmod 600 FILE)."]
    case .notAnRSAKey:
      [
        "Make an RSA key: openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out FILE",
        "Upload its certificate to the instance's JWT verifier map again.",
      ]
    case .notAPrivateKey:
      ["Give --jwt-key the private key file (BEGIN PRIVATE KEY), not the certificate you uploaded."]
    case .encryptedKey:
      [
        "Store a copy without a passphrase, readable only by you: openssl pkey -in KEY -out FILE; chmod 600 FILE"
      ]
    case .opensslMissing:
      ["Install it (Debian/Ubuntu: apt install openssl; macOS has it), or put it on PATH."]
    case .signingFailed:
      ["Try the key by hand: echo test | openssl dgst -sha256 -sign FILE >/dev/null"]
    }
  }

  /// The same as a `ServiceNowFailure`, for code that reports every failure that way.
  public var failure: ServiceNowFailure {
    ServiceNowFailure(code: code, summary: summary, remedies: remedies)
  }

  public var description: String { failure.description }
}
