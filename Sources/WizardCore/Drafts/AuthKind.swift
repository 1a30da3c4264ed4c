/// The ways snowgate can sign in to an instance, in the order the auth-type screen lists them.
public enum AuthKind: String, CaseIterable, Equatable, Sendable {
  case basic
  case oauthPassword
  case oauthAuthorizationCode
  case oauthRefreshToken
  case oauthClientCredentials

  /// Whether this release can set it up (every kind since issue 4).
  public var isAvailable: Bool { true }

  /// Every kind but Basic goes through the OAuth client and token screens.
  public var isOAuth: Bool { self != .basic }

  /// The fields of the OAuth client screen for this kind, in focus order (empty for Basic).
  public var clientFields: [OAuthClientField] {
    switch self {
    case .basic: return []
    case .oauthPassword: return [.clientID, .clientSecret, .username, .password, .scope]
    case .oauthAuthorizationCode: return [.clientID, .clientSecret, .redirectURI, .scope]
    case .oauthRefreshToken: return [.clientID, .clientSecret, .refreshToken, .scope]
    case .oauthClientCredentials: return [.clientID, .clientSecret, .scope]
    }
  }

  /// The `grant_type` the token screen shows, nil for Basic.
  public var grantType: String? {
    switch self {
    case .basic: return nil
    case .oauthPassword: return "password"
    case .oauthAuthorizationCode: return "authorization_code"
    case .oauthRefreshToken: return "refresh_token"
    case .oauthClientCredentials: return "client_credentials"
    }
  }

  /// The label on the auth-type screen.
  public var title: String {
    switch self {
    case .basic: return "Basic (user name and password)"
    case .oauthPassword: return "OAuth password grant"
    case .oauthAuthorizationCode: return "OAuth authorization code in a browser"
    case .oauthRefreshToken: return "OAuth with an existing refresh token"
    case .oauthClientCredentials: return "OAuth client credentials"
    }
  }

  /// The one-line explanation under the label.
  public var explanation: String {
    switch self {
    case .basic: return "A user's name and password on every request; simplest."
    case .oauthPassword: return "Client ID and secret plus a user's password."
    case .oauthAuthorizationCode: return "Sign in in a browser (PKCE); works with SSO."
    case .oauthRefreshToken: return "Paste a refresh token you already have."
    case .oauthClientCredentials: return "Client ID and secret only (Washington DC+)."
    }
  }
}
