/// The screens of the wizard, in flow order.
public enum WizardScreen: Equatable, Sendable {
  case welcome
  /// Choose a saved profile to edit or diagnose (see `ProfilePickerStep.purpose`).
  case pickProfile
  case instance
  case authType
  case credentials
  case test
  case save
  case done

  /// "Step N of M" position, nil outside the numbered flow.
  public var stepNumber: Int? {
    switch self {
    case .instance: return 1
    case .authType: return 2
    case .credentials: return 3
    case .test: return 4
    case .save: return 5
    case .welcome, .pickProfile, .done: return nil
    }
  }

  /// How many numbered steps the flow has.
  public static let stepCount = 5
}
