import Platform

/// A way the simulated instance misbehaves, so tests and demos can meet each failure a real instance shows.
public enum Scenario: String, Sendable, Codable, CaseIterable, Comparable {
  /// A sleeping developer instance: every path answers 200 with the ~5.9 kB hibernation page, from
  /// the edge alone (no cookies, no challenge, no `X-Transaction-ID`), as measured on a PDI in 2026.
  case hibernating
  /// No application node behind the edge: every path answers 502 with a 153-byte page,
  /// `Server: snow_adc` (a broken developer instance; waiting does not fix it).
  case noNode = "no-node"
  /// An instance before the ADCv2 edge and on an older release: `Server: ServiceNow`, and an
  /// invalid table's detail is `null` rather than "Table NAME does not exist".
  case preADCv2 = "pre-adcv2"
  /// Under an API access policy the 401 challenge is `BEARER realm="Service-now"` only.
  case challengeBearer = "challenge-bearer"
  /// Under an API access policy the 401 carries both challenges, `BASIC` and `BEARER`.
  case challengeBoth = "challenge-both"
  /// The login pages (`/`, `/login.do`, `/navpage.do`) redirect to a SAML identity provider.
  case sso
  /// The login pages redirect to an OpenID Connect identity provider (a `client_id` parameter).
  case ssoOIDC = "sso-oidc"
  /// Basic auth is refused for every user (SSO-only users, or the Basic-auth restriction): 401.
  case basicBlocked = "basic-blocked"
  /// The password is right but the account needs a one-time password: 401 with `X-MFA_TOKEN: invalid`.
  case mfaRequired = "mfa-required"
  /// The user may not read `sys_user` (a table ACL): 403 "Insufficient rights to query records", detail null.
  case aclSysUser = "acl-sys-user"
  /// The user may not read `sys_db_object`, and only that table: 403, as `acl-sys-user`.
  case aclSysDbObject = "acl-sys-db-object"
  /// A field-level ACL: 403 "Insufficient rights…" with detail "Field(s) present in the query…".
  case aclFields = "acl-fields"
  /// The REST API ACL refuses the user: 403 "User Not Authorized" / "Failed API level ACL Validation".
  case aclRESTAPI = "acl-rest-api"
  /// OAuth tokens lack the REST API's auth scope: 403 whose message carries the whole text
  /// "User Not Authorized - Missing required api access scope: useraccount" (detail null).
  case scopeMissing = "scope-missing"
  /// The same refusal split in two: message "User Not Authorized", detail
  /// "Missing required api access scope: useraccount" (how it splits is not documented).
  case scopeMissingSplit = "scope-missing-split"
  /// Table security refuses the read: "Operation against file 'sys_user' was denied due to table security."
  case tableSecurity = "table-security"
  /// Cross-scope access is not granted: 403 with a ScopeAccessNotGrantedException (not an OAuth scope).
  case crossScope = "cross-scope"
  /// Row-level ACLs hide every record: a read of sys_user passes with 200 and zero rows.
  case noVisibleRows = "no-visible-rows"
  /// Field-level ACLs drop `user_name` silently: a read passes with 200 but without that field.
  case fieldsHidden = "fields-hidden"
  /// The OAuth app has Enforce Token Restrictions and no REST API access policy names the Table
  /// API: its tokens are issued but refused by the API (401; the status is not documented).
  case tokenRestricted = "token-restricted"
  /// Success answers of the token endpoint carry `"scope":""`.
  case emptyScope = "empty-scope"
  /// The app's Token Format is JWT: access tokens are signed JWTs (three dot-separated parts).
  case jwtTokens = "jwt-tokens"
  /// Every Table API call is over the rate limit: 429 with `Retry-After`.
  case rateLimited = "rate-limited"
  /// The password (ROPC) grant is switched off: the token endpoint's catch-all 401.
  case ropcDisabled = "ropc-disabled"
  /// The client-credentials grant has no application user: 400 `unauthorized_client`.
  case ccNotConfigured = "cc-not-configured"
  /// The property `glide.oauth.inbound.client.credential.grant_type.enabled` is missing (so off):
  /// client credentials get the catch-all 401, not `unsupported_grant_type`.
  case ccDisabled = "cc-disabled"
  /// The demo OAuth client's registry record is not Active: every grant gets the catch-all.
  case inactiveClient = "inactive-client"
  /// The demo OAuth client's redirect URL is another address: the browser flow lands there.
  case wrongRedirect = "wrong-redirect"
  /// Advanced Work Assignment (com.glide.awa) is not installed.
  case missingPlugin = "missing-plugin"
  /// The agent group lacks the role agent_workspace_user.
  case missingRole = "missing-role"
  /// The agent group has no members.
  case emptyGroup = "empty-group"
  /// The REST message "VABot to Bot" and its postMessage method point at an old webhook.
  case webhookElsewhere = "webhook-elsewhere"
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
