import Diagnosis
import Foundation
import Profiles
import ServiceNowClient
import Testing
import Vocabulary

@testable import App

/// What happens to the refresh token when a refresh answer does or does not carry a new one
/// (it varies by release), with a scripted instance.
@Suite struct TokenRotationTests {
  private static func answer(access: String, refresh: String?) -> HTTPResponse {
    let refreshField = refresh.map { "\"refresh_token\":\"\($0)\"," } ?? ""
    return .json(
      200,
      "{\"scope\":\"useraccount\",\"token_type\":\"Bearer\",\"expires_in\":1799,\(refreshField)"
        + "\"access_token\":\"\(access)\"}")
  }

  @Test func aRotatedRefreshTokenReplacesTheOldAndAMissingOneKeepsIt() async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "snowgate-rot-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = ProfileStore(directory: folder)
    let profile = Profile(
      name: "agent", instanceURL: URL(string: "http://127.0.0.1:9")!, authType: .oauthRefreshToken,
      clientID: "client")
    try store.save(
      profile: profile,
      secrets: StoredCredentials(
        clientSecret: Secret("S3CR3T-c"), refreshToken: Secret("S3CR3T-refresh-1"),
        refreshTokenExpiresAt: Date(timeIntervalSince1970: 4_000_000_000)))
    let transport = ScriptedTransport()
    transport.expect(
      "POST", "/oauth_token.do", respond: Self.answer(access: "S3CR3T-access-2", refresh: "S3CR3T-refresh-2"))
    transport.expect("POST", "/oauth_token.do", respond: Self.answer(access: "S3CR3T-access-3", refresh: nil))
    let clock = TestClock()
    let service = TokenService(
      store: store, environment: [:],
      makeClient: { ServiceNowClient(instance: $0.instanceURL, transport: transport) }, now: { clock.now })

    let first = try await service.accessToken(profile: "agent").get()
    #expect(first.accessToken.reveal() == "S3CR3T-access-2")
    var stored = try #require(try store.storedCredentials(for: "agent"))
    #expect(stored.refreshToken?.reveal() == "S3CR3T-refresh-2")

    clock.advance(by: 1800)
    let second = try await service.accessToken(profile: "agent").get()
    #expect(second.accessToken.reveal() == "S3CR3T-access-3")
    stored = try #require(try store.storedCredentials(for: "agent"))
    #expect(stored.refreshToken?.reveal() == "S3CR3T-refresh-2")
    #expect(stored.accessToken?.reveal() == "S3CR3T-access-3")
    try transport.verifyAllUsed()
  }

  @Test func anUnreachableInstanceIsANetworkFailureWithoutFallback() async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "snowgate-rot-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = ProfileStore(directory: folder)
    let profile = Profile(
      name: "prod", instanceURL: URL(string: "http://127.0.0.1:9")!, authType: .oauthPassword,
      clientID: "client", username: "admin")
    try store.save(
      profile: profile,
      secrets: StoredCredentials(
        password: Secret("S3CR3T-pw"), clientSecret: Secret("S3CR3T-c"),
        refreshToken: Secret("S3CR3T-refresh-1")))
    let transport = ScriptedTransport()
    transport.expect(
      "POST", "/oauth_token.do", fail: CurlFailure(code: 7, message: "Failed to connect", osErrno: 111))
    let service = TokenService(
      store: store, environment: [:],
      makeClient: { ServiceNowClient(instance: $0.instanceURL, transport: transport) })
    let result = await service.accessToken(profile: "prod")
    guard case .failure(let failure) = result else {
      Issue.record("an unreachable instance gave a token")
      return
    }
    #expect(failure.code == "tcp.refused")
    #expect(Diagnosis.exitCode(for: failure.code) == 4)
    try transport.verifyAllUsed()
  }
}

/// A clock a test moves by hand.
final class TestClock: @unchecked Sendable {
  private let lock = NSLock()
  private var offset: TimeInterval = 0

  var now: Date { lock.withLock { Date().addingTimeInterval(offset) } }

  func advance(by seconds: TimeInterval) {
    lock.withLock { offset += seconds }
  }
}
