/// A value guarded by a lock, so threads can share state without data races.
///
/// `Synchronization.Mutex` needs macOS 15; this small box works on every platform the package names.
public final class Locked<Value>: @unchecked Sendable {
  private let lock = Lock()
  private var value: Value

  public init(_ value: Value) { self.value = value }

  /// Runs `body` with exclusive access to the value.
  public func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
    lock.lock()
    defer { lock.unlock() }
    return try body(&value)
  }
}
