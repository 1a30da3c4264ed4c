import Platform

/// An access or refresh token the simulated instance handed out, with whom it is for and when it dies.
struct IssuedToken: Sendable, Equatable {
  var value: String
  var userName: String
  var clientID: String
  var scope: String
  var expiresAt: Date
  /// For an access token, the refresh token issued with it (revoking that one revokes this one too).
  var refreshToken: String?
}
