import Testing
import Vocabulary

/// The one mapping from an auth kind and its secrets to the grant every path sends.
@Suite struct UnattendedGrantTests {
  private let password = Secret("pw-S3CR3T-SENTINEL")
  private let refresh = Secret("rt-S3CR3T-SENTINEL")

  private func grant(
    _ kind: AuthKind, username: String? = "admin", password: Secret? = nil, refresh: Secret? = nil
  )
    -> Result<OAuthGrant, GrantGap>
  {
    OAuthGrant.unattended(kind: kind, username: username, password: password, refreshToken: refresh)
  }

  @Test func eachKindGetsItsGrant() {
    #expect(
      grant(.oauthPassword, password: password) == .success(.password(username: "admin", password: password)))
    #expect(grant(.oauthRefreshToken, refresh: refresh) == .success(.refreshToken(refresh)))
    #expect(grant(.oauthClientCredentials) == .success(.clientCredentials))
  }

  @Test func whatIsMissingIsNamedNeverSentEmpty() {
    #expect(grant(.oauthPassword, username: "", password: password) == .failure(.missingUsername))
    #expect(grant(.oauthPassword, username: nil, password: password) == .failure(.missingUsername))
    #expect(grant(.oauthPassword) == .failure(.missingPassword))
    #expect(grant(.oauthRefreshToken) == .failure(.missingRefreshToken))
    #expect(GrantGap.missingUsername.missing == "user name")
  }

  @Test func basicAndTheBrowserHaveNoUnattendedGrant() {
    #expect(grant(.basic, password: password) == .failure(.notOAuth))
    #expect(grant(.oauthAuthorizationCode, refresh: refresh) == .failure(.needsBrowser))
  }
}
