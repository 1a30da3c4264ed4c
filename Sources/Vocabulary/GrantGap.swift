/// Why a connection cannot sign in on its own: what `OAuthGrant.unattended` is missing.
public enum GrantGap: Error, Sendable, Equatable {
  /// Basic auth sends the password on every request; there is no token to get.
  case notOAuth
  /// Browser sign-in needs a person (or a saved refresh token).
  case needsBrowser
  /// The user name the password grant signs in as.
  case missingUsername
  /// The password of the password grant.
  case missingPassword
  /// The refresh token a refresh-token connection was set up with.
  case missingRefreshToken

  /// What is missing, in words for a sentence ("There is no user name to sign in with.").
  public var missing: String {
    switch self {
    case .notOAuth: "OAuth grant for Basic auth"
    case .needsBrowser: "refresh token from a browser sign-in"
    case .missingUsername: "user name"
    case .missingPassword: "password"
    case .missingRefreshToken: "refresh token"
    }
  }
}
