import Diagnosis
import Foundation

/// Lets `parties` callers through only once all of them have arrived (or fails after 3 s).
actor Barrier {
  let parties: Int
  private var arrived = 0

  init(parties: Int) { self.parties = parties }

  func arrive() { arrived += 1 }
  var isComplete: Bool { arrived >= parties }

  /// True when everyone arrived in time.
  func wait() async -> Bool {
    arrive()
    for _ in 0..<300 {
      if isComplete { return true }
      try? await Task.sleep(nanoseconds: 10_000_000)
    }
    return false
  }
}
