/// Work the runtime does for the wizard that can be in flight (and cancelled).
public enum OperationKind: Equatable, Hashable, Sendable {
  case probe
  /// The connection test of the draft being set up (the test screen).
  case test
  /// The checks of a saved profile (the diagnose screen); apart from `test`, so the answer of
  /// one can never be taken for the other's.
  case diagnose
  case save
  case loadProfile
  /// A request to `/oauth_token.do`, or the code exchange after a pasted redirect URL.
  case token
  /// The browser flow: the loopback listener waiting for the redirect.
  case authorization
  /// Renaming an unreadable config file aside (`.moveBrokenConfigAside`).
  case moveAside
  /// Reads and writes of the instance's setup as an admin (the OAuth client, agent transfer).
  case instanceSetup
}
