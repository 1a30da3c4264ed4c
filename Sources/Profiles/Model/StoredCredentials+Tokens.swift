import Vocabulary

extension StoredCredentials {
  /// Only the tokens issued by the instance, for stores that cache tokens but not user secrets.
  var issuedTokensOnly: StoredCredentials {
    StoredCredentials(
      accessToken: accessToken, accessTokenExpiresAt: accessTokenExpiresAt, refreshToken: refreshToken,
      refreshTokenExpiresAt: refreshTokenExpiresAt)
  }
}
