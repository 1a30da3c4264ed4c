import Testing

@testable import Platform

/// `CommandLoop` outside a request command: no loop runs in the test process, so its calls are
/// Swift's own `Task`, `Task.sleep` and a Dispatch timer. (The loop itself serves the main
/// thread of `check`, `token`, `api`, `env` and `logout` and never returns: the end-to-end tests
/// drive it, `CheckThreadsTests` counts its one thread.)
@Suite struct CommandLoopTests {
  @Test func noLoopRunsInAProcessThatNeverStartedOne() {
    #expect(CommandLoop.current == nil)
  }

  @Test func aTaskRunsItsOperation() async {
    let value = await CommandLoop.task { 6 * 7 }.value
    #expect(value == 42)
  }

  @Test func aSleepThatIsCancelledThrowsCancellation() async {
    let sleeper = CommandLoop.task { () -> String in
      do {
        try await CommandLoop.sleep(for: .seconds(600))
        return "slept"
      } catch is CancellationError {
        return "cancelled"
      } catch {
        return "other: \(error)"
      }
    }
    sleeper.cancel()
    #expect(await sleeper.value == "cancelled")
  }

  @Test func aShortSleepEnds() async throws {
    try await CommandLoop.sleep(for: .milliseconds(1))
    #expect(!Task.isCancelled)
  }

  @Test func anActionAfterADelayRuns() async {
    let ran = Locked(false)
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
      CommandLoop.after(seconds: 0.001) {
        ran.withLock { $0 = true }
        continuation.resume()
      }
    }
    #expect(ran.withLock { $0 })
  }
}
