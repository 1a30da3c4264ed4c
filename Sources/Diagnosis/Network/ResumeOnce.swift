import Platform

/// A continuation that the first of several racers resumes; the others are ignored.
///
/// Why: a deadline races work that cannot be cancelled (getaddrinfo, a probe that ignores
/// cancellation), so whoever finishes first answers and the loser's answer is dropped. A racer
/// may win before the continuation exists (a task cancelled at once); its value is then kept
/// and handed over when the continuation is installed.
final class ResumeOnce<Value: Sendable>: @unchecked Sendable {
  private let lock = Lock()
  private var continuation: CheckedContinuation<Value, Never>?
  private var winner: Value?
  private var isDone = false

  /// Installs the continuation; resumes it at once if a racer already won.
  func install(_ continuation: CheckedContinuation<Value, Never>) {
    lock.lock()
    if isDone, let winner {
      self.winner = nil
      lock.unlock()
      continuation.resume(returning: winner)
      return
    }
    self.continuation = continuation
    lock.unlock()
  }

  /// Resumes with `value` unless someone already did; returns whether this call won.
  @discardableResult
  func resume(_ value: Value) -> Bool {
    lock.lock()
    guard !isDone else {
      lock.unlock()
      return false
    }
    isDone = true
    let pending = continuation
    continuation = nil
    if pending == nil { winner = value }
    lock.unlock()
    pending?.resume(returning: value)
    return true
  }
}
