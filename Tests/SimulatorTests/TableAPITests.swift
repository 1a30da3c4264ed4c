import Foundation
import Simulator
import XCTest

final class TableAPITests: XCTestCase {
  var sim: SimulatorHarness!
  let admin = ("admin", "admin")

  override func setUp() async throws { sim = try SimulatorHarness() }
  override func tearDown() async throws { sim.stop() }

  func testLeastPrivilegeCallReturnsOneUserWithTheAskedFields() async throws {
    let answer = try await sim.send(
      "GET", "/api/now/table/sys_user?sysparm_limit=1&sysparm_fields=sys_id,user_name", basic: admin)
    XCTAssertEqual(answer.status, 200)
    XCTAssertEqual(answer.results.count, 1)
    let row = try XCTUnwrap(answer.results.first)
    XCTAssertEqual(Set(row.keys), ["sys_id", "user_name"])
    XCTAssertEqual(row["user_name"] as? String, "admin")
    XCTAssertEqual((row["sys_id"] as? String)?.count, 32)
    XCTAssertEqual(answer.header("X-Total-Count"), "3")
    XCTAssertEqual(answer.header("x-is-logged-in"), "true")
    XCTAssertEqual(answer.header("Server"), "snow_adc")
    XCTAssertTrue(answer.header("Content-Type")?.hasPrefix("application/json") == true)
  }

  func testVersionedPathsServeTheSameTable() async throws {
    for path in ["/api/now/table/incident", "/api/now/v1/table/incident", "/api/now/v2/table/incident"] {
      let answer = try await sim.send("GET", path, basic: admin)
      XCTAssertEqual(answer.status, 200, path)
      XCTAssertEqual(answer.results.count, 4, path)
    }
  }

  func testEverySeededTableHasRows() async throws {
    for table in ["sys_user", "sys_db_object", "incident", "sys_plugins", "oauth_entity"] {
      let answer = try await sim.send("GET", "/api/now/table/\(table)", basic: admin)
      XCTAssertEqual(answer.status, 200, table)
      XCTAssertFalse(answer.results.isEmpty, table)
    }
  }

  func testPluginsAndOAuthEntitiesCarryWhatAdminsCheck() async throws {
    let plugins = try await sim.send(
      "GET", "/api/now/table/sys_plugins?sysparm_query=source=com.glide.awa", basic: admin)
    XCTAssertEqual(plugins.results.map { $0["name"] as? String }, ["Advanced Work Assignment"])
    XCTAssertEqual(plugins.results.first?["active"] as? String, "active")
    let entities = try await sim.send(
      "GET", "/api/now/table/oauth_entity?sysparm_query=client_id=snowgate-demo", basic: admin)
    let entity = try XCTUnwrap(entities.results.first)
    XCTAssertEqual(entity["redirect_url"] as? String, "http://127.0.0.1:8484/callback")
    XCTAssertEqual(entity["public_client"] as? String, "false")
    XCTAssertEqual(entity["refresh_token_lifespan"] as? String, "8640000")
    XCTAssertFalse(entities.text.contains("demo-secret"), "client secrets are never readable")
  }

  func testEqualityQueryFiltersRows() async throws {
    let answer = try await sim.send(
      "GET", "/api/now/table/incident?sysparm_query=active%3Dtrue%5Epriority%3D1", basic: admin)
    XCTAssertEqual(answer.results.map { $0["number"] as? String }, ["INC0010001"])
    XCTAssertEqual(answer.header("X-Total-Count"), "1")
  }

  func testOrderByDescSortsRows() async throws {
    let answer = try await sim.send(
      "GET", "/api/now/table/sys_user?sysparm_query=ORDERBYDESCuser_name", basic: admin)
    XCTAssertEqual(answer.results.map { $0["user_name"] as? String }, ["beth.anglin", "admin", "abel.tuter"])
  }

  func testQueryOnAFieldThatDoesNotExistGetsTheACL403() async throws {
    let answer = try await sim.send(
      "GET", "/api/now/table/sys_user?sysparm_query=no_such_field=1", basic: admin)
    XCTAssertEqual(answer.status, 403)
    XCTAssertEqual(answer.json, SimulatorHarness.fieldsDenied)
  }

  func testPagingSetsTotalAndLinkRelations() async throws {
    let answer = try await sim.send(
      "GET", "/api/now/table/incident?sysparm_limit=1&sysparm_offset=1", basic: admin)
    XCTAssertEqual(answer.results.map { $0["number"] as? String }, ["INC0010002"])
    XCTAssertEqual(answer.header("X-Total-Count"), "4")
    let link = try XCTUnwrap(answer.header("Link"))
    for relation in ["first", "prev", "next", "last"] {
      XCTAssertTrue(link.contains("rel=\"\(relation)\""), link)
    }
    XCTAssertTrue(link.contains("sysparm_offset=2>;rel=\"next\""), link)
    XCTAssertTrue(link.contains("sysparm_offset=3>;rel=\"last\""), link)
  }

