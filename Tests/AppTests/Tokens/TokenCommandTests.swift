import Foundation
import Profiles
import ServiceNowClient
import Testing
import Vocabulary

@testable import App

/// `snowgate token` in-process: stdout has the token alone, stderr the sentences, and the exit
/// status says what kind of failure it was.
@Suite struct TokenCommandTests {
  private final class Lines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func add(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
    var text: String { all.joined(separator: "\n") }
  }

  private func run(_ arguments: [String], _ service: TokenService) async -> (Int32, Lines, Lines) {
    let out = Lines()
    let err = Lines()
    let status = await TokenCommand.run(arguments, service: service, output: out.add, errors: err.add)
    return (status, out, err)
  }

  @Test func printsOnlyTheTokenOnStdout() async throws {
    let bed = try TokenTestBed()
    try bed.saveProfile("prod", authType: .oauthPassword, secrets: TokenTestBed.clientSecrets(password: true))
    let (status, out, err) = await run(["prod"], bed.service())
    #expect(status == 0)
    #expect(out.all.count == 1)
    let token = try #require(out.all.first)
    #expect(try bed.store.storedCredentials(for: "prod")?.accessToken?.reveal() == token)
    #expect(err.all.isEmpty)
    for text in [out.text, err.text, bed.log.render()] {
      #expect(!text.contains("S3CR3T"))
    }
    #expect(!bed.log.render().contains(token))
  }

  @Test func aBasicProfileIsAUsageProblemWithExitTwo() async throws {
    let bed = try TokenTestBed()
    try bed.saveProfile(
      "basic", authType: .basic, secrets: StoredCredentials(password: Secret(TokenTestBed.password)))
    let (status, out, err) = await run(["basic"], bed.service())
    #expect(status == 2)
    #expect(out.all.isEmpty)
    #expect(err.text.contains("Basic"))
    #expect(!err.text.contains("S3CR3T"))
  }

  @Test func aRefusedRefreshExitsThreeWithTheRemedy() async throws {
    let bed = try TokenTestBed(scenarios: [.refreshExpired])
    try bed.saveProfile(
      "agent", authType: .oauthRefreshToken,
      secrets: TokenTestBed.clientSecrets(refreshToken: "S3CR3T-refresh-SENTINEL"))
    let (status, out, err) = await run(["agent"], bed.service())
    #expect(status == 3)
    #expect(out.all.isEmpty)
    #expect(err.text.contains("refresh token"))
    #expect(err.text.contains("it has expired (100 days by default) or was revoked"))
    #expect(err.text.contains("snowgate setup agent"))
    #expect(!err.text.contains("S3CR3T"))
  }

  @Test func helpGoesToStdoutAndTwoNamesAreAUsageError() async throws {
    let bed = try TokenTestBed()
    let (helpStatus, help, _) = await run(["--help"], bed.service())
    #expect(helpStatus == 0)
    #expect(help.text.contains("Usage: snowgate token"))
    let (status, out, err) = await run(["a", "b"], bed.service())
    #expect(status == 2)
    #expect(out.all.isEmpty)
    #expect(err.text.contains("at most one"))
  }

  @Test func aSecretOptionIsRefused() async throws {
    let bed = try TokenTestBed()
    let (status, _, err) = await run(["--token", "S3CR3T-x"], bed.service())
    #expect(status == 2)
    #expect(!err.text.contains("S3CR3T"))
  }

  @Test func anOpenCredentialsFileIsRefusedWithTheChmodToRun() async throws {
    let bed = try TokenTestBed()
    try bed.saveProfile("prod", authType: .oauthPassword, secrets: TokenTestBed.clientSecrets(password: true))
    try FileManager.default.setAttributes(
      [.posixPermissions: 0o644], ofItemAtPath: bed.store.credentialsURL.path)
    let (status, out, err) = await run(["prod"], bed.service())
    #expect(status == 2)
    #expect(out.all.isEmpty)
    #expect(err.text.contains("chmod 600"))
    #expect(!err.text.contains("S3CR3T"))
    #expect(bed.tokenRequests == 0)
  }
}
