import Foundation
import Simulator
import XCTest

final class TokenEndpointTests: XCTestCase {
  var sim: SimulatorHarness!

  override func setUp() async throws { sim = try SimulatorHarness() }
  override func tearDown() async throws { sim.stop() }

  func testPasswordGrantAnswersTheDocumentedShape() async throws {
    let answer = try await sim.passwordGrant()
    XCTAssertEqual(answer.status, 200)
    let json = try XCTUnwrap(answer.json)
    XCTAssertEqual(
      Set(json.allKeys as! [String]), ["scope", "token_type", "expires_in", "refresh_token", "access_token"])
    XCTAssertEqual(json["scope"] as? String, "useraccount")
    XCTAssertEqual(json["token_type"] as? String, "Bearer")
    XCTAssertEqual(json["expires_in"] as? Int, 1799)
    XCTAssertFalse((json["access_token"] as? String ?? "").isEmpty)
    XCTAssertEqual(answer.header("Server"), "snow_adc")
    XCTAssertEqual(answer.header("x-is-logged-in"), "false")
    XCTAssertTrue(answer.header("Set-Cookie")?.contains("JSESSIONID=") == true)
  }

  func testClientCredentialsInABasicHeaderAreAccepted() async throws {
    let answer = try await sim.send(
      "POST", "/oauth_token.do", basic: ("snowgate-demo", "demo-secret"),
      form: [("grant_type", "password"), ("username", "admin"), ("password", "admin")])
    XCTAssertEqual(answer.status, 200)
    XCTAssertNotNil(answer.json?["access_token"] as? String)
  }

  func testEveryCredentialFailureGetsTheCatchAll401() async throws {
    let failures: [[(String, String)]] = [
      [
        ("grant_type", "password"), ("client_id", "snowgate-demo"), ("client_secret", "wrong"),
        ("username", "admin"), ("password", "admin"),
      ],
      [
        ("grant_type", "password"), ("client_id", "nobody"), ("client_secret", "demo-secret"),
        ("username", "admin"), ("password", "admin"),
      ],
      [
        ("grant_type", "password"), ("client_id", "snowgate-demo"), ("client_secret", "demo-secret"),
        ("username", "admin"), ("password", "wrong"),
      ],
      [
        ("grant_type", "refresh_token"), ("client_id", "snowgate-demo"), ("client_secret", "demo-secret"),
        ("refresh_token", "made-up"),
      ],
      [
        ("grant_type", "authorization_code"), ("client_id", "snowgate-demo"),
        ("client_secret", "demo-secret"),
        ("code", "made-up"), ("redirect_uri", "http://127.0.0.1:8484/callback"),
      ],
      [("grant_type", "client_credentials"), ("client_id", "snowgate-demo"), ("client_secret", "wrong")],
      [("grant_type", "telepathy"), ("client_id", "snowgate-demo"), ("client_secret", "demo-secret")],
    ]
    for form in failures {
      let answer = try await sim.send("POST", "/oauth_token.do", form: form)
      XCTAssertEqual(answer.status, 401, "\(form.first!)")
      XCTAssertEqual(answer.json, SimulatorHarness.accessDenied, "\(form.first!)")
      XCTAssertEqual(answer.header("Server"), "snow_adc")
      XCTAssertTrue(answer.header("Set-Cookie")?.contains("JSESSIONID=") == true)
    }
  }

  func testJSONBodyIsRefused() async throws {
    let body =
      #"{"grant_type":"password","client_id":"snowgate-demo","client_secret":"demo-secret","username":"admin","password":"admin"}"#
    let answer = try await sim.send(
      "POST", "/oauth_token.do", headers: ["Content-Type": "application/json"], body: Data(body.utf8))
    XCTAssertEqual(answer.status, 401)
    XCTAssertEqual(answer.json, SimulatorHarness.accessDenied)
  }

