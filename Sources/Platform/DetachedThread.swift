import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs a closure on a new POSIX thread of its own, with a small stack, and does not wait.
///
/// For the blocking calls that must not hold a thread of Swift's cooperative pool (the
/// resolver, a connect with a deadline, libcurl's loop). Foundation's `Thread` does the same
/// with an `NSThread` object and its bookkeeping around it, which `perf record` showed costing
/// a `snowgate check` about 0.1 ms per thread at start-up, where every millisecond is measured
/// against curl.
public enum DetachedThread {
  /// Starts `body` on a new detached thread with `stackSize` bytes of stack. If no thread can
  /// be made (the process is at its limit), `body` runs on a thread of Dispatch's global
  /// queue instead: later, but it runs.
  public static func start(stackSize: Int, _ body: @escaping @Sendable () -> Void) {
    let box = Unmanaged.passRetained(Body(body)).toOpaque()
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    pthread_attr_setstacksize(&attributes, max(stackSize, Int(PTHREAD_STACK_MIN)))
    pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
    #if canImport(Glibc)
      var thread = pthread_t()
    #else
      var thread: pthread_t?
    #endif
    let status = pthread_create(
      &thread, &attributes,
      { raw in
        guard let raw else { return nil }
        Unmanaged<Body>.fromOpaque(raw).takeRetainedValue().run()
        return nil
      }, box)
    if status != 0 {
      let body = Unmanaged<Body>.fromOpaque(box).takeRetainedValue()
      DispatchQueue.global().async { body.run() }
    }
  }

  /// The closure, boxed to cross pthread_create's one pointer.
  private final class Body: @unchecked Sendable {
    let run: @Sendable () -> Void
    init(_ run: @escaping @Sendable () -> Void) { self.run = run }
  }
}
