import Platform
import WizardCore

/// Where finished work leaves its result for the wizard's main loop to pick up.
///
/// Effects run in tasks off the main thread; the main loop drains the inbox between keys,
/// so the reducer only ever runs on one thread.
final class EventInbox: @unchecked Sendable {
  private let lock = Lock()
  private var events: [WizardEvent] = []

  func post(_ event: WizardEvent) {
    lock.lock()
    events.append(event)
    lock.unlock()
  }

  /// Everything posted since the last call, oldest first.
  func drain() -> [WizardEvent] {
    lock.lock()
    defer { lock.unlock() }
    let drained = events
    events.removeAll(keepingCapacity: true)
    return drained
  }
}
