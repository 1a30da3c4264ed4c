/// The stable codes of every failure snowgate can name.
///
/// The raw values are a public contract: `snowgate check --json`, exit codes, support bundles
/// and scripts depend on them. Add codes; never rename one.
public enum FailureCode: String, Sendable, CaseIterable, Codable {
  case urlInvalid = "url.invalid"
  case proxyFailed = "proxy.failed"
  case dnsNotFound = "dns.not_found"
  case tcpRefused = "tcp.refused"
  case tcpTimeout = "tcp.timeout"
  /// The connection broke for a reason none of the more precise codes covers (reset, no route).
  case tcpFailed = "tcp.failed"
  case tlsUntrusted = "tls.untrusted"
  case tlsHostnameMismatch = "tls.hostname_mismatch"
  /// The certificate's validity period has ended (or not begun): OpenSSL's verify code 10 or 9.
  case tlsExpired = "tls.expired"
  case tlsFailed = "tls.failed"
  /// A server that requires a client certificate ended the TLS session: none was sent, or the one
  /// sent is not signed by a CA it trusts.
  case tlsClientCertificateRefused = "tls.client_certificate_refused"
  case httpTimeout = "http.timeout"
  /// An answer that is not HTTP a client can use: a redirect loop, a broken reply.
  case httpBadResponse = "http.bad_response"
  /// The answer's headers or decoded body passed snowgate's limit (an endless body, a bomb).
  case httpTooLarge = "http.too_large"
  case instanceHibernating = "instance.hibernating"
  case instanceNotServiceNow = "instance.not_servicenow"
  case instanceUnavailable = "instance.unavailable"
  /// 502 on every path from the edge (`Server: snow_adc`): no application node behind it.
  case instanceNoNode = "instance.no_node"
  case authBasicRejected = "auth.basic_rejected"
  case authMFARequired = "auth.mfa_required"
  /// A REST API key was refused: wrong, inactive, expired, or not allowed by the access policy.
  case authAPIKeyRejected = "auth.api_key_rejected"
  /// The TLS handshake took the client certificate, but the instance answered 401: no user is
  /// mapped to it, or certificate-based authentication is not set up for inbound requests.
  case authCertificateRejected = "auth.certificate_rejected"
  /// `snowgate logout` signed the profile out; nothing can mint a token until setup runs again.
  case authSignedOut = "auth.signed_out"
  case oauthAccessDenied = "oauth.access_denied"
  case oauthUnauthorizedClient = "oauth.unauthorized_client"
  case oauthGrantDisabled = "oauth.grant_disabled"
  case oauthRefreshExpired = "oauth.refresh_expired"
  /// The JWT bearer grant was refused: the instance's catch-all answer to any wrong assertion.
  case oauthJWTRejected = "oauth.jwt_rejected"
  case oauthTokenRejected = "oauth.token_rejected"
  case oauthBadResponse = "oauth.bad_response"
  case apiForbidden = "api.forbidden"
  case apiScopeMissing = "api.scope_missing"
  /// 403 "User Not Authorized" / "Failed API level ACL Validation": the REST API ACL.
  case apiRESTAPIDenied = "api.rest_api_denied"
  /// 403 "Operation against file 'X' was denied due to table security."
  case apiTableSecurity = "api.table_security"
  /// 403 ScopeAccessNotGrantedException: cross-scope access (an application scope, not OAuth).
  case apiCrossScope = "api.cross_scope"
  /// A read that passed with zero visible rows (row ACLs hide them); a warning.
  case apiNoRows = "api.no_rows"
  /// A read that passed without some requested fields (field ACLs drop them); a warning.
  case apiFieldsMissing = "api.fields_missing"
  case apiRateLimited = "api.rate_limited"
  case apiBadResponse = "api.bad_response"
  /// The person cancelled the call (Esc); not a diagnosis, but callers must be able to say so.
  case cancelled = "client.cancelled"
  /// libcurl (libcurl.so.4), which every HTTP request uses, could not be loaded.
  case clientLibcurlMissing = "client.libcurl_missing"
  /// The JWT signing key file cannot be read (see `JWTSigningError`).
  case jwtKeyUnreadable = "jwt.key_unreadable"
  case jwtKeyNotRSA = "jwt.key_not_rsa"
  case jwtKeyInvalid = "jwt.key_invalid"
  case jwtKeyEncrypted = "jwt.key_encrypted"
  case jwtOpensslMissing = "jwt.openssl_missing"
  case jwtSigningFailed = "jwt.signing_failed"
  /// The client certificate or its key cannot be used (see `ClientCertificateProblem`).
  case certificateUnusable = "config.client_certificate"
  /// The client certificate is outside its validity period (checked before it is sent).
  case certificateExpired = "config.client_certificate_expired"
}
