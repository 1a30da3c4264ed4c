/// What `LogoutService.logout` did, for the command to say.
struct LogoutOutcome: Sendable, Equatable {
  /// How many stored tokens (access, refresh) there were to revoke.
  var tokenCount: Int
  /// How many of them the instance confirmed revoked.
  var revokedCount: Int
  /// Whether the tokens were removed from the store.
  var forgotten: Bool
  /// Whether the secrets went too and the profile is marked signed out (not with `--keep-secrets`).
  var signedOut: Bool = false
  /// Sentences for stderr: revocation that did not happen and why, and what that means.
  var warnings: [String]
}
