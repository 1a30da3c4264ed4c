/// The OAuth 2.0 grants a ServiceNow instance accepts at `/oauth_token.do`, with what each one carries.
public enum OAuthGrant: Sendable, Equatable {
  /// Resource owner password: the user's own credentials (can be switched off on the instance).
  case password(username: String, password: Secret)
  /// A refresh token from an earlier grant, or pasted by an admin.
  case refreshToken(Secret)
  /// The code from the browser flow; `codeVerifier` is the PKCE verifier of a public client.
  case authorizationCode(code: Secret, redirectURI: String, codeVerifier: Secret?)
  /// Client credentials (Washington DC and later, off unless enabled, needs an application user).
  case clientCredentials
  /// The JWT bearer grant (RFC 7523): a signed assertion made fresh for every request; no refresh token.
  case jwtBearer(assertion: Secret)

  /// The `grant_type` value sent for this grant.
  public var grantType: String {
    switch self {
    case .password: "password"
    case .refreshToken: "refresh_token"
    case .authorizationCode: "authorization_code"
    case .clientCredentials: "client_credentials"
    case .jwtBearer: "urn:ietf:params:oauth:grant-type:jwt-bearer"
    }
  }
}
