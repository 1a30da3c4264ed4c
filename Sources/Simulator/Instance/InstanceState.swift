import Platform

/// The mutable part of the simulated instance: configuration, issued tokens and codes, and the clock.
struct InstanceState: Sendable {
  var configuration: SimulatorConfiguration {
    didSet {
      if configuration.scenarios != appliedScenarios { applyScenarios() }
    }
  }
  /// The tables the instance keeps rows of; Table API writes land here (sys_user and
  /// oauth_entity live in `configuration`, so sign-ins see what was written).
  var tables: [String: SimulatedTable] = [:]
  /// Characters stored by Table API writes so far; `SimulatedInstance.writeLimits.total` bounds it.
  var writtenCharacters = 0
  /// The scenarios `tables` and the clients were last prepared for.
  private(set) var appliedScenarios: Set<Scenario> = []
  var accessTokens: [String: IssuedToken] = [:]
  var refreshTokens: [String: IssuedToken] = [:]
  var codes: [String: AuthorizationCode] = [:]
  /// Added to the wall clock, so tests can let tokens expire without sleeping.
  var clockOffset: TimeInterval = 0

  init(configuration: SimulatorConfiguration) {
    self.configuration = configuration
    applyScenarios()
  }

  /// Seeds the stored tables for the active scenarios (earlier writes to them are dropped)
  /// and breaks the demo client as `inactive-client` and `wrong-redirect` say.
  mutating func applyScenarios() {
    let scenarios = configuration.scenarios
    appliedScenarios = scenarios
    tables = SimulatedTable.stored(scenarios: scenarios, configuration: configuration)
    if let index = configuration.oauthClients.firstIndex(where: { $0.id == "snowgate-demo" }) {
      if scenarios.contains(.inactiveClient) { configuration.oauthClients[index].active = false }
      if scenarios.contains(.wrongRedirect) {
        configuration.oauthClients[index].redirectURLs = ["https://elsewhere.example.test/oauth/callback"]
      }
      if scenarios.contains(.ccNotConfigured) { configuration.oauthClients[index].applicationUser = nil }
    }
  }

  /// A table by name: stored, derived from the configuration, or the presence view; nil when
  /// the instance has no such table.
  func table(_ name: String) -> SimulatedTable? {
    if let table = SimulatedTable.configured(name, configuration: configuration) { return table }
    if name == "awa_agent_presence_capacity", let presence = tables["awa_agent_presence"],
      let states = tables["awa_presence_state"]
    {
      return SimulatedTable.presenceCapacityView(presence: presence, states: states)
    }
    return tables[name]
  }

  /// The value of a system property, nil when it does not exist.
  func property(_ name: String) -> String? {
    tables["sys_properties"]?.rows.first { $0["name"] == name }?["value"]
  }

  /// The instance's idea of now.
  var now: Date { Date().addingTimeInterval(clockOffset) }

  /// Most live tokens or codes of one kind kept; past it the ones closest to expiry go first.
  static let capacity = 10_000

  /// Forgets expired tokens and codes, and the oldest beyond `capacity`, so memory stays bounded.
  mutating func purgeExpired() {
    let now = self.now
    accessTokens = Self.trimmed(accessTokens.filter { $0.value.expiresAt > now }, by: \.expiresAt)
    refreshTokens = Self.trimmed(refreshTokens.filter { $0.value.expiresAt > now }, by: \.expiresAt)
    codes = Self.trimmed(codes.filter { $0.value.expiresAt > now }, by: \.expiresAt)
  }

  private static func trimmed<Item>(_ items: [String: Item], by expiry: KeyPath<Item, Date>) -> [String: Item]
  {
    guard items.count >= capacity else { return items }
    let kept = items.sorted { $0.value[keyPath: expiry] > $1.value[keyPath: expiry] }.prefix(capacity - 1)
    return Dictionary(uniqueKeysWithValues: kept.map { ($0.key, $0.value) })
  }

  /// Revokes an access or refresh token; a refresh token takes its access tokens with it.
  mutating func revoke(_ token: String) {
    accessTokens[token] = nil
    if refreshTokens.removeValue(forKey: token) != nil {
      accessTokens = accessTokens.filter { $0.value.refreshToken != token }
    }
  }

  /// The live access token for `value`, if any.
  func validAccessToken(_ value: String) -> IssuedToken? {
    guard let token = accessTokens[value], token.expiresAt > now else { return nil }
    return token
  }
}
