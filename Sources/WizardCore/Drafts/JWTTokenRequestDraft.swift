import Platform
import Vocabulary

/// What the token screen asks the runtime to send with the JWT bearer grant.
///
/// The reducer has no clock, no randomness and no openssl, so the runtime signs a fresh
/// assertion (RS256, `iss` = `aud` = the client ID, `sub`, `kid`, `jti`, five minutes) with the
/// key file and posts it to `<instance>/oauth_token.do` as it does a `TokenRequestDraft`.
public struct JWTTokenRequestDraft: Equatable, Sendable {
  /// The base address, e.g. https://dev12345.service-now.com.
  public var instanceURL: URL
  public var clientID: String
  public var clientSecret: Secret?
  /// Empty for the client's default scope.
  public var scope: String
  /// The assertion's `sub`: the user the tokens act as.
  public var subject: String
  /// The private key's PEM file as typed (`~/` and relative paths are the runtime's to resolve).
  public var keyFile: String
  /// The Key ID of the JWT verifier map entry: the assertion's `kid`.
  public var keyID: String

  public init(
    instanceURL: URL, clientID: String, clientSecret: Secret?, scope: String = "", subject: String,
    keyFile: String, keyID: String
  ) {
    self.instanceURL = instanceURL
    self.clientID = clientID
    self.clientSecret = clientSecret
    self.scope = scope
    self.subject = subject
    self.keyFile = keyFile
    self.keyID = keyID
  }
}
