import Foundation
import Simulator
import XCTest

final class ScenarioTests: XCTestCase {
  let admin = ("admin", "admin")

  private func with(_ scenarios: Set<Scenario>, _ body: (SimulatorHarness) async throws -> Void) async throws
  {
    let sim = try SimulatorHarness(scenarios: scenarios)
    defer { sim.stop() }
    try await body(sim)
  }

  func testHibernatingAnswersThePageOnEveryPath() async throws {
    try await with([.hibernating]) { sim in
      for path in ["/", "/api/now/table/sys_user", "/oauth_token.do", "/oauth_auth.do", "/whatever"] {
        let answer = try await sim.send("GET", path, basic: admin)
        XCTAssertTrue(answer.text.contains("Your instance is hibernating"), path)
        XCTAssertTrue(answer.text.contains("https://developer.servicenow.com"), path)
        XCTAssertTrue(answer.header("Content-Type")?.hasPrefix("text/html") == true, path)
      }
    }
  }

  func testBasicBlockedRefusesBasicButNotOAuth() async throws {
    try await with([.basicBlocked]) { sim in
      let basic = try await sim.send("GET", "/api/now/table/sys_user", basic: admin)
      XCTAssertEqual(basic.status, 401)
      XCTAssertEqual(basic.json, SimulatorHarness.notAuthenticated)
      let tok = try await sim.accessToken()
      let bearer = try await sim.send("GET", "/api/now/table/sys_user", bearer: tok)
      XCTAssertEqual(bearer.status, 200)
    }
  }

  func testMFARequiredFlagsARightPasswordOnly() async throws {
    try await with([.mfaRequired]) { sim in
      let right = try await sim.send("GET", "/api/now/table/sys_user", basic: admin)
      XCTAssertEqual(right.status, 401)
      XCTAssertEqual(right.header("X-MFA_TOKEN"), "invalid")
      XCTAssertEqual(right.json, SimulatorHarness.notAuthenticated)
      let wrong = try await sim.send("GET", "/api/now/table/sys_user", basic: ("admin", "wrong"))
      XCTAssertEqual(wrong.status, 401)
      XCTAssertNil(wrong.header("X-MFA_TOKEN"))
    }
  }

  func testACLOnSysUserForbidsOnlySysUser() async throws {
    try await with([.aclSysUser]) { sim in
      let users = try await sim.send("GET", "/api/now/table/sys_user", basic: admin)
      XCTAssertEqual(users.status, 403)
      XCTAssertEqual(users.json, SimulatorHarness.aclDenied)
      let objects = try await sim.send("GET", "/api/now/table/sys_db_object", basic: admin)
      XCTAssertEqual(objects.status, 200)
    }
  }

  func testACLOnSysDbObjectForbidsOnlySysDbObject() async throws {
    try await with([.aclSysDbObject]) { sim in
      let objects = try await sim.send("GET", "/api/now/table/sys_db_object", basic: admin)
      XCTAssertEqual(objects.status, 403)
      XCTAssertEqual(objects.json, SimulatorHarness.aclDenied)
      let users = try await sim.send("GET", "/api/now/table/sys_user", basic: admin)
      XCTAssertEqual(users.status, 200)
    }
  }

  func testScopeMissingForbidsBearerButNotBasic() async throws {
    try await with([.scopeMissing]) { sim in
      let bearer = try await sim.send("GET", "/api/now/table/sys_user", bearer: try await sim.accessToken())
      XCTAssertEqual(bearer.status, 403)
      let error = try XCTUnwrap(bearer.json?["error"] as? [String: Any])
      XCTAssertEqual(
        error["message"] as? String, "User Not Authorized - Missing required api access scope: useraccount")
      XCTAssertTrue(error["detail"] is NSNull)
      XCTAssertEqual(bearer.json?["status"] as? String, "failure")
      let basic = try await sim.send("GET", "/api/now/table/sys_user", basic: admin)
      XCTAssertEqual(basic.status, 200)
    }
  }

  func testRateLimitedAnswers429WithRetryAfterAndLimits() async throws {
    try await with([.rateLimited]) { sim in
      let answer = try await sim.send("GET", "/api/now/table/sys_user", basic: admin)
      XCTAssertEqual(answer.status, 429)
      XCTAssertEqual(answer.header("Retry-After"), "60")
      XCTAssertEqual(answer.header("X-RateLimit-Limit"), "100")
      XCTAssertNotNil(answer.header("X-RateLimit-Rule"))
      let reset = try XCTUnwrap(Double(try XCTUnwrap(answer.header("X-RateLimit-Reset"))))
      XCTAssertGreaterThan(reset, Date().timeIntervalSince1970)
      let error = try XCTUnwrap(answer.json?["error"] as? [String: Any])
      XCTAssertEqual(error["message"] as? String, "Rate limit exceeded")
      XCTAssertEqual(answer.json?["status"] as? String, "failure")
    }
  }

