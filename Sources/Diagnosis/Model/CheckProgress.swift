/// A live event of a run, so a screen can turn a spinner into ✓ ! ✗ as each check ends.
///
/// `CheckStatus` deliberately has no "running" case (it would leak into the JSON), so the start
/// of a check is its own event.
public enum CheckProgress: Sendable, Equatable {
  case started(CheckID)
  case finished(CheckResult)
}
