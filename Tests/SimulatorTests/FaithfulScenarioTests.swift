import Foundation
import Simulator
import XCTest

/// The scenarios that follow what real instances send (shared/SERVICENOW.md, "Corrections and
/// additions"), each answer checked byte for byte where the source gives the bytes.
final class FaithfulScenarioTests: XCTestCase {
  let admin = ("admin", "admin")
  static let everyPath = [
    "/", "/login.do", "/api/now/table/sys_user", "/oauth_token.do", "/oauth_auth.do", "/whatever",
  ]

  private func with(_ scenarios: Set<Scenario>, _ body: (SimulatorHarness) async throws -> Void) async throws
  {
    let sim = try SimulatorHarness(scenarios: scenarios)
    defer { sim.stop() }
    try await body(sim)
  }

  /// Sends over a raw socket whatever the path, so no client library hides a header.
  private func raw(_ sim: SimulatorHarness, _ method: String, _ path: String, basic: (String, String)? = nil)
    throws -> Answer
  {
    var headers: [(String, String)] = [("Accept", "application/json")]
    if let basic {
      headers.append(("Authorization", "Basic " + Data("\(basic.0):\(basic.1)".utf8).base64EncodedString()))
    }
    return try SimulatorHarness.rawExchange(
      port: sim.server.port, method: method, path: path, headers: headers, body: nil)
  }

  func testHibernatingIs200OnEveryPathWithTheMeasuredPageAndNothingFromANode() async throws {
    try await with([.hibernating]) { sim in
      var bodies: Set<Data> = []
      for path in Self.everyPath {
        for method in ["GET", "POST"] {
          let answer = try raw(sim, method, path, basic: admin)
          XCTAssertEqual(answer.status, 200, path)
          XCTAssertEqual(answer.header("Server"), "snow_adc", path)
          XCTAssertNil(answer.header("Set-Cookie"), path)
          XCTAssertNil(answer.header("WWW-Authenticate"), path)
          XCTAssertNil(answer.header("X-Transaction-ID"), path)
          XCTAssertNil(answer.header("X-Is-Logged-In"), path)
          XCTAssertTrue(answer.header("Content-Type")?.hasPrefix("text/html") == true, path)
          for marker in [
            "instance-hibernating-page", "<h1>Your instance is hibernating</h1>",
            "Sign in to the site to wake your instance",
            "https://developer.servicenow.com/dev.do#!/home?wu=true",
          ] {
            XCTAssertTrue(answer.text.contains(marker), "\(marker) on \(path)")
          }
          bodies.insert(answer.body)
        }
      }
      XCTAssertEqual(bodies.count, 1, "the same page on every path")
      let size = try XCTUnwrap(bodies.first?.count)
      XCTAssertTrue((5_600...6_200).contains(size), "about 5.9 kB, got \(size)")
    }
  }

  func testNoNodeIs502OnEveryPathWithThe153BytePageFromTheEdge() async throws {
    try await with([.noNode]) { sim in
      for path in Self.everyPath {
        let answer = try raw(sim, "GET", path, basic: admin)
        XCTAssertEqual(answer.status, 502, path)
        XCTAssertEqual(answer.body.count, 153, path)
        XCTAssertEqual(answer.header("Server"), "snow_adc", path)
        XCTAssertNil(answer.header("X-Transaction-ID"), path)
        XCTAssertNil(answer.header("Set-Cookie"), path)
      }
    }
  }

  func testALiveNodeSendsItsHiddenHeadersOnEveryAnswer() async throws {
    try await with([]) { sim in
      for path in ["/api/now/table/sys_user", "/login.do", "/whatever"] {
        let answer = try raw(sim, "GET", path, basic: admin)
        XCTAssertNotNil(answer.header("X-Transaction-ID"), path)
        XCTAssertNotNil(answer.header("X-Is-Logged-In"), path)
        XCTAssertNotNil(answer.header("Server-Timing"), path)
      }
      let success = try raw(sim, "GET", "/api/now/table/sys_user", basic: admin)
      XCTAssertEqual(success.header("X-Is-Logged-In"), "true")
      XCTAssertFalse(success.header("Set-Cookie")?.contains("glide_user=;") ?? true, "only a 401 expires it")
      XCTAssertNil(success.header("X-RateLimit-Limit"), "no rate-limit headers until a rule matches")
    }
  }

  func testPreADCv2SaysServerServiceNowAndAnInvalidTablesDetailIsNull() async throws {
    try await with([.preADCv2]) { sim in
      let answer = try await sim.send("GET", "/api/now/table/u_nothing", basic: admin)
      XCTAssertEqual(answer.header("Server"), "ServiceNow")
      XCTAssertEqual(answer.status, 400)
      XCTAssertEqual(
        answer.json,
        ["error": ["message": "Invalid table u_nothing", "detail": NSNull()], "status": "failure"])
    }
  }

