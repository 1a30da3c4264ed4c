import Dispatch
import Platform
import Vocabulary

/// Runs work with a deadline, including blocking C calls that cannot be cancelled.
enum Deadline {
  /// The result of `operation`, or nil if `seconds` pass first or the calling task is
  /// cancelled. The operation is then cancelled but not awaited, so one that ignores
  /// cancellation cannot delay the answer.
  static func race<T: Sendable>(
    seconds: Double, _ operation: @escaping @Sendable () async -> T
  ) async -> T? {
    let once = ResumeOnce<T?>()
    let work = CommandLoop.task { await operation() }
    return await withTaskCancellationHandler {
      await withCheckedContinuation { (continuation: CheckedContinuation<T?, Never>) in
        once.install(continuation)
        // A sleeping task, like the work it races: both wait for the same executor (the
        // command's loop, else the cooperative pool), so a busy one delays both alike instead
        // of letting the timer win. (Blocking calls race a plain timer: see onThread(seconds:).)
        let timer = CommandLoop.task {
          try? await CommandLoop.sleep(seconds: seconds)
          if once.resume(nil) { work.cancel() }
        }
        CommandLoop.task {
          let value = await work.value
          if once.resume(value) { timer.cancel() }
        }
      }
    } onCancel: {
      if once.resume(nil) { work.cancel() }
    }
  }

  /// Runs a blocking call on its own thread and waits for it at most `seconds`.
  ///
  /// Neither the call nor the timer needs the cooperative pool, so which of them came first is
  /// decided in real time even when every pool thread is busy. (Under a command's loop the
  /// timer is the loop's, which fires between its jobs: they are short, as the loop needs.)
  static func onThread<T: Sendable>(
    seconds: Double, _ body: @escaping @Sendable () -> T
  ) async -> T? {
    let once = ResumeOnce<T?>()
    return await withCheckedContinuation { (continuation: CheckedContinuation<T?, Never>) in
      once.install(continuation)
      DetachedThread.start(stackSize: 256 * 1024) { _ = once.resume(body()) }
      CommandLoop.after(seconds: seconds) { _ = once.resume(nil) }
    }
  }

  static func onThread<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { (continuation: CheckedContinuation<T, Never>) in
      DetachedThread.start(stackSize: 256 * 1024) { continuation.resume(returning: body()) }
    }
  }
}
