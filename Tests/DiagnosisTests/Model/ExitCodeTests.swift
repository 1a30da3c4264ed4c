import Testing
import Vocabulary

@testable import Diagnosis

@Suite struct ExitCodeTests {
  /// Every code issue 5 names, with the exit status the issue gives it.
  static let expected: [(String, Int32)] = [
    ("ok", 0),
    ("url.invalid", 2),
    ("dns.not_found", 4), ("tcp.refused", 4), ("tcp.timeout", 4), ("proxy.failed", 4),
    ("tls.untrusted", 4), ("tls.hostname_mismatch", 4), ("tls.failed", 4), ("http.timeout", 4),
    ("instance.hibernating", 4), ("instance.not_servicenow", 4), ("instance.unavailable", 4),
    ("auth.basic_rejected", 3), ("auth.mfa_required", 3), ("oauth.access_denied", 3),
    ("oauth.unauthorized_client", 3), ("oauth.grant_disabled", 3), ("oauth.refresh_expired", 3),
    ("oauth.token_rejected", 3), ("api.forbidden", 3), ("api.scope_missing", 3),
    ("oauth.bad_response", 5), ("api.bad_response", 5),
    ("api.rate_limited", 6),
    // Issue 13: the new instance state and the 403s split by body.
    ("instance.no_node", 4), ("api.rest_api_denied", 3), ("api.table_security", 3), ("api.cross_scope", 3),
  ]

  @Test(arguments: expected)
  func everyIssueCodeMapsToItsDocumentedExitStatus(code: String, status: Int32) {
    #expect(exitCode(for: code) == status, "\(code)")
  }

  @Test func codesOfTheLocalLayersBeyondTheIssueListFollowTheirFamily() {
    #expect(exitCode(for: "dns.temporary_failure") == 4)
    #expect(exitCode(for: "dns.timeout") == 4)
    #expect(exitCode(for: "tcp.failed") == 4)
    #expect(exitCode(for: "proxy.invalid") == 4)
    #expect(exitCode(for: "usage.unknown_option") == 2)
    #expect(exitCode(for: "config.unreadable") == 2)
    #expect(exitCode(for: "profile.not_found") == 2)
  }

  @Test func unknownOrMalformedCodesExitWithOne() {
    for code in ["", "ok.", ".ok", "api", "api.something_new", "http.other", "check.failed", "OK"] {
      #expect(exitCode(for: code) == 1, "\(code)")
    }
  }

  @Test func verdictCarriesTheExitStatusOfItsCode() {
    #expect(Verdict(code: "api.rate_limited", summary: "x").exitCode == 6)
  }
}
