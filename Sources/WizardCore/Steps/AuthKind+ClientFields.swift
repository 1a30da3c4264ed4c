import Vocabulary

extension AuthKind {
  /// The fields of the OAuth client screen for this kind, in focus order (empty for the kinds
  /// that sign in on the credentials screen).
  public var clientFields: [OAuthClientField] {
    switch self {
    case .basic: return []
    case .oauthPassword: return [.clientID, .clientSecret, .username, .password, .scope]
    case .oauthAuthorizationCode: return [.clientID, .clientSecret, .redirectURI, .scope]
    case .oauthRefreshToken: return [.clientID, .clientSecret, .refreshToken, .scope]
    case .oauthClientCredentials: return [.clientID, .clientSecret, .scope]
    // The subject (`sub`) is the user name field: the user the tokens act as.
    case .jwtBearer: return [.clientID, .clientSecret, .jwtKeyFile, .jwtKeyID, .username, .scope]
    case .apiKey, .certificate: return []
    }
  }

  /// The fields of the credentials screen for this kind, in focus order (empty for OAuth).
  public var credentialFields: [CredentialsField] {
    switch self {
    case .basic: return [.username, .password]
    case .apiKey: return [.apiKey]
    case .certificate: return [.certificateFile, .keyFile, .passphrase]
    case .oauthPassword, .oauthAuthorizationCode, .oauthRefreshToken, .oauthClientCredentials, .jwtBearer:
      return []
    }
  }
}
