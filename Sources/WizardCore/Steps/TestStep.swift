/// The test-connection screen's state.
public struct TestStep: Equatable, Sendable {
  public var status: TestStatus
  /// Index into `TestFailureAction.choices(for:)` after a failure.
  public var failureFocus: Int
  /// The checks of the current or last run, in the order they were first reported; kept after
  /// the run so the lines stay on screen above the verdict.
  public var checks: [CheckLineUpdate]

  public init(status: TestStatus = .idle, failureFocus: Int = 0, checks: [CheckLineUpdate] = []) {
    self.status = status
    self.failureFocus = failureFocus
    self.checks = checks
  }
}
