import Platform

/// The per-phase timings of a client's requests, collected as they finish, so the layer that
/// made them (a check line) can show how long DNS, connect, TLS and the answer took.
///
/// A lock-protected class like `RequestLog`: clients are values that share one.
public final class TimingLog: @unchecked Sendable {
  private let lock = Lock()
  private var pending: [PhaseTimings] = []

  public init() {}

  /// Adds the timings of one finished request.
  public func record(_ timings: PhaseTimings) {
    lock.withLock { pending.append(timings) }
  }

  /// The timings recorded since the last call, oldest first, and forgets them.
  public func take() -> [PhaseTimings] {
    lock.withLock {
      defer { pending = [] }
      return pending
    }
  }
}
