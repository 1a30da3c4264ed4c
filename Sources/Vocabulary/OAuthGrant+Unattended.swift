extension OAuthGrant {
  /// The grant a connection of `kind` gets its first token with, without a person at hand.
  ///
  /// The one place that turns an auth kind and its secrets into a grant: the wizard's token
  /// screen, `check`, `setup --no-input` and `token` all ask here, so one connection always
  /// signs in the same way whichever path runs it. An empty user name counts as missing; an
  /// empty secret is sent as it is (the instance, not snowgate, says it is wrong).
  public static func unattended(
    kind: AuthKind, username: String?, password: Secret?, refreshToken: Secret?
  ) -> Result<OAuthGrant, GrantGap> {
    switch kind {
    case .basic, .apiKey, .certificate:
      return .failure(.notOAuth)
    case .jwtBearer:
      // The assertion is signed with the profile's key by the system's openssl (App's JWTGrant).
      return .failure(.needsSignedAssertion)
    case .oauthAuthorizationCode:
      return .failure(.needsBrowser)
    case .oauthPassword:
      guard let username, !username.isEmpty else { return .failure(.missingUsername) }
      guard let password else { return .failure(.missingPassword) }
      return .success(.password(username: username, password: password))
    case .oauthRefreshToken:
      guard let refreshToken else { return .failure(.missingRefreshToken) }
      return .success(.refreshToken(refreshToken))
    case .oauthClientCredentials:
      return .success(.clientCredentials)
    }
  }
}