  func testCredentialsInTheQueryStringAreRefused() async throws {
    let answer = try await sim.send(
      "POST", "/oauth_token.do?client_secret=demo-secret&password=admin",
      form: [("grant_type", "password"), ("client_id", "snowgate-demo"), ("username", "admin")])
    XCTAssertEqual(answer.status, 401)
    XCTAssertEqual(answer.json, SimulatorHarness.accessDenied)
  }

  func testRepeatedPasswordGrantReturnsTheSameStillValidToken() async throws {
    let first = try await sim.passwordGrant().json?["access_token"] as? String
    sim.server.advanceClock(by: 1000)
    let second = try await sim.passwordGrant()
    XCTAssertEqual(second.json?["access_token"] as? String, first)
    // Extended: 1000 s more and it is still alive (the original would have had 800 s left).
    sim.server.advanceClock(by: 1000)
    let table = try await sim.send(
      "GET", "/api/now/table/sys_user?sysparm_limit=1", bearer: try XCTUnwrap(first))
    XCTAssertEqual(table.status, 200)
  }

  /// The demo client's application user is admin, so both grants issue tokens to the same user:
  /// the password grant must still come with its own refresh token.
  func testPasswordGrantAfterClientCredentialsStillGetsARefreshToken() async throws {
    let machine = try await sim.send(
      "POST", "/oauth_token.do",
      form: [
        ("grant_type", "client_credentials"), ("client_id", "snowgate-demo"),
        ("client_secret", "demo-secret"),
      ])
    XCTAssertEqual(machine.status, 200)
    XCTAssertNil(machine.json?["refresh_token"])
    let person = try await sim.passwordGrant()
    XCTAssertEqual(person.status, 200)
    XCTAssertNotNil(person.json?["refresh_token"] as? String)
    XCTAssertNotEqual(person.json?["access_token"] as? String, machine.json?["access_token"] as? String)
  }

  func testAccessTokenExpiresAfterItsLifespan() async throws {
    let token = try await sim.accessToken()
    let before = try await sim.send("GET", "/api/now/table/sys_user", bearer: token)
    XCTAssertEqual(before.status, 200)
    sim.server.advanceClock(by: 1801)
    let after = try await sim.send("GET", "/api/now/table/sys_user", bearer: token)
    XCTAssertEqual(after.status, 401)
    XCTAssertEqual(after.json, SimulatorHarness.notAuthenticated)
  }

  func testTokensExpireByTheWallClockWithShortLifespans() async throws {
    var configuration = SimulatorConfiguration.demo
    configuration.oauthClients[0].accessTokenLifespan = 1
    let short = try SimulatorHarness(configuration)
    defer { short.stop() }
    let answer = try await short.passwordGrant()
    XCTAssertEqual(answer.json?["expires_in"] as? Int, 0)
    let token = try XCTUnwrap(answer.json?["access_token"] as? String)
    try await Task.sleep(nanoseconds: 1_100_000_000)
    let after = try await short.send("GET", "/api/now/table/sys_user", bearer: token)
    XCTAssertEqual(after.status, 401)
  }

  func testRefreshGrantGivesANewAccessToken() async throws {
    let granted = try await sim.passwordGrant()
    let grant = try XCTUnwrap(granted.json)
    let refresh = try XCTUnwrap(grant["refresh_token"] as? String)
    let answer = try await sim.send(
      "POST", "/oauth_token.do",
      form: [
        ("grant_type", "refresh_token"), ("client_id", "snowgate-demo"), ("client_secret", "demo-secret"),
        ("refresh_token", refresh),
      ])
    XCTAssertEqual(answer.status, 200)
    let newToken = try XCTUnwrap(answer.json?["access_token"] as? String)
    XCTAssertNotEqual(newToken, grant["access_token"] as? String)
    XCTAssertEqual(answer.json?["expires_in"] as? Int, 1799)
    let table = try await sim.send("GET", "/api/now/table/incident", bearer: newToken)
    XCTAssertEqual(table.status, 200)
  }