  func testROPCDisabledRefusesThePasswordGrantWithTheCatchAll() async throws {
    try await with([.ropcDisabled]) { sim in
      let answer = try await sim.passwordGrant()
      XCTAssertEqual(answer.status, 401)
      XCTAssertEqual(answer.json, SimulatorHarness.accessDenied)
    }
  }

  func testCCNotConfiguredRefusesClientCredentials() async throws {
    try await with([.ccNotConfigured]) { sim in
      let answer = try await sim.send(
        "POST", "/oauth_token.do",
        form: [
          ("grant_type", "client_credentials"), ("client_id", "snowgate-demo"),
          ("client_secret", "demo-secret"),
        ])
      XCTAssertEqual(answer.status, 400)
      XCTAssertEqual(answer.json?["error"] as? String, "unauthorized_client")
    }
  }

  func testRefreshExpiredRefusesTheRefreshGrant() async throws {
    try await with([.refreshExpired]) { sim in
      let granted = try await sim.passwordGrant()
      let refresh = try XCTUnwrap(granted.json?["refresh_token"] as? String)
      let answer = try await sim.send(
        "POST", "/oauth_token.do",
        form: [
          ("grant_type", "refresh_token"), ("client_id", "snowgate-demo"), ("client_secret", "demo-secret"),
          ("refresh_token", refresh),
        ])
      XCTAssertEqual(answer.status, 401)
      XCTAssertEqual(answer.json, SimulatorHarness.accessDenied)
    }
  }

  func testError500And503AnswerHTMLPages() async throws {
    for (scenario, status) in [(Scenario.error500, 500), (.error503, 503)] {
      try await with([scenario]) { sim in
        let answer = try await sim.send("GET", "/api/now/table/sys_user", basic: admin)
        XCTAssertEqual(answer.status, status)
        XCTAssertTrue(answer.header("Content-Type")?.hasPrefix("text/html") == true)
        XCTAssertTrue(answer.text.contains("<html"))
        XCTAssertEqual(answer.header("Server"), "snow_adc")
      }
    }
  }

  func testSlowWaitsBeforeAnswering() async throws {
    var configuration = SimulatorConfiguration.demo
    configuration.scenarios = [.slow]
    configuration.slowDelay = 0.4
    let sim = try SimulatorHarness(configuration)
    defer { sim.stop() }
    let client = try RawClient(port: sim.server.port)
    defer { client.disconnect() }
    client.send("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    XCTAssertTrue(client.read(atLeast: 1, seconds: 0.15).isEmpty, "nothing arrives before the delay")
    let (bytes, closed) = client.readAll(seconds: 5)
    XCTAssertEqual(RawClient.status(of: bytes), 302)
    XCTAssertTrue(closed)
  }

  func testDripSendsOneByteAtATime() async throws {
    var configuration = SimulatorConfiguration.demo
    configuration.scenarios = [.drip]
    configuration.dripInterval = 0.2
    let sim = try SimulatorHarness(configuration)
    defer { sim.stop() }
    let client = try RawClient(port: sim.server.port)
    defer { client.disconnect() }
    client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    let early = client.read(atLeast: 100, seconds: 0.5)
    XCTAssertGreaterThan(early.count, 0)
    XCTAssertLessThan(early.count, 10, "a drip sends about one byte per interval")
    XCTAssertEqual(String(decoding: early, as: UTF8.self), String("HTTP/1.1 302".prefix(early.count)))
  }

  func testDropClosesTheConnectionMidAnswer() async throws {
    try await with([.drop]) { sim in
      let client = try RawClient(port: sim.server.port)
      defer { client.disconnect() }
      client.send(
        "GET /api/now/table/sys_user HTTP/1.1\r\nHost: x\r\nAuthorization: Basic YWRtaW46YWRtaW4=\r\n\r\n")
      let (bytes, closed) = client.readAll(seconds: 5)
      XCTAssertTrue(closed)
      let text = String(decoding: bytes, as: UTF8.self)
      let parts = text.components(separatedBy: "\r\n\r\n")
      let declared = parts[0].components(separatedBy: "\r\n").first { $0.hasPrefix("Content-Length: ") }
      let length = try XCTUnwrap(Int(try XCTUnwrap(declared).dropFirst("Content-Length: ".count)))
      XCTAssertGreaterThan(length, 0)
      XCTAssertLessThan(parts.dropFirst().joined(separator: "\r\n\r\n").utf8.count, length)
    }
  }

  func testScenariosCanChangeWhileRunning() async throws {
    try await with([]) { sim in
      let before = try await sim.send("GET", "/api/now/table/sys_user", basic: admin)
      XCTAssertEqual(before.status, 200)
      sim.server.setScenarios([.error503])
      let after = try await sim.send("GET", "/api/now/table/sys_user", basic: admin)
      XCTAssertEqual(after.status, 503)
    }
  }
}
