/// What the save screen knows about the OS keyring here.
///
/// The runtime answers `.checkKeyring` with `.keyringChecked`; until then the keyring is neither
/// offered as the default nor trusted, so the credentials file still needs the person's consent.
public enum KeyringStatus: Equatable, Sendable {
  /// Not asked yet.
  case unknown
  /// Asked; the answer is on its way (a locked keyring may be showing its unlock prompt).
  case checking
  /// It stored and removed a probe item: secrets can live there, and it is the default.
  case available
  /// It cannot keep secrets here; the sentence says why and what to do.
  case unavailable(String)

  /// Whether secrets may be kept there.
  public var isAvailable: Bool { self == .available }
}
