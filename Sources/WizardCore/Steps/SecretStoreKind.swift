/// The choices of where secrets live, in save-screen order; `.command` takes its command from
/// the field under the list.
public enum SecretStoreKind: CaseIterable, Equatable, Sendable {
  case file
  case command
  case environment
  case ask
  /// The OS keyring; saving says so when none answers here.
  case keyring
}
