import Vocabulary

/// The answer to `.createOAuthClient`: the client ID and the secret made for it, or why the
/// instance would not take it.
public enum OAuthClientCreationOutcome: Equatable, Sendable {
  /// `notes` say what else was done (the property switched on), one sentence each.
  case created(clientID: String, clientSecret: Secret, notes: [String])
  case failed(Verdict)
}
