import Diagnosis
import Foundation

/// Events seen by a progress callback.
final class EventLog: @unchecked Sendable {
  private let lock = NSLock()
  private var events: [CheckProgress] = []

  func append(_ event: CheckProgress) {
    lock.lock()
    events.append(event)
    lock.unlock()
  }

  var all: [CheckProgress] {
    lock.lock()
    defer { lock.unlock() }
    return events
  }
}
