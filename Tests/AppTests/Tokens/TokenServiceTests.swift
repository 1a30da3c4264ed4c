import Foundation
import Profiles
import ServiceNowClient
import Simulator
import Testing
import Vocabulary

@testable import App

@Suite struct TokenServiceTests {
  private func token(_ result: Result<FreshToken, ServiceNowFailure>) throws -> FreshToken {
    switch result {
    case .success(let token): return token
    case .failure(let failure):
      Issue.record("expected a token, got \(failure)")
      throw failure
    }
  }

  private func failure(_ result: Result<FreshToken, ServiceNowFailure>) -> ServiceNowFailure? {
    if case .failure(let failure) = result { return failure }
    Issue.record("expected a failure, got a token")
    return nil
  }

  @Test func passwordGrantObtainsSavesAndThenReusesTheToken() async throws {
    let bed = try TokenTestBed()
    try bed.saveProfile("prod", authType: .oauthPassword, secrets: TokenTestBed.clientSecrets(password: true))
    let first = try token(await bed.service().accessToken(profile: "prod"))
    #expect(first.origin == .granted("password"))
    #expect(await bed.tableAccepts(first.accessToken.reveal()))
    let stored = try #require(try bed.store.storedCredentials(for: "prod"))
    #expect(stored.accessToken?.reveal() == first.accessToken.reveal())
    #expect(stored.refreshToken != nil)
    #expect(stored.accessTokenExpiresAt != nil)

    let second = try token(await bed.service().accessToken(profile: "prod"))
    #expect(second.origin == .stored)
    #expect(second.accessToken == first.accessToken)
    #expect(bed.tokenRequests == 1)
  }

  @Test func clientCredentialsGrantObtainsAToken() async throws {
    let bed = try TokenTestBed()
    try bed.saveProfile("cc", authType: .oauthClientCredentials, secrets: TokenTestBed.clientSecrets())
    let fresh = try token(await bed.service().accessToken(profile: "cc"))
    #expect(fresh.origin == .granted("client_credentials"))
    #expect(await bed.tableAccepts(fresh.accessToken.reveal()))
    #expect(try bed.store.storedCredentials(for: "cc")?.refreshToken == nil)
  }

  @Test func refreshTokenProfileUsesItsPastedRefreshToken() async throws {
    let bed = try TokenTestBed()
    let refresh = try await bed.issueRefreshToken()
    try bed.saveProfile(
      "agent", authType: .oauthRefreshToken, secrets: TokenTestBed.clientSecrets(refreshToken: refresh))
    let fresh = try token(await bed.service().accessToken(profile: "agent"))
    #expect(fresh.origin == .refreshed)
    #expect(await bed.tableAccepts(fresh.accessToken.reveal()))
    #expect(try bed.store.storedCredentials(for: "agent")?.refreshToken?.reveal() == refresh)
  }

  @Test func refreshTokenFromTheEnvironmentIsUsed() async throws {
    let bed = try TokenTestBed()
    let refresh = try await bed.issueRefreshToken()
    try bed.saveProfile("agent", authType: .oauthRefreshToken, secrets: TokenTestBed.clientSecrets())
    let service = bed.service(environment: ["SNOWGATE_REFRESH_TOKEN": refresh])
    let fresh = try token(await service.accessToken(profile: "agent"))
    #expect(fresh.origin == .refreshed)
  }

