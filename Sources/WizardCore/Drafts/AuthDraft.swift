import Vocabulary

/// How a connection signs in, with its secrets.
///
/// The OAuth cases carry the tokens the token screen obtained, so the test and the saved profile
/// use them without asking the instance again.
public enum AuthDraft: Equatable, Sendable {
  case basic(username: String, password: Secret)
  case oauthPassword(client: OAuthClient, username: String, password: Secret, tokens: TokenSet)
  case oauthAuthorizationCode(client: OAuthClient, redirectURI: String, tokens: TokenSet)
  /// `refreshToken` is the one the user pasted; `tokens.refreshToken` a newer one, if any came back.
  case oauthRefreshToken(client: OAuthClient, refreshToken: Secret, tokens: TokenSet)
  case oauthClientCredentials(client: OAuthClient, tokens: TokenSet)
  /// The JWT bearer grant: `subject` is the assertion's `sub`, `keyFile` the private key (as typed;
  /// the runtime makes it absolute), `keyID` its `kid`. No refresh token ever comes back.
  case jwtBearer(client: OAuthClient, subject: String, keyFile: String, keyID: String, tokens: TokenSet)
  /// A REST API key, sent as the `x-sn-apikey` header on every request.
  case apiKey(key: Secret)
  /// Mutual TLS: the certificate in every handshake, no token.
  case certificate(ClientCertificate)

  public var kind: AuthKind {
    switch self {
    case .basic: return .basic
    case .oauthPassword: return .oauthPassword
    case .oauthAuthorizationCode: return .oauthAuthorizationCode
    case .oauthRefreshToken: return .oauthRefreshToken
    case .oauthClientCredentials: return .oauthClientCredentials
    case .jwtBearer: return .jwtBearer
    case .apiKey: return .apiKey
    case .certificate: return .certificate
    }
  }

  /// The OAuth client, nil for Basic and API keys.
  public var client: OAuthClient? {
    switch self {
    case .basic, .apiKey, .certificate: return nil
    case .oauthPassword(let client, _, _, _), .oauthAuthorizationCode(let client, _, _),
      .oauthRefreshToken(let client, _, _), .oauthClientCredentials(let client, _),
      .jwtBearer(let client, _, _, _, _):
      return client
    }
  }

  /// The tokens from the token screen, nil for Basic and API keys.
  public var tokens: TokenSet? {
    switch self {
    case .basic, .apiKey, .certificate: return nil
    case .oauthPassword(_, _, _, let tokens), .oauthAuthorizationCode(_, _, let tokens),
      .oauthRefreshToken(_, _, let tokens), .oauthClientCredentials(_, let tokens),
      .jwtBearer(_, _, _, _, let tokens):
      return tokens
    }
  }
}
