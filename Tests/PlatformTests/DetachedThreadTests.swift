import Foundation
import Platform
import Testing

/// `DetachedThread` runs its closure on a thread of its own, not the caller's.
@Suite struct DetachedThreadTests {
  @Test func runsTheClosureOnAnotherThread() async {
    let caller = pthread_self()
    let (ranElsewhere, value) = await withCheckedContinuation { continuation in
      DetachedThread.start(stackSize: 256 * 1024) {
        continuation.resume(returning: (pthread_equal(pthread_self(), caller) == 0, 42))
      }
    }
    #expect(ranElsewhere)
    #expect(value == 42)
  }

  @Test func runsManyClosuresEachOnce() async {
    let count = await withTaskGroup(of: Int.self) { group in
      for index in 0..<20 {
        group.addTask {
          await withCheckedContinuation { continuation in
            DetachedThread.start(stackSize: 64 * 1024) { continuation.resume(returning: index) }
          }
        }
      }
      var seen = Set<Int>()
      for await index in group { seen.insert(index) }
      return seen.count
    }
    #expect(count == 20)
  }
}
