/// The grant of a request to `/oauth_token.do`, with the fields only that grant sends.
public enum TokenGrant: Equatable, Sendable {
  /// `grant_type=password`.
  case password(username: String, password: SecretText)
  /// `grant_type=authorization_code`. The wizard never builds this one: the runtime holds the
  /// code and the PKCE verifier and uses it to finish the browser flow.
  case authorizationCode(code: SecretText, codeVerifier: SecretText?, redirectURI: String)
  /// `grant_type=refresh_token` with a refresh token the user pasted.
  case refreshToken(SecretText)
  /// `grant_type=client_credentials`: the client alone (Washington DC and later).
  case clientCredentials

  /// The `grant_type` value.
  public var grantType: String {
    switch self {
    case .password: return "password"
    case .authorizationCode: return "authorization_code"
    case .refreshToken: return "refresh_token"
    case .clientCredentials: return "client_credentials"
    }
  }
}
