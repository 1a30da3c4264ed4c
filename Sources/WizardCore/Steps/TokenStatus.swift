import Vocabulary

/// Where the token screen stands.
public enum TokenStatus: Equatable, Sendable {
  case idle
  /// `.requestToken` is in flight.
  case requesting
  case received(TokenSet)
  /// Enter goes back to the client screen.
  case failed(Verdict)
}
