/// "Diagnose a saved connection": the layered checks of one saved profile, run live.
public struct DiagnoseStep: Equatable, Sendable {
  public var profileName: String
  /// One line per check, replaced as each finishes (ids as in `snowgate check`, then those of
  /// `snowgate check NAME --instance-setup` for an OAuth profile).
  public var checks: [CheckLineUpdate]
  /// Nil while the checks run; the verdict once they finished.
  public var outcome: TestOutcome?
  /// Set when Enter asked to fix a failure: once the profile is loaded, the wizard opens the
  /// screen that fixes it (sign-in for auth.*, the address for network codes).
  public var fixing: TestFailureAction?
  /// Whose sign-in reads the instance's OAuth setup after the layered checks (an OAuth profile
  /// only; nil: no such layer). The profile itself first, as `check NAME --instance-setup` reads
  /// without `--admin`; `a` moves to the next of `adminChoices`.
  public var setupAdmin: String?
  /// The saved profiles of the same instance that may read the setup: the profile itself, then
  /// the others in the order they are listed. Reading is all they do here.
  public var adminChoices: [String]

  public init(
    profileName: String, checks: [CheckLineUpdate] = [], outcome: TestOutcome? = nil,
    setupAdmin: String? = nil, adminChoices: [String] = []
  ) {
    self.profileName = profileName
    self.checks = checks
    self.outcome = outcome
    self.setupAdmin = setupAdmin
    self.adminChoices = adminChoices
  }

  /// The id of the line that heads the instance-setup lines and sums them up.
  public static let setupLineID = "instance_setup"

  /// The admin after `setupAdmin` in `adminChoices`, nil when there is no other to read as.
  public var nextAdmin: String? {
    guard adminChoices.count > 1, let current = setupAdmin,
      let index = adminChoices.firstIndex(of: current)
    else { return nil }
    return adminChoices[(index + 1) % adminChoices.count]
  }
}
