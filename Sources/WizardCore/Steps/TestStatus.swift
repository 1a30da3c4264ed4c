import Vocabulary

/// Where the connection test stands. Results remember the draft they were made with, so a
/// change on an earlier screen makes them stale.
public enum TestStatus: Equatable, Sendable {
  case idle
  case testing(ConnectionDraft)
  case passed(ConnectionDraft, TestReport)
  case failed(ConnectionDraft, Verdict)
}
