/// Where a resolved secret came from, so `check` and `setup` can say it.
public enum SecretSource: Equatable, Sendable {
  /// An environment variable (`SNOWGATE_PASSWORD`, …).
  case environment(variable: String)
  /// credentials.json.
  case credentialsFile
  /// The OS keyring.
  case keyring
  /// The profile's external command.
  case command
  /// Nothing is stored; the caller must ask the user (the `ask` store).
  case mustAsk
}
