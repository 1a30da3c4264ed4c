/// What has the focus on the save screen.
public enum SaveField: Equatable, Sendable {
  case name
  /// The list of secret stores; ↑ ↓ change the choice.
  case store
  /// The external command (shown when the command store is chosen).
  case command
}
