/// Thrown by a transport when the whole exchange did not finish within its deadline.
///
/// `connected` tells a host that drops packets (`tcp.timeout`) from a server that accepted and
/// then stalled or dripped (`http.timeout`); `CurlTransport` knows it from libcurl's connect
/// time. Nil when unknown (through a proxy, whose connection says nothing about the instance,
/// or a scripted transport).
public struct DeadlineExceeded: Error, Sendable, Equatable {
  public var deadline: Duration
  public var connected: Bool?
  /// How far the request got, phase by phase, when the deadline passed.
  public var timings: PhaseTimings?

  public init(deadline: Duration, connected: Bool? = nil, timings: PhaseTimings? = nil) {
    self.deadline = deadline
    self.connected = connected
    self.timings = timings
  }
}
