/// Thrown by a transport when the whole exchange did not finish within its deadline.
///
/// URLSession on Linux does not say whether the TCP connection had opened by then, so
/// `URLSessionTransport` checks with a fresh, short connection attempt once the deadline has
/// passed: `connected` tells a host that drops packets (`tcp.timeout`) from a server that
/// accepted and then stalled or dripped (`http.timeout`). Nil when not checked (through a
/// proxy, or a scripted transport).
public struct DeadlineExceeded: Error, Sendable, Equatable {
  public var deadline: Duration
  public var connected: Bool?

  public init(deadline: Duration, connected: Bool? = nil) {
    self.deadline = deadline
    self.connected = connected
  }
}
