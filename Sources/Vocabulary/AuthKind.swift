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
  /// The JWT bearer grant (RFC 7523): an assertion signed with the profile's private key.
  case jwtBearer
  /// A REST API key (`x-sn-apikey`), Washington DC and later.
  case apiKey
  /// A client certificate presented in the TLS handshake (mutual TLS); the instance maps it to a
  /// user, so requests carry no credentials header and there is no token.
  case certificate

  /// Whether the wizard can set it up yet; `setup --no-input` takes every kind.
  ///
  /// A kind added before its wizard screens answers false here, and the auth-type screen lists
  /// it greyed out; every kind of today has its screens.
  public var isAvailable: Bool { true }

  /// The kinds that get their access token from `/oauth_token.do`.
  public var isOAuth: Bool { self != .basic && self != .apiKey && self != .certificate }

  /// The kinds that need a person's browser, so no script can get a new token on its own.
  public var needsBrowser: Bool { self == .oauthAuthorizationCode }

  /// The `grant_type` the token screen shows, nil for Basic.
  public var grantType: String? {
    switch self {
    case .basic: return nil
    case .oauthPassword: return "password"
    case .oauthAuthorizationCode: return "authorization_code"
    case .oauthRefreshToken: return "refresh_token"
    case .oauthClientCredentials: return "client_credentials"
    case .jwtBearer: return "urn:ietf:params:oauth:grant-type:jwt-bearer"
    case .apiKey, .certificate: return nil
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
    case .jwtBearer: return "jwt-bearer"
    case .apiKey: return "api-key"
    case .certificate: return "certificate"
    }
  }

  /// Every `--auth` word, in the order help text lists them.
  public static let words = [
    "basic", "password", "refresh-token", "client-credentials", "authorization-code", "jwt-bearer",
    "api-key", "certificate",
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
    case .jwtBearer: return "OAuth JWT bearer"
    case .apiKey: return "API key"
    case .certificate: return "Client certificate"
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
    case .jwtBearer: return "OAuth JWT bearer grant"
    case .apiKey: return "REST API key"
    case .certificate: return "Client certificate (mutual TLS)"
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
    case .jwtBearer: return "Client ID and secret plus an assertion signed with your key."
    case .apiKey: return "A key in the x-sn-apikey header (Washington DC+)."
    case .certificate: return "The instance maps it to a user."
    }
  }
}
