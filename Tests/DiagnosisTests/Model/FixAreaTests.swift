import Testing
import Vocabulary

@testable import Diagnosis

@Suite struct FixAreaTests {
  @Test(arguments: [
    ("ok", FixArea.none), ("url.invalid", .instanceAddress), ("dns.not_found", .instanceAddress),
    ("tcp.refused", .instanceAddress), ("instance.not_servicenow", .instanceAddress),
    ("dns.temporary_failure", .network), ("tcp.timeout", .network), ("proxy.failed", .network),
    ("tls.untrusted", .network), ("tls.hostname_mismatch", .network),
    ("auth.basic_rejected", .credentials), ("auth.mfa_required", .credentials),
    ("oauth.access_denied", .credentials), ("oauth.refresh_expired", .credentials),
    ("oauth.token_rejected", .credentials), ("oauth.unauthorized_client", .oauthClient),
    ("oauth.grant_disabled", .oauthClient), ("api.forbidden", .permissions),
    ("api.rest_api_denied", .permissions), ("api.table_security", .permissions),
    ("api.cross_scope", .permissions),
    ("instance.no_node", .instance),
    ("api.scope_missing", .permissions),
    ("instance.hibernating", .instance), ("api.rate_limited", .instance), ("http.timeout", .instance),
    ("something.else", .none),
  ])
  func eachCodePointsAtWhereItIsCured(code: String, area: FixArea) {
    #expect(Verdict(code: code, summary: "").fixArea == area, "\(code)")
  }
}
