import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The main thread as the one thread a command's async work runs on, with its timers.
///
/// Swift's default executors on Linux run a command's jobs on libdispatch's cooperative pool
/// (a thread per core), its `Task.sleep` timers on libdispatch's manager thread, and park the
/// main thread in `dispatch_main`: a healthy `check` ran on five threads where curl runs on one,
/// and their creation, stacks, malloc arenas, wake-ups across cores and exits were the largest
/// part of its CPU over curl's (bench/check-vs-curl.md). Under `run`, the command's task prefers
/// this executor (SE-0417), so its jobs, its child tasks' (task groups, `async let`), those of
/// default actors it calls, those of `task(_:)` and the timers of `sleep(for:)` and
/// `after(seconds:_:)` all run here, on the main thread. Waiting is `pthread_cond_timedwait`:
/// no CPU.
///
/// Blocking calls still belong on a thread of their own (`DetachedThread`): here one blocked job
/// holds up every other, the spinner and the deadlines with it. Code that runs without the loop
/// (the wizard on the main actor, the simulator, the tests) gets Swift's own `Task` and
/// `Task.sleep`, and libdispatch's timers, from the same calls.
public final class CommandLoop: @unchecked Sendable {
  /// The loop, once `run` has started it; nil before, and in a process that never runs it.
  public static var current: CommandLoop? {
    shared.withMutex { shared.running } ? shared : nil
  }

  private static let shared = CommandLoop()

  private struct Timer {
    let id: UInt64
    let due: UInt64
    let fire: @Sendable (_ cancelled: Bool) -> Void
  }

  private let mutex: UnsafeMutablePointer<pthread_mutex_t>
  private let condition: UnsafeMutablePointer<pthread_cond_t>
  // Guarded by `mutex`.
  private var running = false
  private var jobs: [UnownedJob] = []
  private var timers: [Timer] = []
  private var cancelledEarly: Set<UInt64> = []
  private var lastID: UInt64 = 0
  /// Where the loop waits once something else has to be waited on too (`adopt`).
  private var poller: Poller?
  /// Whether the loop thread is waiting (or about to): only then does a push need to wake it.
  private var waiting = false

  /// A wait of another kind for the loop to wait in instead of its condition variable: libcurl's
  /// multi handle, so that a command's transfers run on the main thread too, as curl's do.
  public struct Poller: Sendable {
    /// Does the poller's work and then waits at most `milliseconds` for more, or until `wake`.
    public let turn: @Sendable (_ milliseconds: Int32) -> Void
    /// Ends the wait of `turn` at once; called from any thread.
    public let wake: @Sendable () -> Void

    public init(
      turn: @escaping @Sendable (_ milliseconds: Int32) -> Void, wake: @escaping @Sendable () -> Void
    ) {
      self.turn = turn
      self.wake = wake
    }
  }

  private init() {
    mutex = .allocate(capacity: 1)
    mutex.initialize(to: pthread_mutex_t())
    pthread_mutex_init(mutex, nil)
    condition = .allocate(capacity: 1)
    condition.initialize(to: pthread_cond_t())
    var attributes = pthread_condattr_t()
    pthread_condattr_init(&attributes)
    #if !canImport(Darwin)
      // Deadlines on the monotonic clock, so a change of the wall clock moves no timer.
      pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
    #endif
    pthread_cond_init(condition, &attributes)
    pthread_condattr_destroy(&attributes)
  }

  /// Says that the calling thread will `run` the loop, before it does: `current` is the loop
  /// from now on, so work started on other threads in the meantime (libcurl's load) finds it.
  public static func claim() {
    shared.withMutex { shared.running = true }
  }

