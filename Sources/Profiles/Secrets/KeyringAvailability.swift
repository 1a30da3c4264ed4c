/// Whether the OS keyring can keep secrets here, and if not, why.
public enum KeyringAvailability: Equatable, Sendable {
  /// It stored and removed a probe item just now.
  case available
  /// It cannot; the problem says why in a sentence for people.
  case unavailable(KeyringProblem)

  /// Whether secrets may be stored there.
  public var isAvailable: Bool { self == .available }
}
