/// The ways snowgate can sign in to an instance, in the order the auth-type screen lists them.
public enum AuthKind: String, CaseIterable, Equatable, Sendable {
  case basic
  case oauthPassword
  case oauthAuthorizationCode
  case oauthRefreshToken
  case oauthClientCredentials

  /// Whether this release can set it up. OAuth arrives with the next release (issue 4).
  public var isAvailable: Bool { self == .basic }

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
