import Vocabulary

extension AuthKind {
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
    case .jwtBearer: [.clientSecret]
    case .apiKey: [.apiKey]
    case .certificate: [.keyPassphrase]
    }
  }
}
