import Platform

/// A one-time code from the consent page, waiting to be exchanged at the token endpoint.
struct AuthorizationCode: Sendable, Equatable {
  var value: String
  var clientID: String
  var userName: String
  /// The redirect_uri the client asked for and the one actually used (they differ when unregistered).
  var requestedRedirectURI: String?
  var effectiveRedirectURI: String
  var scope: String
  var codeChallenge: String?
  var expiresAt: Date
}
