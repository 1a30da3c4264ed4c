/// What a person has to change to cure a verdict, so a screen can offer the right place to do
/// it (Enter on a failure in the wizard) without knowing every code.
public enum FixArea: String, Sendable, Equatable, CaseIterable {
  /// The instance address: a typo, a wrong host or port, not a ServiceNow instance.
  case instanceAddress
  /// The user's own credentials: password, MFA, an expired or revoked token.
  case credentials
  /// The OAuth application on the instance: client ID, secret, enabled grants.
  case oauthClient
  /// Roles, ACLs or scopes an instance admin must grant.
  case permissions
  /// This machine's network: proxy, DNS, firewall, certificates.
  case network
  /// The instance itself: asleep, down, or rate-limiting; wait or wake it.
  case instance
  /// Nothing to fix (`ok`), or a code with no known place to fix it.
  case none

  /// The area for a verdict code.
  public static func area(for code: String) -> FixArea {
    switch code {
    case "ok": return .none
    case "dns.not_found", "instance.not_servicenow", "tcp.refused": return .instanceAddress
    case "oauth.unauthorized_client", "oauth.grant_disabled", "oauth.bad_response": return .oauthClient
    case "api.forbidden", "api.scope_missing", "api.rest_api_denied", "api.table_security", "api.cross_scope",
      "api.no_rows", "api.fields_missing":
      return .permissions
    case "api.rate_limited", "api.bad_response", "http.timeout", "http.too_large": return .instance
    default: break
    }
    switch code.split(separator: ".").first.map(String.init) ?? "" {
    case "url": return .instanceAddress
    case "auth", "oauth": return .credentials
    case "proxy", "dns", "tcp", "tls": return .network
    case "instance": return .instance
    default: return .none
    }
  }
}
