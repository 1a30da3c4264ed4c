import Foundation

/// Holds the bytes the reader thread collected, handed over under a lock.
final class OutputCollector: @unchecked Sendable {
  private let lock = NSLock()
  private var bytes = Data()

  func set(_ data: Data) {
    lock.lock()
    bytes = data
    lock.unlock()
  }

  var data: Data {
    lock.lock()
    defer { lock.unlock() }
    return bytes
  }
}
