import Platform

/// A simulated ServiceNow instance listening on 127.0.0.1, for the demo and for tests.
///
/// Start it, point a client at `baseURL`, stop it. Test hooks change scenarios, revoke tokens and
/// move the instance's clock while it runs.
public final class SimulatorServer: Sendable {
  private let instance: SimulatedInstance
  private let http: HTTPServer

  /// `requestLog` gets one line per request (`POST /oauth_token.do grant_type=refresh_token 200`),
  /// so a test of another process can count what reached the instance.
  public init(configuration: SimulatorConfiguration, requestLog: (@Sendable (String) -> Void)? = nil) {
    let instance = SimulatedInstance(configuration: configuration, requestLog: requestLog)
    self.instance = instance
    http = HTTPServer(
      limits: HTTPServer.Limits(
        maxConnections: configuration.maxConnections, maxHeaderBytes: configuration.maxHeaderBytes,
        maxBodyBytes: configuration.maxBodyBytes, idleTimeout: configuration.idleTimeout),
      handler: { instance.respond(to: $0) })
  }

  /// Listens on 127.0.0.1:`port` (0 picks a free port) and returns the port actually bound.
  @discardableResult
  public func start(port: UInt16 = 0) throws -> UInt16 {
    try http.start(port: port)
  }

  /// The bound port; 0 before `start`.
  public var port: UInt16 { http.port }

  /// `http://127.0.0.1:PORT`.
  public var baseURL: URL { URL(string: "http://127.0.0.1:\(http.port)")! }

  /// Stops listening and closes every connection; waits until the accept thread is gone.
  public func stop() { http.stop() }

  /// The configuration in force now.
  public var configuration: SimulatorConfiguration { instance.configuration }

  /// Replaces the active scenarios while the server runs; the stored tables are seeded again
  /// for them, so earlier Table API writes to those tables are dropped.
  public func setScenarios(_ scenarios: Set<Scenario>) {
    update { $0.scenarios = scenarios }
  }

  /// Changes the configuration while the server runs (users, clients, delays, auto-approve…).
  ///
  /// The connection limits are fixed at `init`; changing them here has no effect.
  public func update(_ change: (inout SimulatorConfiguration) -> Void) {
    instance.state.withLock { change(&$0.configuration) }
  }

  /// Revokes an access or refresh token, as an admin deleting it on the instance would.
  public func revoke(token: String) {
    instance.state.withLock { $0.revoke(token) }
  }

  /// Moves the instance's clock forward, so tests can expire tokens without waiting.
  public func advanceClock(by seconds: TimeInterval) {
    instance.state.withLock { $0.clockOffset += seconds }
  }

  /// Connections open right now (for tests that check nothing is left hanging).
  public var openConnections: Int { http.openConnections }
}
