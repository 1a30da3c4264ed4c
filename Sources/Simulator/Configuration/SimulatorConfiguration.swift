import Platform

/// Everything that makes one simulated instance: its accounts, OAuth apps, misbehaviours and limits.
///
/// A scenario file is this type as JSON; every key is optional and missing ones take the demo values,
/// so a file can say just `{"scenarios": ["slow"], "slowDelay": 5}`.
public struct SimulatorConfiguration: Sendable, Codable, Equatable {
  public var users: [SimulatedUser]
  public var oauthClients: [SimulatedOAuthClient]
  public var scenarios: Set<Scenario>
  /// Seconds the `slow` scenario waits before answering.
  public var slowDelay: Double
  /// Seconds between two bytes in the `drip` scenario.
  public var dripInterval: Double
  /// Skip the consent page: `/oauth_auth.do` redirects with a code at once, for command-line "browsers".
  public var autoApprove: Bool
  /// The `Retry-After` seconds of the `rate-limited` scenario.
  public var retryAfter: Int
  /// Seconds a connection may sit idle (or take to send one request) before it is closed.
  public var idleTimeout: Double
  /// Connections served at once; more are answered 503 and closed, which keeps memory bounded.
  public var maxConnections: Int
  /// Largest request head (request line and headers) accepted; larger gets 431.
  public var maxHeaderBytes: Int
  /// Largest request body accepted; larger gets 413.
  public var maxBodyBytes: Int
  /// The JWT verifier maps of the OAuth apps, for the JWT bearer grant (see SimulatedInstance+JWT).
  public var jwtVerifiers: [SimulatedJWTVerifier] = []
  /// The REST API Key records, for `x-sn-apikey` sign-in (see SimulatedInstance+APIKey).
  public var apiKeys: [SimulatedAPIKey] = []

  public init(
    users: [SimulatedUser], oauthClients: [SimulatedOAuthClient], scenarios: Set<Scenario> = [],
    slowDelay: Double = 3, dripInterval: Double = 1, autoApprove: Bool = false, retryAfter: Int = 60,
    idleTimeout: Double = 30, maxConnections: Int = 256, maxHeaderBytes: Int = 64 * 1024,
    maxBodyBytes: Int = 1024 * 1024
  ) {
    self.users = users
    self.oauthClients = oauthClients
    self.scenarios = scenarios
    self.slowDelay = slowDelay
    self.dripInterval = dripInterval
    self.autoApprove = autoApprove
    self.retryAfter = retryAfter
    self.idleTimeout = idleTimeout
    self.maxConnections = maxConnections
    self.maxHeaderBytes = maxHeaderBytes
    self.maxBodyBytes = maxBodyBytes
  }

  /// The demo instance's REST API key (acts as abel.tuter), for `snowgate demo` and the tests.
  public static let demoAPIKey = "demo-api-key-0123456789abcdef"
  /// The Key ID of the demo client's JWT verifier map entry.
  public static let demoJWTKeyID = "snowgate-demo-key"

  /// The demo instance: user admin/admin, client `snowgate-demo` / `demo-secret`, a public PKCE
  /// client, an API key (`demoAPIKey`, user abel.tuter) and a JWT verifier for `snowgate-demo`
  /// (Key ID `demoJWTKeyID`, the public half of `DemoJWTKey.privateKeyPEM`).
  public static var demo: SimulatorConfiguration {
    var configuration = SimulatorConfiguration(
      users: [
        SimulatedUser(
          userName: "admin", password: "admin", firstName: "System", lastName: "Administrator",
          email: "admin@example.com", roles: ["admin"]),
        SimulatedUser(
          userName: "abel.tuter", password: "Abel-Tuter-1", firstName: "Abel", lastName: "Tuter",
          email: "abel.tuter@example.com"),
        SimulatedUser(
          userName: "beth.anglin", password: "Beth-Anglin-1", firstName: "Beth", lastName: "Anglin",
          email: "beth.anglin@example.com"),
      ],
      oauthClients: [
        SimulatedOAuthClient(
          id: "snowgate-demo", secret: "demo-secret", name: "snowgate demo",
          redirectURLs: ["http://127.0.0.1:8484/callback"], applicationUser: "admin"),
        SimulatedOAuthClient(
          id: "snowgate-public", secret: nil, name: "snowgate public (PKCE)", publicClient: true,
          redirectURLs: ["http://127.0.0.1:8484/callback"]),
      ])
    configuration.apiKeys = [SimulatedAPIKey(key: demoAPIKey, userName: "abel.tuter")]
    configuration.jwtVerifiers = [
      SimulatedJWTVerifier(
        clientID: "snowgate-demo", keyID: demoJWTKeyID, publicKeyPEM: DemoJWTKey.publicKeyPEM)
    ]
    return configuration
  }

