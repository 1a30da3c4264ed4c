/// The ways snowgate can sign in to an instance, in the order the auth-type screen lists them.
///
/// One type for every path: the raw value is the JSON word config.json stores (it never changes
/// once released), `word` is what `--auth` takes and `check` prints, `displayName` what the
/// profile table shows, `title` and `explanation` what the wizard's auth-type screen shows.
public enum AuthKind: String, CaseIterable, Equatable, Hashable, Codable, Sendable {
  case basic
  case oauthPassword
  case oauthAuthorizationCode
  case oauthRefreshToken
  case oauthClientCredentials

  /// Whether this release can set it up (every kind since issue 4).
  public var isAvailable: Bool { true }

  /// Every kind but Basic goes through the OAuth client and token screens.
  public var isOAuth: Bool { self != .basic }

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

  /// The `--auth` word: short, like the OAuth grant names, what people type in scripts.
  public var word: String {
    switch self {
    case .basic: return "basic"
    case .oauthPassword: return "password"
    case .oauthRefreshToken: return "refresh-token"
    case .oauthClientCredentials: return "client-credentials"
    case .oauthAuthorizationCode: return "authorization-code"
    }
  }

  /// Every `--auth` word, in the order help text lists them.
  public static let words = [
    "basic", "password", "refresh-token", "client-credentials", "authorization-code",
  ]

  /// The kind a `--auth` word names (any letter case), or nil.
  public init?(word: String) {
    guard let kind = Self.allCases.first(where: { $0.word == word.lowercased() }) else { return nil }
    self = kind
  }

  /// The JSON word (config.json, `profiles --json`): the raw value.
  public var jsonWord: String { rawValue }

  /// Words for the table of `snowgate profiles`.
  public var displayName: String {
    switch self {
    case .basic: return "Basic"
    case .oauthPassword: return "OAuth password"
    case .oauthRefreshToken: return "OAuth refresh token"
    case .oauthClientCredentials: return "OAuth client credentials"
    case .oauthAuthorizationCode: return "OAuth browser sign-in"
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
