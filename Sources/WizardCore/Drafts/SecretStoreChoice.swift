/// Where a profile's secrets live (issue 6), as chosen on the save screen.
public enum SecretStoreChoice: Equatable, Sendable {
  /// `credentials.json` next to the config, mode 0600 (the default).
  case file
  /// A command that prints the secret, run without a shell, e.g. `pass show servicenow/prod`.
  case command(String)
  /// Nothing stored: SNOWGATE_PASSWORD, SNOWGATE_CLIENT_SECRET, SNOWGATE_REFRESH_TOKEN.
  case environment
  /// Nothing stored: snowgate asks each time (interactive use only).
  case ask
}
