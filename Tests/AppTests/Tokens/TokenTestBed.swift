import Foundation
import Profiles
import ServiceNowClient
import Simulator
import Vocabulary

@testable import App

/// A simulated instance, a profile store in a temporary folder and a token service wired to both.
///
/// The instance uses sentinel secrets so a test can assert they never reach an output or a log.
final class TokenTestBed: @unchecked Sendable {
  static let clientSecret = "S3CR3T-client-SENTINEL"
  static let password = "S3CR3T-pw-SENTINEL"

  let server: SimulatorServer
  let store: ProfileStore
  let log = RequestLog()
  let folder: URL
  private let lock = NSLock()
  private var offset: TimeInterval = 0

  init(
    scenarios: Set<Scenario> = [], accessTokenLifespan: Int = 1800, autoApprove: Bool = false,
    redirectURLs: [String] = ["http://127.0.0.1:8484/callback"], jwtVerifiers: [SimulatedJWTVerifier] = [],
    apiKeys: [SimulatedAPIKey] = []
  ) throws {
    var configuration = SimulatorConfiguration(
      users: [SimulatedUser(userName: "admin", password: Self.password)],
      oauthClients: [
        SimulatedOAuthClient(
          id: "snowgate-demo", secret: Self.clientSecret, redirectURLs: redirectURLs,
          accessTokenLifespan: accessTokenLifespan, applicationUser: "admin"),
        SimulatedOAuthClient(
          id: "snowgate-public", secret: nil, publicClient: true, redirectURLs: redirectURLs,
          accessTokenLifespan: accessTokenLifespan),
      ], scenarios: scenarios, autoApprove: autoApprove)
    configuration.jwtVerifiers = jwtVerifiers
    configuration.apiKeys = apiKeys
    server = SimulatorServer(configuration: configuration)
    try server.start()
    folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "snowgate-tokens-\(UUID().uuidString)", isDirectory: true)
    store = ProfileStore(directory: folder)
  }

  deinit {
    server.stop()
    try? FileManager.default.removeItem(at: folder)
  }

  /// Moves this test's clock (the service's, not the simulator's) forward.
  func advance(by seconds: TimeInterval) {
    lock.withLock { offset += seconds }
  }

  var now: Date { lock.withLock { Date().addingTimeInterval(offset) } }

  /// A client of the simulated instance that records into the shared log.
  func client() -> ServiceNowClient {
    ServiceNowClient(instance: server.baseURL, log: log, deadline: .seconds(5))
  }

  /// The service under test, with this bed's clock, store and client.
  func service(environment: [String: String] = [:]) -> TokenService {
    TokenService(
      store: store, environment: environment, makeClient: { [self] _ in client() },
      now: { [self] in now })
  }

  /// Saves a profile of `authType` pointing at the simulator, with the secrets given.
  @discardableResult
  func saveProfile(
    _ name: String, authType: AuthKind, clientID: String = "snowgate-demo", secrets: StoredCredentials
  ) throws -> Profile {
    let profile = Profile(
      name: name, instanceURL: server.baseURL, authType: authType,
      clientID: authType == .basic ? nil : clientID, username: "admin",
      redirectURI: "http://127.0.0.1:8484/callback", secretStore: .file)
    return try store.save(profile: profile, secrets: secrets)
  }

  /// Secrets for a confidential client with the sentinel secret.
  static func clientSecrets(password: Bool = false, refreshToken: String? = nil) -> StoredCredentials {
    StoredCredentials(
      password: password ? Secret(Self.password) : nil, clientSecret: Secret(Self.clientSecret),
      refreshToken: refreshToken.map(Secret.init))
  }

  /// How many token requests reached the instance so far.
  var tokenRequests: Int {
    log.entries.filter { $0.url.contains("/oauth_token.do") }.count
  }

  /// A refresh token issued by the simulator through the password grant, for refresh-token profiles.
  func issueRefreshToken() async throws -> String {
    let result = await ServiceNowClient(instance: server.baseURL, deadline: .seconds(5)).requestToken(
      TokenRequest(
        clientID: "snowgate-demo", clientSecret: Secret(Self.clientSecret),
        grant: .password(username: "admin", password: Secret(Self.password))))
    guard case .success(let tokens) = result, let refresh = tokens.refreshToken else {
      throw TestBedError.noRefreshToken
    }
    return refresh.reveal()
  }

  /// Whether the simulator's Table API accepts `token` as a Bearer token.
  func tableAccepts(_ token: String) async -> Bool {
    let result = await ServiceNowClient(instance: server.baseURL, deadline: .seconds(5)).readTable(
      "sys_user", fields: ["sys_id"], auth: .bearer(Secret(token)))
    if case .success = result { return true }
    return false
  }

  enum TestBedError: Error {
    case noRefreshToken
  }
}
