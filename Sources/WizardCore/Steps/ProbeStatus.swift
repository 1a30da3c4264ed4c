import Vocabulary

/// Where the instance check stands.
public enum ProbeStatus: Equatable, Sendable {
  /// Editing; nothing checked since the last change.
  case idle
  case probing(NormalisedInstance)
  /// Checked; `Enter` goes on (anyway, when the outcome is a problem).
  case finished(NormalisedInstance, ProbeOutcome)
}
