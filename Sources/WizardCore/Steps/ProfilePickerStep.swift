import Vocabulary

/// The list of saved profiles, reached from the welcome screen.
public struct ProfilePickerStep: Equatable, Sendable {
  public var purpose: ProfilePurpose
  /// Index into `WizardState.savedProfiles`.
  public var focus: Int
  public var isLoading: Bool
  /// Why the last load failed.
  public var failure: Verdict?

  public init(
    purpose: ProfilePurpose = .edit, focus: Int = 0, isLoading: Bool = false, failure: Verdict? = nil
  ) {
    self.purpose = purpose
    self.focus = focus
    self.isLoading = isLoading
    self.failure = failure
  }
}
