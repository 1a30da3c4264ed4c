import Foundation
import XCTest

/// Each verdict the HTTP layers produce, reached by `snowgate check` against the simulator's
/// scenarios, with its exit status.
final class CheckScenarioTests: XCTestCase {
  /// Checks a simulator running `scenario` with `auth` and returns the JSON run.
  private func check(
    scenario: String?, auth: [String] = ["--auth", "basic", "--username", "admin"],
    environment: [String: String] = ["SNOWGATE_PASSWORD": "admin"], extra: [String] = []
  ) throws -> CheckRun {
    let simulator = try SimulatorProcess(scenario: scenario)
    defer { simulator.stop() }
    return try CheckRun.run(
      ["check", "--instance", simulator.url.absoluteString, "--json", "--timeout", "3"] + auth + extra,
      environment: environment)
  }

  private static let passwordGrant = [
    "--auth", "password", "--username", "admin", "--client-id", "snowgate-demo",
  ]
  private static let oauthSecrets = ["SNOWGATE_PASSWORD": "admin", "SNOWGATE_CLIENT_SECRET": "demo-secret"]

  func testAHealthyInstanceIsOkWithExitZero() async throws {
    let run = try check(scenario: nil)
    XCTAssertEqual(try run.code(), "ok", run.stdout)
    XCTAssertEqual(run.status, 0)
    XCTAssertEqual(try run.json()["ok"] as? Bool, true)
  }

  func testTheOAuthPasswordGrantIsOkAndTheTokenCheckRuns() async throws {
    let run = try check(scenario: nil, auth: Self.passwordGrant, environment: Self.oauthSecrets)
    XCTAssertEqual(try run.code(), "ok", run.stdout)
    XCTAssertEqual(run.status, 0)
    XCTAssertEqual(try run.check("token")?["status"] as? String, "pass", run.stdout)
  }

  func testRefreshForcesARealRefresh() async throws {
    let run = try check(
      scenario: nil, auth: Self.passwordGrant, environment: Self.oauthSecrets, extra: ["--refresh"])
    XCTAssertEqual(try run.code(), "ok", run.stdout)
    let detail = try XCTUnwrap(try run.check("token")?["detail"] as? String)
    XCTAssertTrue(detail.contains("refreshed"), detail)
  }

  func testAHibernatingInstanceIsDiagnosedAsHibernating() async throws {
    let run = try check(scenario: "hibernating")
    XCTAssertEqual(try run.code(), "instance.hibernating", run.stdout)
    XCTAssertEqual(run.status, 4)
    XCTAssertTrue(try remedies(run)[0].contains("developer-portal account"), run.stdout)
  }

  func testBlockedBasicAuthIsBasicRejected() async throws {
    let run = try check(scenario: "basic-blocked")
    XCTAssertEqual(try run.code(), "auth.basic_rejected", run.stdout)
    XCTAssertEqual(run.status, 3)
  }

  func testAWrongPasswordIsBasicRejected() async throws {
    let run = try check(scenario: nil, environment: ["SNOWGATE_PASSWORD": "S3CR3T-wrong-password"])
    XCTAssertEqual(try run.code(), "auth.basic_rejected", run.stdout)
    XCTAssertEqual(run.status, 3)
    XCTAssertEqual(try run.check("api")?["status"] as? String, "skip")
  }

  func testAnAccountThatNeedsAOneTimePasswordIsMFARequired() async throws {
    let run = try check(scenario: "mfa-required")
    XCTAssertEqual(try run.code(), "auth.mfa_required", run.stdout)
    XCTAssertEqual(run.status, 3)
  }

  func testNoReadAccessToSysUserIsForbidden() async throws {
    let run = try check(scenario: "acl-sys-user")
    XCTAssertEqual(try run.code(), "api.forbidden", run.stdout)
    XCTAssertEqual(run.status, 3)
    XCTAssertEqual(try run.check("auth")?["status"] as? String, "pass", "a 403 proves the password")
  }

  func testNoReadAccessToSysDbObjectIsOnlyAWarning() async throws {
    let run = try check(scenario: "acl-sys-db-object")
    XCTAssertEqual(try run.code(), "ok", run.stdout)
    XCTAssertEqual(run.status, 0)
    XCTAssertEqual(try run.check("api_meta")?["status"] as? String, "warn")
    XCTAssertNotNil(try run.check("api_meta")?["remedy"] as? String)
  }

  func testATokenWithoutTheAPIScopeIsScopeMissing() async throws {
    let run = try check(scenario: "scope-missing", auth: Self.passwordGrant, environment: Self.oauthSecrets)
    XCTAssertEqual(try run.code(), "api.scope_missing", run.stdout)
    XCTAssertEqual(run.status, 3)
  }

  func testARateLimitedInstanceIsRateLimitedWithExitSix() async throws {
    let run = try check(scenario: "rate-limited")
    XCTAssertEqual(try run.code(), "api.rate_limited", run.stdout)
    XCTAssertEqual(run.status, 6)
  }

