import Foundation

/// A value shared by threads of one test (e.g. `concurrentPerform` collecting outputs).
final class Locked<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: Value

  init(_ value: Value) { stored = value }

  /// The value now.
  var value: Value { lock.withLock { stored } }

  /// Changes the value while no other thread reads or writes it.
  func change(_ body: (inout Value) -> Void) { lock.withLock { body(&stored) } }
}

extension Locked {
  /// Appends one element to a shared array.
  func append<Element>(_ element: Element) where Value == [Element] {
    change { $0.append(element) }
  }
}
