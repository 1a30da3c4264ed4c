import Platform

/// How a diagnosis runs: its deadlines and the environment it reads proxies from.
public struct DiagnosisOptions: Sendable {
  /// The deadline of each network step, in seconds (`--timeout`, default 10).
  public var timeout: Double
  /// How long past `timeout` the runner still waits for an HTTP layer before it reports
  /// `http.timeout` itself; the client should have given up by then.
  public var slack: Double
  /// `--refresh`: the token layer forces a refresh.
  public var forceRefresh: Bool
  /// The environment the proxy variables come from; injected so tests never touch the real one.
  public var environment: [String: String]

  public init(
    timeout: Double = 10, slack: Double = 1, forceRefresh: Bool = false,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) {
    self.timeout = timeout
    self.slack = slack
    self.forceRefresh = forceRefresh
    self.environment = environment
  }
}
