import Foundation

/// A way the simulated instance misbehaves, so tests and demos can meet each failure a real instance shows.
public enum Scenario: String, Sendable, Codable, CaseIterable, Comparable {
  /// A sleeping developer instance: every path answers with the hibernation page.
  case hibernating
  /// Basic auth is refused for every user (SSO-only users, or the Basic-auth restriction): 401.
  case basicBlocked = "basic-blocked"
  /// The password is right but the account needs a one-time password: 401 with `X-MFA_TOKEN: invalid`.
  case mfaRequired = "mfa-required"
  /// The user may not read `sys_user`: 403.
  case aclSysUser = "acl-sys-user"
  /// The user may not read `sys_db_object`, and only that table: 403.
  case aclSysDbObject = "acl-sys-db-object"
  /// OAuth tokens lack the REST API scope: 403 "Missing required api access scope" for Bearer calls.
  case scopeMissing = "scope-missing"
  /// Every Table API call is over the rate limit: 429 with `Retry-After`.
  case rateLimited = "rate-limited"
  /// The password (ROPC) grant is switched off: the token endpoint's catch-all 401.
  case ropcDisabled = "ropc-disabled"
  /// The client-credentials grant has no application user: 400 `unauthorized_client`.
  case ccNotConfigured = "cc-not-configured"
  /// Every refresh token is expired: the refresh grant gets the catch-all 401.
  case refreshExpired = "refresh-expired"
  /// Every refresh returns a new refresh token and revokes the one used (token rotation).
  case rotatingRefresh = "rotating-refresh"
  /// API keys are right but the REST API access policy does not allow token auth: the 401 envelope.
  case apiKeyNoPolicy = "api-key-no-policy"
  /// Every answer waits `slowDelay` seconds before it starts.
  case slow
  /// Every answer is sent one byte per `dripInterval` (one second by default).
  case drip
  /// Every answer is cut off halfway and the connection closed.
  case drop
  /// Every path answers 500 with an HTML page.
  case error500 = "error-500"
  /// Every path answers 503 with an HTML page.
  case error503 = "error-503"

  public static func < (lhs: Scenario, rhs: Scenario) -> Bool { lhs.rawValue < rhs.rawValue }
}
