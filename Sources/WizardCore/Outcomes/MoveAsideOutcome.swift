import Vocabulary

/// The answer to `.moveBrokenConfigAside`.
public enum MoveAsideOutcome: Equatable, Sendable {
  /// Renamed; `keptAs` is the new path, e.g. `~/.config/snowgate/config.json.broken-20261127T2130Z`.
  case moved(keptAs: String)
  case failed(Verdict)
}
