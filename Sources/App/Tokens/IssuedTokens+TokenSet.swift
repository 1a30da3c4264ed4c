import Profiles
import ServiceNowClient
import Vocabulary

extension IssuedTokens {
  /// The tokens of a grant's answer in the form the profile store saves.
  ///
  /// The wizard calls this after `AuthorizationSession.complete` (or any grant) to save the
  /// tokens with `ProfileStore.updateTokens`; the refresh token's lifespan is not in the answer,
  /// so its expiry stays unknown.
  init(_ tokens: TokenSet) {
    self.init(
      accessToken: tokens.accessToken, accessTokenExpiresAt: tokens.expiresAt,
      refreshToken: tokens.refreshToken, refreshTokenExpiresAt: nil)
  }
}
