import Diagnosis
import Foundation

/// The contexts a probe was called with.
final class ContextLog: @unchecked Sendable {
  private let lock = NSLock()
  private var contexts: [HTTPLayerContext] = []

  func append(_ context: HTTPLayerContext) {
    lock.lock()
    contexts.append(context)
    lock.unlock()
  }

  var last: HTTPLayerContext? {
    lock.lock()
    defer { lock.unlock() }
    return contexts.last
  }
}
