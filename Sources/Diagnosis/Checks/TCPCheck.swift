/// The `tcp` layer: does anything accept a connection on the instance's port?
public enum TCPCheck {
  /// Connects to every resolved address at once; the first address's fate decides a failure,
  /// since it is the one the system prefers.
  public static func run(
    host: String, port: Int, addresses: [ResolvedAddress], timeout: Double
  ) async -> LayerOutcome {
    let outcome = await TCPConnector.connect(to: addresses, timeout: timeout)
    if let connected = outcome.connected {
      return .pass("connected to \(connected.withPort(port)) in \(outcome.elapsedMilliseconds) ms")
    }
    guard let first = outcome.attempts.first else {
      return .fail(
        code: "tcp.failed", detail: "no address to connect to",
        summary: "\(host) has no address to connect to.", remedies: [])
    }
    let target = first.address.withPort(port)
    switch first.attempt {
    case .refused:
      return .fail(
        code: "tcp.refused", detail: "\(target) refused the connection",
        summary: "Nothing accepts connections on port \(port) of \(host).",
        remedies: [
          "Check the port in the instance address: ServiceNow instances use 443.",
          "A firewall may reject the connection: ask the network team whether this machine may "
            + "reach \(host) on port \(port).",
        ])
    case .timedOut:
      return .fail(
        code: "tcp.timeout", detail: "no answer from \(target) within \(seconds(timeout))",
        summary: "\(host) did not answer on port \(port) within \(seconds(timeout)).",
        remedies: [
          "A firewall probably drops the traffic: ask the network team to allow HTTPS "
            + "(port \(port)) from this machine to \(host).",
          "If this network requires a proxy, set HTTPS_PROXY, for example "
            + "HTTPS_PROXY=http://proxy.example.com:3128.",
        ])
    case .failed(_, let text):
      return .fail(
        code: "tcp.failed", detail: "cannot reach \(target): \(text.lowercased())",
        summary: "This machine cannot reach \(host): \(text.lowercased()).",
        remedies: ["Check the network connection, the VPN and the routes of this machine."])
    case .connected, .abandoned:
      return .pass("connected to \(target)")
    }
  }

  /// "10 s", "2.5 s": a timeout as a person reads it.
  static func seconds(_ value: Double) -> String {
    value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
  }
}