  func testRefreshTokenExpiresAfterItsLifespan() async throws {
    let granted = try await sim.passwordGrant()
    let refresh = try XCTUnwrap(granted.json?["refresh_token"] as? String)
    sim.server.advanceClock(by: 8_640_001)
    let answer = try await refreshGrant(refresh)
    XCTAssertEqual(answer.status, 401)
    XCTAssertEqual(answer.json, SimulatorHarness.accessDenied)
  }

  func testRevokedRefreshTokenIsRefusedAndTakesItsAccessTokenAlong() async throws {
    let granted = try await sim.passwordGrant()
    let grant = try XCTUnwrap(granted.json)
    let refresh = try XCTUnwrap(grant["refresh_token"] as? String)
    let access = try XCTUnwrap(grant["access_token"] as? String)
    let revoke = try await sim.send("POST", "/oauth_revoke_token.do?token=\(refresh)")
    XCTAssertEqual(revoke.status, 200)
    let answer = try await refreshGrant(refresh)
    XCTAssertEqual(answer.status, 401)
    XCTAssertEqual(answer.json, SimulatorHarness.accessDenied)
    let table = try await sim.send("GET", "/api/now/table/sys_user", bearer: access)
    XCTAssertEqual(table.status, 401)
  }

  func testRevokingAnAccessTokenEndsIt() async throws {
    let token = try await sim.accessToken()
    let revoke = try await sim.send("GET", "/oauth_revoke_token.do?token=\(token)")
    XCTAssertEqual(revoke.status, 200)
    let table = try await sim.send("GET", "/api/now/table/sys_user", bearer: token)
    XCTAssertEqual(table.status, 401)
  }

  func testRevokeHookEndsAToken() async throws {
    let token = try await sim.accessToken()
    sim.server.revoke(token: token)
    let table = try await sim.send("GET", "/api/now/table/sys_user", bearer: token)
    XCTAssertEqual(table.status, 401)
  }

  func testClientCredentialsGrantHasNoRefreshToken() async throws {
    let answer = try await sim.send(
      "POST", "/oauth_token.do",
      form: [
        ("grant_type", "client_credentials"), ("client_id", "snowgate-demo"),
        ("client_secret", "demo-secret"),
      ])
    XCTAssertEqual(answer.status, 200)
    let json = try XCTUnwrap(answer.json)
    XCTAssertNil(json["refresh_token"])
    XCTAssertEqual(json["expires_in"] as? Int, 1799)
    let token = try XCTUnwrap(json["access_token"] as? String)
    let table = try await sim.send("GET", "/api/now/table/sys_user?sysparm_limit=1", bearer: token)
    XCTAssertEqual(table.status, 200)
  }

  func testClientCredentialsWithoutApplicationUserGetsUnauthorizedClient() async throws {
    var configuration = SimulatorConfiguration.demo
    configuration.oauthClients[0].applicationUser = nil
    let other = try SimulatorHarness(configuration)
    defer { other.stop() }
    let answer = try await other.send(
      "POST", "/oauth_token.do",
      form: [
        ("grant_type", "client_credentials"), ("client_id", "snowgate-demo"),
        ("client_secret", "demo-secret"),
      ])
    XCTAssertEqual(answer.status, 400)
    let sysID = configuration.oauthClients[0].sysID
    XCTAssertEqual(
      answer.json,
      [
        "error": "unauthorized_client",
        "error_description":
          "Received client_credentials grant_type request however integration user is not configured for OAuth:\(sysID)",
      ] as NSDictionary)
  }

  func testSecretsFromTheRequestNeverAppearInTheAnswer() async throws {
    let answer = try await sim.passwordGrant(password: "SENTINEL-S3CR3T")
    XCTAssertFalse(answer.text.contains("S3CR3T"))
    XCTAssertFalse(answer.headers.values.contains { $0.contains("S3CR3T") })
  }

  private func refreshGrant(_ refresh: String) async throws -> Answer {
    try await sim.send(
      "POST", "/oauth_token.do",
      form: [
        ("grant_type", "refresh_token"), ("client_id", "snowgate-demo"), ("client_secret", "demo-secret"),
        ("refresh_token", refresh),
      ])
  }
}
