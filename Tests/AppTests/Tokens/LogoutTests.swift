import Foundation
import Profiles
import ServiceNowClient
import Testing
import Vocabulary

@testable import App

@Suite struct LogoutTests {
  @Test func logoutRevokesBothTokensAndForgetsThem() async throws {
    let bed = try TokenTestBed()
    try bed.saveProfile("prod", authType: .oauthPassword, secrets: TokenTestBed.clientSecrets(password: true))
    let token = try await bed.service().accessToken(profile: "prod").get()
    let refresh = try #require(try bed.store.storedCredentials(for: "prod")?.refreshToken)
    #expect(await bed.tableAccepts(token.accessToken.reveal()))

    let outcome = try await LogoutService(tokens: bed.service()).logout(profile: "prod").get()
    #expect(outcome.tokenCount == 2)
    #expect(outcome.revokedCount == 2)
    #expect(outcome.forgotten)
    #expect(outcome.warnings.isEmpty)
    #expect(outcome.signedOut)
    #expect(!(await bed.tableAccepts(token.accessToken.reveal())))
    // Signed out: the secrets that could mint new tokens went with the tokens.
    #expect(try bed.store.storedCredentials(for: "prod") == nil)
    #expect(try bed.store.load().profile(named: "prod")?.signedOutAt != nil)

    // The revoked refresh token is refused too.
    let refreshed = await bed.client().requestToken(
      TokenRequest(
        clientID: "snowgate-demo", clientSecret: Secret(TokenTestBed.clientSecret),
        grant: .refreshToken(refresh)))
    guard case .failure(let failure) = refreshed else {
      Issue.record("a revoked refresh token still worked")
      return
    }
    #expect(failure.code == "oauth.refresh_expired")
    #expect(!bed.log.render().contains(refresh.reveal()))
  }

  @Test func logoutWithTheInstanceDownStillForgetsAndSaysSo() async throws {
    let bed = try TokenTestBed()
    try bed.saveProfile("prod", authType: .oauthPassword, secrets: TokenTestBed.clientSecrets(password: true))
    _ = try await bed.service().accessToken(profile: "prod").get()
    bed.server.stop()

    let lines = LockedLines()
    let status = await LogoutCommand.run(
      ["prod"], service: LogoutService(tokens: bed.service()), output: lines.add, errors: lines.add)
    #expect(status == 0)
    #expect(lines.text.contains("did not revoke"))
    #expect(lines.text.contains("forgot"))
    #expect(try bed.store.storedCredentials(for: "prod")?.accessToken == nil)
    // One failed attempt is enough: the second token is not tried against a dead instance.
    #expect(bed.log.entries.filter { $0.url.contains("oauth_revoke_token.do") }.count == 1)
    #expect(!lines.text.contains("S3CR3T"))
  }

  @Test func logoutOfAnUnknownProfileExitsTwo() async throws {
    let bed = try TokenTestBed()
    let lines = LockedLines()
    let status = await LogoutCommand.run(
      ["nope"], service: LogoutService(tokens: bed.service()), output: lines.add, errors: lines.add)
    #expect(status == 2)
    #expect(lines.text.contains("nope"))
  }

  @Test func logoutWithoutNameIsAUsageError() async throws {
    let bed = try TokenTestBed()
    let lines = LockedLines()
    let status = await LogoutCommand.run(
      [], service: LogoutService(tokens: bed.service()), output: lines.add, errors: lines.add)
    #expect(status == 2)
    #expect(lines.text.contains("Usage: snowgate logout NAME"))
  }
}

/// Lines collected from a command's output callbacks.
final class LockedLines: @unchecked Sendable {
  private let lock = NSLock()
  private var lines: [String] = []
  func add(_ line: String) { lock.withLock { lines.append(line) } }
  var text: String { lock.withLock { lines.joined(separator: "\n") } }
}
