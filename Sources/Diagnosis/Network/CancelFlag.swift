import Platform

/// A flag a task's cancellation handler sets and a blocking loop on another thread reads.
final class CancelFlag: Sendable {
  private let cancelled = Locked(false)

  func cancel() {
    cancelled.withLock { $0 = true }
  }

  var isCancelled: Bool {
    cancelled.withLock { $0 }
  }
}
