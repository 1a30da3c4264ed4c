import Vocabulary

/// Where "Create the OAuth client on the instance for me" stands.
public enum OAuthClientCreationPhase: Equatable, Sendable {
  /// Choosing the admin sign-in; `.checkAdmin` goes out on Enter.
  case signIn
  case checking
  /// The record as it will be created; only `y` creates it.
  case review(adminName: String, propertyValue: String?, propertyKnown: Bool)
  case creating(adminName: String)
}
