import Platform

/// Waits for a task's value only as long as a budget allows, then cancels it.
///
/// For hints that must never slow down what they accompany: the single sign-on look at the
/// login pages runs beside the probe, and whatever it has not found when the probe is done
/// (plus `budget`) is dropped, so a slow instance costs no more than it did without it.
enum BoundedWait {
  /// The task's value, or nil when it is not there within `budget` (the task is cancelled).
  static func value<T: Sendable>(of task: Task<T?, Never>, within budget: Duration) async -> T? {
    await withTaskGroup(of: T??.self) { group in
      group.addTask { .some(await task.value) }
      group.addTask {
        try? await CommandLoop.sleep(for: budget)
        return .none
      }
      let first = await group.next() ?? nil
      if first == nil { task.cancel() }
      group.cancelAll()
      return first ?? nil
    }
  }
}
