import Vocabulary

/// The answer to `.checkAdmin`: the admin may create OAuth records, and how the
/// client-credentials property stands; or why not, in sentences.
public enum AdminCheckOutcome: Equatable, Sendable {
  /// `propertyValue` is the property's value, nil when it is not set (off); `propertyKnown` is
  /// false when the read of sys_properties was refused or not needed.
  case ready(adminName: String, propertyValue: String?, propertyKnown: Bool)
  case refused(Verdict)
}