  /// A named scenario (or several joined by commas) on the demo instance, or a JSON scenario file.
  public static func load(scenario nameOrPath: String) throws -> SimulatorConfiguration {
    let names = nameOrPath.split(separator: ",").map { PlainString.trimmed($0) }
    let scenarios = names.compactMap(Scenario.init(rawValue:))
    if !names.isEmpty, scenarios.count == names.count {
      var configuration = demo
      configuration.scenarios = Set(scenarios)
      return configuration
    }
    let looksLikePath = nameOrPath.contains("/") || nameOrPath.hasSuffix(".json")
    let data: Data
    do {
      data = try ScenarioFile.read(nameOrPath)
    } catch ScenarioFile.Problem.missing {
      if looksLikePath {
        throw SimulatorConfigurationError.unreadableFile(path: nameOrPath, reason: "no such file")
      }
      throw SimulatorConfigurationError.unknownScenario(nameOrPath)
    } catch {
      throw SimulatorConfigurationError.unreadableFile(
        path: nameOrPath, reason: (error as? ScenarioFile.Problem)?.reason ?? "it cannot be opened")
    }
    do {
      return try JSONDecoder().decode(SimulatorConfiguration.self, from: data)
    } catch let error as DecodingError {
      throw SimulatorConfigurationError.invalidFile(path: nameOrPath, reason: describe(error))
    } catch {
      throw SimulatorConfigurationError.invalidFile(path: nameOrPath, reason: "it is not JSON")
    }
  }

  private static func describe(_ error: DecodingError) -> String {
    func path(_ context: DecodingError.Context) -> String {
      let keys = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }
      return keys.isEmpty ? "the top level" : keys.joined(separator: ".")
    }
    switch error {
    case .dataCorrupted(let context):
      if context.codingPath.last?.stringValue.isEmpty == false || context.codingPath.count > 1 {
        return "the value at \(path(context)) is not allowed (a scenario name must be one of "
          + Scenario.allCases.map(\.rawValue).joined(separator: ", ") + ")"
      }
      return "it is not valid JSON"
    case .keyNotFound(let key, let context):
      return "\(path(context)) lacks the key \(key.stringValue)"
    case .typeMismatch(_, let context), .valueNotFound(_, let context):
      return "the value at \(path(context)) has the wrong type"
    @unknown default:
      return "it does not have the expected shape"
    }
  }

  enum CodingKeys: String, CodingKey {
    case users, oauthClients, scenarios, slowDelay, dripInterval, autoApprove, retryAfter
    case idleTimeout, maxConnections, maxHeaderBytes, maxBodyBytes
    case jwtVerifiers, apiKeys
  }

  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let demo = SimulatorConfiguration.demo
    self.init(
      users: try container.decodeIfPresent([SimulatedUser].self, forKey: .users) ?? demo.users,
      oauthClients: try container.decodeIfPresent([SimulatedOAuthClient].self, forKey: .oauthClients)
        ?? demo.oauthClients,
      scenarios: try container.decodeIfPresent(Set<Scenario>.self, forKey: .scenarios) ?? [],
      slowDelay: try container.decodeIfPresent(Double.self, forKey: .slowDelay) ?? demo.slowDelay,
      dripInterval: try container.decodeIfPresent(Double.self, forKey: .dripInterval) ?? demo.dripInterval,
      autoApprove: try container.decodeIfPresent(Bool.self, forKey: .autoApprove) ?? false,
      retryAfter: try container.decodeIfPresent(Int.self, forKey: .retryAfter) ?? demo.retryAfter,
      idleTimeout: try container.decodeIfPresent(Double.self, forKey: .idleTimeout) ?? demo.idleTimeout,
      maxConnections: try container.decodeIfPresent(Int.self, forKey: .maxConnections) ?? demo.maxConnections,
      maxHeaderBytes: try container.decodeIfPresent(Int.self, forKey: .maxHeaderBytes) ?? demo.maxHeaderBytes,
      maxBodyBytes: try container.decodeIfPresent(Int.self, forKey: .maxBodyBytes) ?? demo.maxBodyBytes)
    jwtVerifiers =
      try container.decodeIfPresent([SimulatedJWTVerifier].self, forKey: .jwtVerifiers) ?? demo.jwtVerifiers
    apiKeys = try container.decodeIfPresent([SimulatedAPIKey].self, forKey: .apiKeys) ?? demo.apiKeys
  }
}
