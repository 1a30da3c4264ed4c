import Vocabulary

/// The answer to a token request, whichever way it was made (a grant or the browser flow).
public enum TokenOutcome: Equatable, Sendable {
  case received(TokenSet)
  /// e.g. `oauth.access_denied` (its remedies list the causes, likeliest first),
  /// `oauth.unauthorized_client`, `oauth.password_grant_disabled`, or any network verdict.
  case failed(Verdict)
}
