import Foundation

/// A continuation that the first of several racers resumes; the others are ignored.
///
/// Why: a deadline races work that cannot be cancelled (getaddrinfo, a probe that ignores
/// cancellation), so whoever finishes first answers and the loser's answer is dropped.
final class ResumeOnce<Value: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var continuation: CheckedContinuation<Value, Never>?

  init(_ continuation: CheckedContinuation<Value, Never>) {
    self.continuation = continuation
  }

  /// Resumes with `value` unless someone already did; returns whether this call won.
  @discardableResult
  func resume(_ value: Value) -> Bool {
    lock.lock()
    let pending = continuation
    continuation = nil
    lock.unlock()
    pending?.resume(returning: value)
    return pending != nil
  }
}
