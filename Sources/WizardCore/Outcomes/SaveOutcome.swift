import Vocabulary

/// The result of saving a profile.
public enum SaveOutcome: Equatable, Sendable {
  /// Saved; `location` tells the person where (e.g. the config file's path).
  case saved(location: String)
  case failed(Verdict)
}