  func testChallengeScenariosSendBearerOrBothHeaders() async throws {
    try await with([.challengeBearer]) { sim in
      let answer = try raw(sim, "GET", "/api/now/table/sys_user", basic: admin)
      XCTAssertEqual(answer.status, 401, "an access policy that names tokens refuses Basic")
      XCTAssertEqual(answer.header("WWW-Authenticate"), #"BEARER realm="Service-now""#)
      let bearer = try await sim.send("GET", "/api/now/table/sys_user", bearer: try await sim.accessToken())
      XCTAssertEqual(bearer.status, 200)
    }
    try await with([.challengeBoth]) { sim in
      let answer = try raw(sim, "GET", "/api/now/table/sys_user")
      // Two header fields, joined by the raw reader in arrival order.
      XCTAssertEqual(
        answer.header("WWW-Authenticate"), #"BASIC realm="Service-now", BEARER realm="Service-now""#)
    }
  }

  func testThe403BodiesOfEachRefusal() async throws {
    let cases: [(Scenario, String, Any)] = [
      (.aclSysUser, "Insufficient rights to query records", NSNull()),
      (
        .aclFields, "Insufficient rights to query records",
        "Field(s) present in the query do not have permission to be read"
      ),
      (.aclRESTAPI, "User Not Authorized", "Failed API level ACL Validation"),
      (.tableSecurity, "Operation against file 'sys_user' was denied due to table security.", NSNull()),
    ]
    for (scenario, message, detail) in cases {
      try await with([scenario]) { sim in
        let answer = try await sim.send("GET", "/api/now/table/sys_user", basic: admin)
        XCTAssertEqual(answer.status, 403, scenario.rawValue)
        XCTAssertEqual(
          answer.json, ["error": ["message": message, "detail": detail], "status": "failure"],
          scenario.rawValue)
      }
    }
    try await with([.crossScope]) { sim in
      let answer = try await sim.send("GET", "/api/now/table/sys_user", basic: admin)
      let error = try XCTUnwrap(answer.json?["error"] as? [String: Any])
      XCTAssertTrue(
        (error["message"] as? String)?.hasPrefix(
          "com.glide.script.fencing.access.ScopeAccessNotGrantedException")
          == true)
    }
    try await with([.scopeMissingSplit]) { sim in
      let answer = try await sim.send("GET", "/api/now/table/sys_user", bearer: try await sim.accessToken())
      XCTAssertEqual(
        answer.json,
        [
          "error": [
            "message": "User Not Authorized", "detail": "Missing required api access scope: useraccount",
          ],
          "status": "failure",
        ])
    }
  }

  func testHiddenRowsAndFieldsPassWith200() async throws {
    try await with([.noVisibleRows]) { sim in
      let answer = try await sim.send(
        "GET", "/api/now/table/sys_user?sysparm_fields=sys_id,user_name", basic: admin)
      XCTAssertEqual(answer.status, 200)
      XCTAssertEqual(answer.results.count, 0)
      XCTAssertEqual(answer.header("X-Total-Count"), "0")
    }
    try await with([.fieldsHidden]) { sim in
      let answer = try await sim.send(
        "GET", "/api/now/table/sys_user?sysparm_fields=sys_id,user_name", basic: admin)
      XCTAssertEqual(answer.status, 200)
      let row = try XCTUnwrap(answer.results.first)
      XCTAssertEqual(Set(row.keys), ["sys_id"])
    }
  }

  func testTheDocumented429Body() async throws {
    try await with([.rateLimited]) { sim in
      let answer = try await sim.send("GET", "/api/now/table/sys_user", basic: admin)
      XCTAssertEqual(answer.status, 429)
      XCTAssertEqual(
        answer.json,
        [
          "error": [
            "message": "Rate limit exceeded",
            "detail": "Rate limit of 100 requests per hour for Table API exceeded",
          ],
          "status": "failure",
        ])
      XCTAssertNotNil(answer.header("X-RateLimit-Rule"), "a rule matched")
    }
  }

  func testSwitchedOffClientCredentialsGetTheCatchAll401() async throws {
    try await with([.ccDisabled]) { sim in
      let answer = try await sim.send(
        "POST", "/oauth_token.do",
        form: [
          ("grant_type", "client_credentials"), ("client_id", "snowgate-demo"),
          ("client_secret", "demo-secret"),
        ])
      XCTAssertEqual(answer.status, 401)
      XCTAssertEqual(answer.json, SimulatorHarness.accessDenied)
      let password = try await sim.passwordGrant()
      XCTAssertEqual(password.status, 200, "only the client-credentials grant is off")
    }
  }

  func testEmptyScopeAndJWTTokens() async throws {
    try await with([.emptyScope, .jwtTokens]) { sim in
      let answer = try await sim.passwordGrant()
      XCTAssertEqual(answer.json?["scope"] as? String, "")
      let token = try XCTUnwrap(answer.json?["access_token"] as? String)
      let parts = token.split(separator: ".")
      XCTAssertEqual(parts.count, 3, token)
      XCTAssertGreaterThan(token.count, 300)
      let users = try await sim.send("GET", "/api/now/table/sys_user", bearer: token)
      XCTAssertEqual(users.status, 200, "a JWT works as a bearer token")
    }
  }

  func testRevocationReadsTheQueryOnly() async throws {
    try await with([]) { sim in
      let bodyOnly = try await sim.accessToken()
      let ignored = try await sim.send("POST", "/oauth_revoke_token.do", form: [("token", bodyOnly)])
      XCTAssertEqual(ignored.status, 200)
      let stillGood = try await sim.send("GET", "/api/now/table/sys_user", bearer: bodyOnly)
      XCTAssertEqual(stillGood.status, 200, "no source shows a POST body is read")
      let revoked = try await sim.send("GET", "/oauth_revoke_token.do?token=\(bodyOnly)")
      XCTAssertEqual(revoked.status, 200)
      let gone = try await sim.send("GET", "/api/now/table/sys_user", bearer: bodyOnly)
      XCTAssertEqual(gone.status, 401)
    }
  }
}
