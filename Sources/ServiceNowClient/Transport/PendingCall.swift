import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// One in-flight URLSession call raced against its deadline and against task cancellation.
///
/// Whichever of the three ends first (the answer, the timer, cancellation) resumes the
/// continuation exactly once and cancels the others: the data task is cancelled when the
/// deadline passes, which is what makes a deadline real on Linux.
final class PendingCall: @unchecked Sendable {
  private let lock = NSLock()
  private var continuation: CheckedContinuation<HTTPResponse, any Error>?
  private var task: URLSessionTask?
  private var timer: DispatchWorkItem?
  private var earlyResult: Result<HTTPResponse, any Error>?
  private var done = false

  /// Installs the continuation; resumes it at once if the call already ended (cancelled early).
  func start(_ continuation: CheckedContinuation<HTTPResponse, any Error>) {
    lock.lock()
    if let earlyResult {
      done = true
      lock.unlock()
      continuation.resume(with: earlyResult)
      return
    }
    self.continuation = continuation
    lock.unlock()
  }

  /// Remembers the task and its timer; returns false when the call already ended (do not resume it).
  func attach(task: URLSessionTask, timer: DispatchWorkItem) -> Bool {
    lock.lock()
    defer { lock.unlock() }
    if done {
      return false
    }
    self.task = task
    self.timer = timer
    return true
  }

  /// Ends the call at its deadline: cancels the data task at once (which also stops
  /// FoundationNetworking's busy loop), then resumes with what `explain` finds out.
  func expire(explain: @escaping @Sendable () async -> any Error) {
    lock.lock()
    guard !done, let continuation else {
      lock.unlock()
      return
    }
    done = true
    let task = self.task
    self.continuation = nil
    self.task = nil
    self.timer = nil
    lock.unlock()
    task?.cancel()
    Task {
      continuation.resume(throwing: await explain())
    }
  }

  /// Ends the call with `result` unless it already ended.
  func finish(_ result: Result<HTTPResponse, any Error>) {
    lock.lock()
    if done {
      lock.unlock()
      return
    }
    guard let continuation else {
      if earlyResult == nil {
        earlyResult = result
      }
      lock.unlock()
      return
    }
    done = true
    let task = self.task
    let timer = self.timer
    self.continuation = nil
    self.task = nil
    self.timer = nil
    lock.unlock()
    timer?.cancel()
    if case .failure = result {
      task?.cancel()
    }
    continuation.resume(with: result)
  }
}
