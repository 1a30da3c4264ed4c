import Hashing
import Platform
import SystemCommands
import Vocabulary

/// The signed JWT a client sends in the JWT bearer grant, made fresh for every token request.
///
/// ServiceNow matches the header's `kid` against the Key ID of the JWT verifier map on the
/// application record and wants `iss` = `aud` = the client ID and `sub` = the user (the app's
/// "User Field"). Each assertion lives five minutes and carries a new `jti`, so a copied one is
/// soon worthless. The signature comes from the system's `openssl` command: the private key is
/// read by openssl from its file and never enters this process, and no cryptography is written
/// here.
public struct JWTAssertion: Sendable, Equatable {
  /// How long an assertion is valid: five minutes, as Nango's ServiceNow provider uses.
  public static let lifetime: TimeInterval = 300

  public var clientID: String
  /// The user the token acts as, in the form the app's User Field names (user_name, email, …).
  public var subject: String
  /// The Key ID of the JWT verifier map entry that holds the matching certificate.
  public var keyID: String
  public var issuedAt: Date
  /// The JWT ID, fresh for every assertion.
  public var jwtID: String

  public init(clientID: String, subject: String, keyID: String, issuedAt: Date = Date(), jwtID: String? = nil)
  {
    self.clientID = clientID
    self.subject = subject
    self.keyID = keyID
    // JWT times are whole seconds; rounding down keeps iat from lying in the future.
    self.issuedAt = Date(timeIntervalSince1970: issuedAt.timeIntervalSince1970.rounded(.down))
    self.jwtID = jwtID ?? Self.freshJWTID()
  }

  /// When the instance must stop accepting it.
  public var expiresAt: Date { issuedAt.addingTimeInterval(Self.lifetime) }

  /// The JOSE header, as JSON with sorted keys.
  public var headerJSON: Data {
    Self.json(["alg": .string("RS256"), "kid": .string(keyID), "typ": .string("JWT")])
  }

  /// The claims, as JSON with sorted keys.
  public var claimsJSON: Data {
    Self.json([
      "aud": .string(clientID), "exp": .number(Int(expiresAt.timeIntervalSince1970)),
      "iat": .number(Int(issuedAt.timeIntervalSince1970)), "iss": .string(clientID), "jti": .string(jwtID),
      "sub": .string(subject),
    ])
  }

  /// `base64url(header).base64url(claims)`: the bytes the signature covers.
  public var signingInput: String {
    Base64URL.encode(headerJSON) + "." + Base64URL.encode(claimsJSON)
  }

  /// The complete assertion, signed with the RSA private key in `keyFile` (PEM, not encrypted).
  ///
  /// Runs `openssl` twice without a shell: once to learn the key's type (an EC key would sign,
  /// but not as RS256), once to sign the input it reads on standard input.
  public func signed(
    keyFile: String, environment: [String: String] = ProcessInfo.processInfo.environment
  ) async throws(JWTSigningError) -> Secret {
    try JWTSigningKey.checkReadable(keyFile)
    try await JWTSigningKey.requireRSA(keyFile, environment: environment)
    let command = SystemCommand(
      ["openssl", "dgst", "-sha256", "-sign", keyFile, "-passin", "pass:"], input: Data(utf8Of: signingInput),
      environment: environment)
    let result: SystemCommandOutput
    do {
      result = try await command.output()
    } catch {
      throw JWTSigningError(error, path: keyFile)
    }
    guard result.succeeded, !result.standardOutput.isEmpty else {
      throw .signingFailed(path: keyFile)
    }
    return Secret(signingInput + "." + Base64URL.encode(result.standardOutput))
  }

  /// 16 random bytes as base64url.
  static func freshJWTID() -> String {
    var generator = SystemRandomNumberGenerator()
    return Base64URL.encode((0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
  }

  /// The members as a JSON object, keys sorted and `/` left as it is (the bytes that are signed).
  private static func json(_ members: KeyValuePairs<String, JSONValue>) -> Data {
    let object = JSONValue.object(members.map { ($0.key, $0.value) })
    return Data(utf8Of: object.serialized(sortedKeys: true, escapingSlashes: false))
  }
}
