/// "Diagnose a saved connection": the layered checks of one saved profile, run live.
public struct DiagnoseStep: Equatable, Sendable {
  public var profileName: String
  /// One line per check, replaced as each finishes (ids as in `snowgate check`).
  public var checks: [CheckLineUpdate]
  /// Nil while the checks run; the verdict once they finished.
  public var outcome: TestOutcome?
  /// Set when Enter asked to fix a failure: once the profile is loaded, the wizard opens the
  /// screen that fixes it (sign-in for auth.*, the address for network codes).
  public var fixing: TestFailureAction?

  public init(profileName: String, checks: [CheckLineUpdate] = [], outcome: TestOutcome? = nil) {
    self.profileName = profileName
    self.checks = checks
    self.outcome = outcome
  }
}
