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

  func testASwitchedOffPasswordGrantIsAccessDenied() async throws {
    // The simulator answers like a real instance: the token endpoint's catch-all 401
    // access_denied, which cannot be told from wrong credentials.
    let run = try check(scenario: "ropc-disabled", auth: Self.passwordGrant, environment: Self.oauthSecrets)
    XCTAssertEqual(try run.code(), "oauth.access_denied", run.stdout)
    XCTAssertEqual(run.status, 3)
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
