import Vocabulary

extension AuthKind {
  /// Whether the wizard can create this kind's OAuth client on the instance: the kinds whose
  /// client snowgate can make whole. A refresh token comes from an existing client, and JWT
  /// bearer needs a key and a verifier map, so those are created by hand.
  public var canCreateClient: Bool {
    switch self {
    case .oauthPassword, .oauthAuthorizationCode, .oauthClientCredentials: return true
    case .basic, .oauthRefreshToken, .jwtBearer, .apiKey, .certificate: return false
    }
  }
}
