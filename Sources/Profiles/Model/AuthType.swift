/// How a profile signs in to its instance.
///
/// The raw values are what config.json stores; they never change once released.
public enum AuthType: String, Codable, Sendable, CaseIterable {
  /// HTTP Basic with a username and password.
  case basic
  /// OAuth 2.0 password grant (client ID and secret, username and password).
  case oauthPassword
  /// OAuth 2.0 authorization code grant with PKCE, in a browser.
  case oauthAuthorizationCode
  /// OAuth 2.0 with a refresh token the user pasted.
  case oauthRefreshToken
  /// OAuth 2.0 client credentials grant (client ID and secret only).
  case oauthClientCredentials

  /// The secrets the user supplies for this kind of sign-in (tokens issued later are not listed).
  ///
  /// The client secret is listed for every OAuth grant even though a public client with PKCE
  /// may have none: an empty answer for it is accepted.
  public var userSecretKinds: [SecretKind] {
    switch self {
    case .basic: [.password]
    case .oauthPassword: [.clientSecret, .password]
    case .oauthAuthorizationCode: [.clientSecret]
    case .oauthRefreshToken: [.clientSecret, .refreshToken]
    case .oauthClientCredentials: [.clientSecret]
    }
  }

  /// Whether this sign-in uses OAuth tokens at all.
  public var isOAuth: Bool { self != .basic }
}