  /// Runs `command` on the calling thread, which must be the main thread, and serves the loop
  /// until `command` ends the process (it returns `Never`: `_exit` with its status).
  public static func run(_ command: @escaping @Sendable () async -> Never) -> Never {
    let loop = shared
    claim()
    if #available(macOS 15, *) {
      Task(executorPreference: loop) { await command() }
      loop.serve()
    } else {
      // No task executors before macOS 15: Swift's own executors, as without the loop.
      Task { await command() }
      dispatchMain()
    }
  }

  /// Makes the loop wait in `poller` from now on, and run its turns; false when no loop runs
  /// (the caller then waits in it on a thread of its own).
  public static func adopt(_ poller: Poller) -> Bool {
    guard let loop = current else { return false }
    loop.withMutex {
      loop.poller = poller
      if loop.waiting { pthread_cond_signal(loop.condition) }
    }
    return true
  }

  /// Starts an unstructured task on the loop when it runs, else as `Task { }` does.
  ///
  /// `Task { }` does not inherit a task executor preference; this does, so the work a command
  /// starts beside itself stays on the main thread.
  @discardableResult
  public static func task<T: Sendable>(_ operation: @escaping @Sendable () async -> T) -> Task<T, Never> {
    if #available(macOS 15, *), let loop = current {
      return Task(executorPreference: loop, operation: operation)
    }
    return Task(operation: operation)
  }

  /// Suspends for `duration`, or until the task is cancelled (then throws CancellationError),
  /// as `Task.sleep(for:)` does; on the loop's own timer when it runs.
  public static func sleep(for duration: Duration) async throws {
    let parts = duration.components
    try await sleep(seconds: Double(parts.seconds) + Double(parts.attoseconds) / 1e18)
  }

  /// `sleep(for:)` for a number of seconds (any: a negative one is none, an endless one waits
  /// until cancelled).
  public static func sleep(seconds: Double) async throws {
    guard let loop = current else {
      try await Task.sleep(nanoseconds: nanoseconds(seconds))
      return
    }
    try Task.checkCancellation()
    let id = loop.nextID()
    try await withTaskCancellationHandler {
      try await withUnsafeThrowingContinuation { (continuation: UnsafeContinuation<Void, any Error>) in
        loop.schedule(id, after: seconds) { cancelled in
          if cancelled { continuation.resume(throwing: CancellationError()) } else { continuation.resume() }
        }
      }
    } onCancel: {
      loop.cancel(id)
    }
  }

  /// Runs `action` once `seconds` have passed: on the loop when it runs, else on a thread of
  /// Dispatch's global queue.
  public static func after(seconds: Double, _ action: @escaping @Sendable () -> Void) {
    guard let loop = current else {
      DispatchQueue.global().asyncAfter(deadline: .now() + max(0, seconds)) { action() }
      return
    }
    loop.schedule(loop.nextID(), after: seconds) { _ in action() }
  }

  // MARK: The loop

  private func withMutex<T>(_ body: () -> T) -> T {
    pthread_mutex_lock(mutex)
    defer { pthread_mutex_unlock(mutex) }
    return body()
  }

  private func nextID() -> UInt64 {
    withMutex {
      lastID += 1
      return lastID
    }
  }

  private func push(_ job: UnownedJob) {
    wakeUp { jobs.append(job) }
  }

  /// Changes the loop's state with `change` and wakes the loop if it waits.
  private func wakeUp(_ change: () -> Void) {
    let wake: (@Sendable () -> Void)? = withMutex {
      change()
      guard waiting else { return nil }
      if let poller { return poller.wake }
      pthread_cond_signal(condition)
      return nil
    }
    wake?()
  }

  private func schedule(_ id: UInt64, after seconds: Double, _ fire: @escaping @Sendable (Bool) -> Void) {
    let early = withMutex { cancelledEarly.remove(id) != nil }
    if early { return fire(true) }
    let wait = seconds.isFinite ? UInt64(min(max(0, seconds), 1e9) * 1e9) : seconds > 0 ? UInt64(1e18) : 0
    wakeUp { timers.append(Timer(id: id, due: Self.now() &+ wait, fire: fire)) }
  }

  /// Ends timer `id` at once as cancelled; one not scheduled yet is cancelled as it is. (A
  /// cancel that comes just after its timer fired, before the sleeper left its cancellation
  /// handler, leaves its id in `cancelledEarly`: eight bytes, in a rare race.)
  private func cancel(_ id: UInt64) {
    let timer: Timer? = withMutex {
      if let index = timers.firstIndex(where: { $0.id == id }) { return timers.remove(at: index) }
      cancelledEarly.insert(id)
      return nil
    }
    timer?.fire(true)
  }

  /// Runs jobs and due timers as they come, and the poller's turns in between (else sleeps);
  /// never returns.
  private func serve() -> Never {
    while true {
      var due: [Timer] = []
      pthread_mutex_lock(mutex)
      while true {
        let now = Self.now()
        due = timers.filter { $0.due <= now }
        if !due.isEmpty { timers.removeAll { $0.due <= now } }
        if !jobs.isEmpty || !due.isEmpty { break }
        let next = timers.map(\.due).min()
        waiting = true
        if let poller {
          pthread_mutex_unlock(mutex)
          let milliseconds = next.map { ($0 - min($0, now) + 999_999) / 1_000_000 } ?? 60_000
          poller.turn(Int32(min(milliseconds, 60_000)))
          pthread_mutex_lock(mutex)
        } else if let next {
          #if canImport(Darwin)
            // Darwin's condition variables wait on the wall clock: wait for the interval instead.
            let wait = next &- min(next, now)
            var interval = timespec(tv_sec: Int(wait / 1_000_000_000), tv_nsec: Int(wait % 1_000_000_000))
            pthread_cond_timedwait_relative_np(condition, mutex, &interval)
          #else
            var until = timespec(tv_sec: Int(next / 1_000_000_000), tv_nsec: Int(next % 1_000_000_000))
            pthread_cond_timedwait(condition, mutex, &until)
          #endif
        } else {
          pthread_cond_wait(condition, mutex)
        }
        waiting = false
      }
      let batch = jobs
      jobs.removeAll(keepingCapacity: true)
      pthread_mutex_unlock(mutex)
      for timer in due { timer.fire(false) }
      if #available(macOS 15, *) {
        for job in batch { job.runSynchronously(on: asUnownedTaskExecutor()) }
      }
    }
  }

  private static func now() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
  }

  private static func nanoseconds(_ seconds: Double) -> UInt64 {
    UInt64(min(max(0, seconds), 1e9) * 1_000_000_000)
  }
}

/// The loop as a task executor: jobs go to its queue.
@available(macOS 15, *)
extension CommandLoop: TaskExecutor {
  public func enqueue(_ job: consuming ExecutorJob) {
    push(UnownedJob(job))
  }
}
