import Platform
import Vocabulary

/// The bookkeeping of one run: finished checks, the failure that blocks what follows, timing.
struct RunState {
  let progress: @Sendable (CheckProgress) -> Void
  private(set) var results: [CheckResult] = []
  private(set) var outcomes: [CheckID: LayerOutcome] = [:]
  /// The first layer that failed; every later layer is skipped because of it.
  private(set) var blocker: CheckID?
  private let clock = ContinuousClock()

  init(progress: @escaping @Sendable (CheckProgress) -> Void) {
    self.progress = progress
  }

  /// Runs a check that returns a value besides its outcome, timing it and reporting it live.
  mutating func check<T>(_ id: CheckID, _ body: () async -> (LayerOutcome, T)) async -> (LayerOutcome, T) {
    progress(.started(id))
    let start = clock.now
    let (outcome, value) = await body()
    record(id, outcome, elapsed: start.duration(to: clock.now).wholeMilliseconds)
    return (outcome, value)
  }

  /// Runs a check unless a layer below failed, in which case it is skipped with the reason.
  mutating func checkIfPossible(_ id: CheckID, _ body: () async -> LayerOutcome) async {
    if let blocker {
      skip(id, "skipped: \(blocker.title) failed")
      return
    }
    if Task.isCancelled {
      skip(id, "skipped: the check was cancelled")
      return
    }
    _ = await check(id) { (await body(), ()) }
  }

  /// Records a check that did not run.
  mutating func skip(_ id: CheckID, _ detail: String) {
    record(id, .skip(detail), elapsed: 0)
  }

  private mutating func record(_ id: CheckID, _ outcome: LayerOutcome, elapsed: Int) {
    let remedy = outcome.remedies.isEmpty ? nil : outcome.remedies.joined(separator: " ")
    var result = CheckResult(
      id: id, status: outcome.status, detail: outcome.detail, remedy: remedy,
      elapsedMilliseconds: elapsed, code: outcome.code, timings: outcome.timings)
    result.presentedChain = outcome.presentedChain
    results.append(result)
    outcomes[id] = outcome
    if outcome.status == .fail && blocker == nil { blocker = id }
    progress(.finished(result))
  }

  /// The verdict: the first failure, or `ok` with the warnings' remedies.
  func verdict() -> Verdict {
    if Task.isCancelled {
      return Verdict(code: "check.cancelled", summary: "The check was cancelled before it finished.")
    }
    if let blocker, let outcome = outcomes[blocker] {
      return Verdict(
        code: outcome.code ?? "check.failed", summary: outcome.summary ?? outcome.detail,
        remedies: outcome.remedies)
    }
    let warnings = results.filter { $0.status == .warn }
    if warnings.isEmpty { return Verdict(code: "ok", summary: "All checks passed.") }
    let names = warnings.map(\.title).joined(separator: ", ")
    let remedies = warnings.flatMap { outcomes[$0.id]?.remedies ?? [] }
    return Verdict(code: "ok", summary: "The connection works, with warnings: \(names).", remedies: remedies)
  }

  /// Finishes the run: layers never reached are recorded as skipped, then the report is built.
  mutating func report(
    target: DiagnosisTarget, instance: String, since start: ContinuousClock.Instant
  ) -> Report {
    let done = Set(results.map(\.id))
    for id in CheckID.allCases where !done.contains(id) {
      skip(id, "skipped: \(blocker?.title ?? "an earlier check") failed")
    }
    let order = Dictionary(uniqueKeysWithValues: CheckID.allCases.enumerated().map { ($1, $0) })
    let checks = results.sorted { order[$0.id]! < order[$1.id]! }
    return Report(
      profile: target.profile, instance: instance, auth: target.auth, diagnosis: verdict(),
      checks: checks, elapsedMilliseconds: start.duration(to: clock.now).wholeMilliseconds)
  }
}
