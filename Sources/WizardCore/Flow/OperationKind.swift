/// Work the runtime does for the wizard that can be in flight (and cancelled).
public enum OperationKind: Equatable, Sendable {
  case probe
  case test
  case save
  case loadProfile
  /// A request to `/oauth_token.do`, or the code exchange after a pasted redirect URL.
  case token
  /// The browser flow: the loopback listener waiting for the redirect.
  case authorization
  /// Renaming an unreadable config file aside (`.moveBrokenConfigAside`).
  case moveAside
}
