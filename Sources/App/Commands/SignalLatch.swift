import Dispatch
import Platform

/// Resumes a continuation once, whichever termination signal comes first.
///
/// Also keeps the dispatch signal sources alive: a released source stops delivering.
final class SignalLatch: @unchecked Sendable {
  private let lock = Lock()
  private var continuation: CheckedContinuation<Int32, Never>?
  nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []
  private static let sourcesLock = Lock()

  init(_ continuation: CheckedContinuation<Int32, Never>) { self.continuation = continuation }

  /// Resumes the continuation the first time; later calls do nothing.
  func fire(_ number: Int32) {
    lock.lock()
    let pending = continuation
    continuation = nil
    lock.unlock()
    pending?.resume(returning: number)
  }

  /// Holds a signal source for the life of the process.
  static func keep(_ source: any DispatchSourceSignal) {
    sourcesLock.lock()
    sources.append(source)
    sourcesLock.unlock()
  }
}