  @Test func aTokenExpiringWithinAMinuteIsRefreshedAndSaved() async throws {
    let bed = try TokenTestBed(accessTokenLifespan: 120)
    try bed.saveProfile("prod", authType: .oauthPassword, secrets: TokenTestBed.clientSecrets(password: true))
    let first = try token(await bed.service().accessToken(profile: "prod"))
    bed.advance(by: 61)  // 119 s lifespan: 58 s left, inside the 60 s margin
    let second = try token(await bed.service().accessToken(profile: "prod"))
    #expect(second.origin == .refreshed)
    #expect(second.accessToken != first.accessToken)
    #expect(
      try bed.store.storedCredentials(for: "prod")?.accessToken?.reveal() == second.accessToken.reveal())
    #expect(await bed.tableAccepts(second.accessToken.reveal()))
  }

  @Test func aTokenWithMoreThanAMinuteLeftIsReused() async throws {
    let bed = try TokenTestBed(accessTokenLifespan: 120)
    try bed.saveProfile("prod", authType: .oauthPassword, secrets: TokenTestBed.clientSecrets(password: true))
    _ = try token(await bed.service().accessToken(profile: "prod"))
    bed.advance(by: 50)  // 69 s left
    let second = try token(await bed.service().accessToken(profile: "prod"))
    #expect(second.origin == .stored)
  }

  @Test func aRefusedRefreshIsReportedOnceWithTheRemedyAndNeverRetried() async throws {
    let bed = try TokenTestBed(scenarios: [.refreshExpired])
    try bed.saveProfile(
      "agent", authType: .oauthRefreshToken,
      secrets: TokenTestBed.clientSecrets(refreshToken: "S3CR3T-refresh-SENTINEL"))
    let refused = try #require(failure(await bed.service().accessToken(profile: "agent")))
    #expect(refused.code == "oauth.refresh_expired")
    #expect(refused.summary.contains("refresh token"))
    #expect(refused.remedies.contains { $0.contains("snowgate setup agent") })
    #expect(bed.tokenRequests == 1)
    #expect(!refused.description.contains("S3CR3T"))
    #expect(!bed.log.render().contains("S3CR3T"))
  }

  @Test func aBrowserProfileWithARefusedRefreshIsToldToSignInAgain() async throws {
    let bed = try TokenTestBed(scenarios: [.refreshExpired])
    try bed.saveProfile(
      "web", authType: .oauthAuthorizationCode,
      secrets: TokenTestBed.clientSecrets(refreshToken: "S3CR3T-refresh-SENTINEL"))
    let refused = try #require(failure(await bed.service().accessToken(profile: "web")))
    #expect(refused.code == "oauth.refresh_expired")
    #expect(refused.remedies.contains { $0.contains("snowgate setup web") })
    #expect(refused.remedies.contains { $0.contains("browser flow, sign in again") })
    #expect(bed.tokenRequests == 1)
  }

  @Test func aPasswordProfileFallsBackToThePasswordGrantOnceWhenItsRefreshIsRefused() async throws {
    let bed = try TokenTestBed(scenarios: [.refreshExpired])
    try bed.saveProfile(
      "prod", authType: .oauthPassword,
      secrets: TokenTestBed.clientSecrets(password: true, refreshToken: "S3CR3T-refresh-old"))
    let fresh = try token(await bed.service().accessToken(profile: "prod"))
    #expect(fresh.origin == .granted("password"))
    #expect(bed.tokenRequests == 2)
    let stored = try bed.store.storedCredentials(for: "prod")
    #expect(stored?.refreshToken?.reveal() != "S3CR3T-refresh-old")
  }

  @Test func theFallbackStopsWhenThePasswordGrantIsRefusedToo() async throws {
    let bed = try TokenTestBed(scenarios: [.refreshExpired, .ropcDisabled])
    try bed.saveProfile(
      "prod", authType: .oauthPassword,
      secrets: TokenTestBed.clientSecrets(password: true, refreshToken: "S3CR3T-refresh-old"))
    let refused = try #require(failure(await bed.service().accessToken(profile: "prod")))
    #expect(refused.code == "oauth.access_denied")
    #expect(bed.tokenRequests == 2)
  }

  @Test func aBrowserProfileWithoutRefreshTokenNeedsASignInAndSendsNothing() async throws {
    let bed = try TokenTestBed()
    try bed.saveProfile("web", authType: .oauthAuthorizationCode, secrets: TokenTestBed.clientSecrets())
    let refused = try #require(failure(await bed.service().accessToken(profile: "web")))
    #expect(refused.code == "oauth.sign_in_required")
    #expect(refused.remedies.contains { $0.contains("snowgate setup web") })
    #expect(bed.tokenRequests == 0)
  }

  @Test func aBasicProfileHasNoToken() async throws {
    let bed = try TokenTestBed()
    try bed.saveProfile(
      "basic", authType: .basic, secrets: StoredCredentials(password: Secret("S3CR3T-x")))
    let refused = try #require(failure(await bed.service().accessToken(profile: "basic")))
    #expect(refused.code == "profile.basic_has_no_token")
  }

  @Test func unknownAndMissingDefaultProfilesAreNamed() async throws {
    let bed = try TokenTestBed()
    #expect(failure(await bed.service().accessToken(profile: nil))?.code == "profile.no_default")
    #expect(failure(await bed.service().accessToken(profile: "nope"))?.code == "profile.not_found")
  }

  @Test func theDefaultProfileIsUsedWhenNoNameIsGiven() async throws {
    let bed = try TokenTestBed()
    try bed.saveProfile("first", authType: .oauthClientCredentials, secrets: TokenTestBed.clientSecrets())
    let fresh = try token(await bed.service().accessToken(profile: nil))
    #expect(
      try bed.store.storedCredentials(for: "first")?.accessToken?.reveal() == fresh.accessToken.reveal())
  }

  @Test func aPasswordProfileWithoutPasswordSaysWhichVariableToSet() async throws {
    let bed = try TokenTestBed()
    try bed.saveProfile("prod", authType: .oauthPassword, secrets: TokenTestBed.clientSecrets())
    let refused = try #require(failure(await bed.service().accessToken(profile: "prod")))
    #expect(refused.code == "profile.missing_secret")
    #expect(refused.remedies.contains { $0.contains("SNOWGATE_PASSWORD") })
  }

  @Test func newTokensLeaveOtherProfilesUntouched() async throws {
    let bed = try TokenTestBed()
    try bed.saveProfile(
      "other", authType: .oauthPassword, secrets: TokenTestBed.clientSecrets(password: true))
    let before = try bed.store.storedCredentials(for: "other")
    let configBefore = try Data(contentsOf: bed.store.configURL)
    try bed.saveProfile("cc", authType: .oauthClientCredentials, secrets: TokenTestBed.clientSecrets())
    _ = try token(await bed.service().accessToken(profile: "cc"))
    #expect(try bed.store.storedCredentials(for: "other") == before)
    #expect(try bed.store.load().profile(named: "other") != nil)
    #expect(configBefore.count > 0)
  }

  @Test func aCachedTokenIsUsedWithoutRunningTheSecretCommand() async throws {
    let bed = try TokenTestBed()
    let profile = Profile(
      name: "keyring", instanceURL: bed.server.baseURL, authType: .oauthPassword, clientID: "snowgate-demo",
      username: "admin", secretStore: .command(["/bin/false"]))
    try bed.store.save(
      profile: profile,
      secrets: StoredCredentials(
        accessToken: Secret("S3CR3T-cached-access"),
        accessTokenExpiresAt: bed.now.addingTimeInterval(600)))
    let cached = try token(await bed.service().accessToken(profile: "keyring"))
    #expect(cached.origin == .stored)
    #expect(cached.accessToken.reveal() == "S3CR3T-cached-access")

    bed.advance(by: 600)
    let refused = try #require(failure(await bed.service().accessToken(profile: "keyring")))
    #expect(refused.code == "config.unreadable")
    #expect(refused.summary.contains("/bin/false"))
    #expect(!refused.description.contains("S3CR3T"))
  }
}
