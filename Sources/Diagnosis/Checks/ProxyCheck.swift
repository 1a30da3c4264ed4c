import Vocabulary

/// The `proxy` layer: which proxy the HTTP client will use, and whether it accepts connections.
///
/// Only run when a proxy variable is set; a proxy that is down looks to every later layer like
/// a dead instance, so it gets its own line and its own code, `proxy.failed`.
public enum ProxyCheck {
  /// The outcome and the proxy that requests will really go through (nil when direct).
  public static func run(
    address: NormalisedInstance, environment: [String: String], timeout: Double
  ) async -> (LayerOutcome, ProxySetting?) {
    guard
      let lookup = ProxySetting.lookup(
        environment: environment, scheme: address.scheme, host: address.host, port: address.effectivePort)
    else {
      let names = ProxySetting.variables(for: address.scheme).joined(separator: ", ")
      return (.skip("no proxy variable set (\(names))"), nil)
    }
    let proxy: ProxySetting
    switch lookup {
    case .failure(let error):
      let outcome = LayerOutcome.fail(
        code: "proxy.invalid", detail: "\(error.variable) is set but is not a proxy address",
        summary: "The proxy variable \(error.variable) cannot be read as a proxy address.",
        remedies: [
          "Set \(error.variable) to the proxy's address, for example http://proxy.example.com:3128, "
            + "or unset it if this network needs no proxy."
        ])
      return (outcome, nil)
    case .success(let setting):
      proxy = setting
    }
    if let entry = proxy.bypassEntry {
      let detail =
        "\(proxy.variable)=\(proxy.display) is set, but NO_PROXY entry “\(entry)” matches "
        + "\(address.host): connecting directly"
      return (.pass(detail), nil)
    }
    let failure = await reach(proxy, timeout: timeout)
    guard let failure else {
      return (.pass("via \(proxy.display) (\(proxy.variable)), which accepts connections"), proxy)
    }
    let outcome = LayerOutcome.fail(
      code: "proxy.failed", detail: "cannot connect to proxy \(proxy.display): \(failure)",
      summary: "The proxy named by \(proxy.variable), \(proxy.display), does not accept connections.",
      remedies: [
        "Check the proxy address with your network team, or unset \(proxy.variable) if this network "
          + "needs no proxy.",
        "If the instance should be reached directly, add it to NO_PROXY (for example "
          + "NO_PROXY=\(address.host)).",
      ])
    return (outcome, proxy)
  }

  /// Nil when the proxy accepts a TCP connection, otherwise why not, in a few words.
  static func reach(_ proxy: ProxySetting, timeout: Double) async -> String? {
    let clock = ContinuousClock()
    let start = clock.now
    let resolved = await Resolver.resolve(host: proxy.host, port: proxy.port, timeout: timeout)
    guard case .addresses(let addresses) = resolved else {
      return "its name \(proxy.host) does not resolve"
    }
    let left = timeout - Double(start.duration(to: clock.now).wholeMilliseconds) / 1000
    let outcome = await TCPConnector.connect(to: addresses, timeout: max(0.1, left))
    if outcome.connected != nil { return nil }
    switch outcome.attempts.first?.attempt {
    case .refused: return "connection refused"
    case .timedOut: return "no answer within \(TCPCheck.seconds(timeout))"
    case .failed(_, let text): return text.lowercased()
    default: return "no address to connect to"
    }
  }
}