  func testDisplayValueAllWrapsEveryValue() async throws {
    let answer = try await sim.send(
      "GET", "/api/now/table/sys_user?sysparm_display_value=all&sysparm_query=user_name=admin", basic: admin)
    let name = try XCTUnwrap(answer.results.first?["user_name"] as? [String: Any])
    XCTAssertEqual(name["value"] as? String, "admin")
    XCTAssertEqual(name["display_value"] as? String, "admin")
  }

  func testSingleRecordBySysID() async throws {
    let list = try await sim.send(
      "GET", "/api/now/table/sys_user?sysparm_query=user_name=admin", basic: admin)
    let sysID = try XCTUnwrap(list.results.first?["sys_id"] as? String)
    let one = try await sim.send("GET", "/api/now/table/sys_user/\(sysID)", basic: admin)
    XCTAssertEqual(one.status, 200)
    XCTAssertEqual((one.json?["result"] as? [String: Any])?["user_name"] as? String, "admin")
  }

  func testMissingRecordGets404Envelope() async throws {
    let answer = try await sim.send(
      "GET", "/api/now/table/sys_user/0123456789abcdef0123456789abcdef", basic: admin)
    XCTAssertEqual(answer.status, 404)
    XCTAssertEqual(
      answer.json,
      [
        "error": [
          "message": "No Record found",
          "detail": "Record doesn't exist or ACL restricts the record retrieval",
        ],
        "status": "failure",
      ] as NSDictionary)
  }

  func testUnknownTableGets400InvalidTable() async throws {
    let answer = try await sim.send("GET", "/api/now/table/u_nothing", basic: admin)
    XCTAssertEqual(answer.status, 400)
    XCTAssertEqual(
      answer.json,
      [
        "error": ["message": "Invalid table u_nothing", "detail": "Table u_nothing does not exist"],
        "status": "failure",
      ]
        as NSDictionary)
  }

  func testBadAPIPathGets400NoResource() async throws {
    let answer = try await sim.send("GET", "/api/now/tables/sys_user", basic: admin)
    XCTAssertEqual(answer.status, 400)
    let error = try XCTUnwrap(answer.json?["error"] as? [String: Any])
    XCTAssertEqual(error["message"] as? String, "Requested URI does not represent any resource")
    XCTAssertEqual(answer.json?["status"] as? String, "failure")
  }

  func testMissingOrWrongCredentialsGet401WithTheBasicChallenge() async throws {
    for credentials in [nil, ("admin", "wrong"), ("ghost", "admin")] as [(String, String)?] {
      let answer = try await sim.send("GET", "/api/now/table/sys_user", basic: credentials)
      XCTAssertEqual(answer.status, 401)
      XCTAssertEqual(answer.json, SimulatorHarness.notAuthenticated)
      XCTAssertEqual(answer.header("WWW-Authenticate"), "BASIC realm=\"Service-now\"")
      XCTAssertEqual(answer.header("Server"), "snow_adc")
      XCTAssertEqual(answer.header("X-Is-Logged-In"), "false")
      XCTAssertNotNil(answer.header("X-Transaction-ID"))
      XCTAssertNotNil(answer.header("Server-Timing"))
      let cookies = try XCTUnwrap(answer.header("Set-Cookie"))
      for cookie in ["JSESSIONID=", "glide_user=;", "glide_user_session=;", "BIGipServerpool_"] {
        XCTAssertTrue(cookies.contains(cookie), "\(cookie) in \(cookies)")
      }
      XCTAssertNil(answer.header("X-MFA_TOKEN"))
    }
  }

  func testUnknownBearerTokenGets401() async throws {
    let answer = try await sim.send("GET", "/api/now/table/sys_user", bearer: "made-up")
    XCTAssertEqual(answer.status, 401)
    XCTAssertEqual(answer.json, SimulatorHarness.notAuthenticated)
  }

  func testFrontPageRedirectsLikeAnInstance() async throws {
    let answer = try await sim.send("GET", "/")
    XCTAssertEqual(answer.status, 302)
    XCTAssertEqual(answer.header("Location"), "/navpage.do")
    XCTAssertEqual(answer.header("Server"), "snow_adc")
    let cookies = try XCTUnwrap(answer.header("Set-Cookie"))
    for name in ["JSESSIONID=", "glide_user_route=", "glide_session_store="] {
      XCTAssertTrue(cookies.contains(name), cookies)
    }
    let page = try await sim.send("GET", "/navpage.do")
    XCTAssertEqual(page.status, 200)
    XCTAssertTrue(page.text.contains("ServiceNow"))
  }
}
