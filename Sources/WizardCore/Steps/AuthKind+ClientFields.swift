import Vocabulary

extension AuthKind {
  /// The fields of the OAuth client screen for this kind, in focus order (empty for Basic).
  public var clientFields: [OAuthClientField] {
    switch self {
    case .basic: return []
    case .oauthPassword: return [.clientID, .clientSecret, .username, .password, .scope]
    case .oauthAuthorizationCode: return [.clientID, .clientSecret, .redirectURI, .scope]
    case .oauthRefreshToken: return [.clientID, .clientSecret, .refreshToken, .scope]
    case .oauthClientCredentials: return [.clientID, .clientSecret, .scope]
    // Not selectable in the wizard yet (`isAvailable`); setup --no-input sets them up.
    case .jwtBearer: return [.clientID, .clientSecret, .scope]
    case .apiKey, .certificate: return []
    }
  }
}
