import Vocabulary

/// The result of the connection test (sign in, then read a table or two).
public enum TestOutcome: Equatable, Sendable {
  case passed(TestReport)
  /// e.g. `auth.basic_rejected` (401), `api.forbidden` (403), or any network verdict.
  case failed(Verdict)
}
