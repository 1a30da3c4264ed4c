/// The test-connection screen's state.
public struct TestStep: Equatable, Sendable {
  public var status: TestStatus
  /// Index into `TestFailureAction.choices(for:)` after a failure.
  public var failureFocus: Int

  public init(status: TestStatus = .idle, failureFocus: Int = 0) {
    self.status = status
    self.failureFocus = failureFocus
  }
}