  func testASwitchedOffPasswordGrantIsAccessDeniedNarrowedByAWorkingPassword() async throws {
    // The simulator answers like a real instance: the token endpoint's catch-all 401
    // access_denied. The same user signs in with Basic, so check blames the client or the grant.
    let run = try check(scenario: "ropc-disabled", auth: Self.passwordGrant, environment: Self.oauthSecrets)
    XCTAssertEqual(try run.code(), "oauth.access_denied", run.stdout)
    XCTAssertEqual(run.status, 3)
    let remedies = try remedies(run)
    XCTAssertTrue(remedies[0].hasPrefix("Client ID and secret"), "\(remedies)")
    XCTAssertTrue(remedies[1].contains("Security Center"), "\(remedies)")
  }

  func testAWrongPasswordOnThePasswordGrantBlamesTheUserFirst() async throws {
    let run = try check(
      scenario: nil, auth: Self.passwordGrant,
      environment: ["SNOWGATE_PASSWORD": "S3CR3T-wrong", "SNOWGATE_CLIENT_SECRET": "demo-secret"])
    XCTAssertEqual(try run.code(), "oauth.access_denied", run.stdout)
    let remedies = try remedies(run)
    XCTAssertTrue(remedies[0].contains("locked"), "\(remedies)")
    XCTAssertTrue(remedies.joined().contains("Password needs reset"), "\(remedies)")
    XCTAssertFalse(run.stdout.contains("S3CR3T"))
  }

  func testSwitchedOffClientCredentialsAreTheCatchAllWithThePropertyFirst() async throws {
    let run = try check(
      scenario: "cc-disabled", auth: ["--auth", "client-credentials", "--client-id", "snowgate-demo"],
      environment: ["SNOWGATE_CLIENT_SECRET": "demo-secret"])
    XCTAssertEqual(try run.code(), "oauth.access_denied", run.stdout)
    XCTAssertEqual(run.status, 3)
    let remedies = try remedies(run)
    XCTAssertTrue(
      remedies[0].contains("glide.oauth.inbound.client.credential.grant_type.enabled"), "\(remedies)")
    XCTAssertTrue(remedies[1].contains("OAuth Application User"), "\(remedies)")
  }

  func testAnInstanceWithoutANodeIsNoNodeWithExitFour() async throws {
    let run = try check(scenario: "no-node")
    XCTAssertEqual(try run.code(), "instance.no_node", run.stdout)
    XCTAssertEqual(run.status, 4)
    XCTAssertTrue(try remedies(run)[0].contains("developer.servicenow.com"))
  }

  func testEach403BodyHasItsOwnCodeAndKeepsTheInstancesMessage() async throws {
    let cases: [(String, String, String)] = [
      ("acl-sys-user", "api.forbidden", "Insufficient rights to query records"),
      ("acl-fields", "api.forbidden", "Field(s) present in the query"),
      ("acl-rest-api", "api.rest_api_denied", "Failed API level ACL Validation"),
      ("table-security", "api.table_security", "denied due to table security"),
      ("cross-scope", "api.cross_scope", "ScopeAccessNotGrantedException"),
    ]
    for (scenario, code, message) in cases {
      let run = try check(scenario: scenario)
      XCTAssertEqual(try run.code(), code, run.stdout)
      XCTAssertEqual(run.status, 3, scenario)
      let detail = try XCTUnwrap(try run.check("api")?["detail"] as? String, scenario)
      XCTAssertTrue(detail.contains(message), "\(scenario): \(detail)")
    }
  }

  func testTheMissingScopeIsNamedWhicheverWayTheInstanceSplitsTheText() async throws {
    for scenario in ["scope-missing", "scope-missing-split"] {
      let run = try check(scenario: scenario, auth: Self.passwordGrant, environment: Self.oauthSecrets)
      XCTAssertEqual(try run.code(), "api.scope_missing", run.stdout)
      XCTAssertTrue(try remedies(run)[0].contains("useraccount"), run.stdout)
      let detail = try XCTUnwrap(try run.check("api")?["detail"] as? String)
      XCTAssertTrue(detail.contains("Missing required api access scope: useraccount"), detail)
    }
  }

  func testAReadWithNoVisibleRowsOrHiddenFieldsIsAWarning() async throws {
    for (scenario, words) in [("no-visible-rows", "no records"), ("fields-hidden", "lacks user_name")] {
      let run = try check(scenario: scenario)
      XCTAssertEqual(try run.code(), "ok", run.stdout)
      XCTAssertEqual(run.status, 0)
      let api = try XCTUnwrap(try run.check("api"))
      XCTAssertEqual(api["status"] as? String, "warn", scenario)
      XCTAssertTrue((api["detail"] as? String)?.contains(words) == true, "\(scenario): \(api)")
      XCTAssertNotNil(api["remedy"] as? String)
    }
  }

  func testABearerOnlyChallengeExplainsThatBasicIsRefusedByPolicy() async throws {
    let run = try check(scenario: "challenge-bearer")
    XCTAssertEqual(try run.code(), "auth.basic_rejected", run.stdout)
    let detail = try XCTUnwrap(try run.check("auth")?["detail"] as? String)
    XCTAssertTrue(detail.contains("API access policy"), detail)
    XCTAssertEqual(try run.check("instance")?["status"] as? String, "pass")
  }

