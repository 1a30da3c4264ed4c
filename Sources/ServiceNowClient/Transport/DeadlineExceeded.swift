/// Thrown by a transport when the whole exchange did not finish within its deadline.
///
/// URLSession on Linux does not say whether the TCP connection had opened by then, so this
/// cannot tell a silent host from a slow or dripping server; the client reports `http.timeout`
/// and the diagnosis's own TCP check tells the two apart.
public struct DeadlineExceeded: Error, Sendable, Equatable {
  public var deadline: Duration

  public init(deadline: Duration) {
    self.deadline = deadline
  }
}