  func testAnOlderInstanceWithServerServiceNowAndJWTTokensPasses() async throws {
    let run = try check(
      scenario: "pre-adcv2,jwt-tokens,empty-scope", auth: Self.passwordGrant, environment: Self.oauthSecrets)
    XCTAssertEqual(try run.code(), "ok", run.stdout)
    let instance = try XCTUnwrap(try run.check("instance")?["detail"] as? String)
    XCTAssertTrue(instance.contains("ServiceNow"), instance)
  }

  func testARestrictedTokenIsTokenRejectedNamingTokenRestrictionsAndPolicies() async throws {
    let run = try check(
      scenario: "token-restricted", auth: Self.passwordGrant, environment: Self.oauthSecrets)
    XCTAssertEqual(try run.code(), "oauth.token_rejected", run.stdout)
    XCTAssertEqual(run.status, 3)
    XCTAssertEqual(try run.check("auth")?["status"] as? String, "pass", "the token was issued")
    let remedies = try remedies(run).joined(separator: "\n")
    XCTAssertTrue(remedies.contains("Enforce Token Restrictions"), remedies)
    XCTAssertTrue(remedies.contains("REST API access policy"), remedies)
  }

  /// Redirects every path to a sign-in portal elsewhere, without any instance marker.
  static let redirector = """
    import http.server, sys
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(302)
            self.send_header('Location', 'https://portal.example.test/login?next=%2F')
            self.send_header('Content-Length', '0')
            self.end_headers()
        def log_message(self, *args):
            pass
    http.server.HTTPServer(('127.0.0.1', int(sys.argv[1])), Handler).serve_forever()
    """

  func testARedirectOnTheProbeIsShownWithItsLocation() async throws {
    let server = try CheckLocalServer(["python3", "-c", Self.redirector, "{port}"])
    defer { server.stop() }
    let run = try CheckRun.run(
      ["check", "--instance", "http://127.0.0.1:\(server.port)", "--username", "admin", "--json"],
      environment: ["SNOWGATE_PASSWORD": "admin"])
    XCTAssertEqual(try run.code(), "instance.not_servicenow", run.stdout)
    let detail = try XCTUnwrap(try run.check("instance")?["detail"] as? String)
    XCTAssertTrue(detail.contains("https://portal.example.test/login?next=%2F"), detail)
  }

  func testTheSSOScenarioStillPassesForALocalIntegrationUser() async throws {
    // The login pages redirect to the identity provider; the Table API stays the instance's.
    let run = try check(scenario: "sso")
    XCTAssertEqual(try run.code(), "ok", run.stdout)
  }

  /// The diagnosis's remedies in the JSON run.
  private func remedies(_ run: CheckRun) throws -> [String] {
    let diagnosis = try XCTUnwrap(try run.json()["diagnosis"] as? [String: Any])
    return try XCTUnwrap(diagnosis["remedies"] as? [String])
  }

  func testClientCredentialsWithoutAnApplicationUserIsUnauthorizedClient() async throws {
    let run = try check(
      scenario: "cc-not-configured", auth: ["--auth", "client-credentials", "--client-id", "snowgate-demo"],
      environment: ["SNOWGATE_CLIENT_SECRET": "demo-secret"])
    XCTAssertEqual(try run.code(), "oauth.unauthorized_client", run.stdout)
    XCTAssertEqual(run.status, 3)
  }

  func testAnExpiredRefreshTokenIsRefreshExpired() async throws {
    let run = try check(
      scenario: "refresh-expired", auth: ["--auth", "refresh-token", "--client-id", "snowgate-demo"],
      environment: ["SNOWGATE_CLIENT_SECRET": "demo-secret", "SNOWGATE_REFRESH_TOKEN": "S3CR3T-refresh"])
    XCTAssertEqual(try run.code(), "oauth.refresh_expired", run.stdout)
    XCTAssertEqual(run.status, 3)
    XCTAssertFalse(run.stdout.contains("S3CR3T"))
  }

  func testAnInstanceAnswering503IsUnavailable() async throws {
    let run = try check(scenario: "error-503")
    XCTAssertEqual(try run.code(), "instance.unavailable", run.stdout)
    XCTAssertEqual(run.status, 4)
  }

  func testAServerThatDripsBytesIsHTTPTimeoutWithinTheTimeoutPlusASecond() async throws {
    let simulator = try SimulatorProcess(scenario: "drip")
    defer { simulator.stop() }
    let run = try CheckRun.run(
      [
        "check", "--instance", simulator.url.absoluteString, "--json", "--timeout", "2", "--username",
        "admin",
      ], environment: ["SNOWGATE_PASSWORD": "admin"])
    XCTAssertEqual(try run.code(), "http.timeout", run.stdout)
    XCTAssertEqual(run.status, 4)
    // The deadline is the point of this test: 2 s plus the runner's 1 s of slack, as the
    // program measured it, not a minute.
    let elapsed = try XCTUnwrap(try run.json()["elapsed_ms"] as? Int)
    XCTAssertLessThanOrEqual(elapsed, 3_000 + 500, run.stdout)
  }
}
