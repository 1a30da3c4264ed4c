import Foundation
import Simulator
import XCTest

/// The tables an admin sets up (issue 14): admin-only reads and writes, a scenario per
/// misconfiguration, and writes that later reads and sign-ins see.
final class InstanceSetupTablesTests: XCTestCase {
  let admin = ("admin", "admin")
  let abel = ("abel.tuter", "Abel-Tuter-1")
  static let tables = [
    "oauth_entity", "sys_properties", "sys_plugins", "v_plugin", "sys_user_group", "sys_group_has_role",
    "sys_user_grmember", "sys_rest_message", "sys_rest_message_fn", "awa_agent_presence",
    "awa_agent_presence_capacity",
  ]

  private func with(_ scenarios: Set<Scenario> = [], _ body: (SimulatorHarness) async throws -> Void)
    async throws
  {
    let sim = try SimulatorHarness(scenarios: scenarios)
    defer { sim.stop() }
    try await body(sim)
  }

  private func json(_ object: [String: Any]) -> Data {
    try! JSONSerialization.data(withJSONObject: object)
  }

  private func post(
    _ sim: SimulatorHarness, _ table: String, _ object: [String: Any], as user: (String, String)
  )
    async throws -> Answer
  {
    try await sim.send(
      "POST", "/api/now/table/\(table)", basic: user, headers: ["Content-Type": "application/json"],
      body: json(object))
  }

  private func rows(_ sim: SimulatorHarness, _ path: String) async throws -> [[String: Any]] {
    let answer = try await sim.send("GET", path, basic: admin)
    XCTAssertEqual(answer.status, 200, path)
    return answer.results
  }

  func testAnAdminReadsEveryTable() async throws {
    try await with { sim in
      for table in Self.tables {
        let found = try await rows(sim, "/api/now/table/\(table)")
        XCTAssertFalse(found.isEmpty, table)
      }
    }
  }

  func testANonAdminGetsTheRealRefusalsAndWritesNothing() async throws {
    try await with { sim in
      for table in Self.tables {
        let read = try await sim.send("GET", "/api/now/table/\(table)", basic: abel)
        XCTAssertEqual(read.status, 403, table)
        XCTAssertEqual(read.json, SimulatorHarness.aclDenied, table)
      }
      let write = try await post(sim, "sys_properties", ["name": "x.y", "value": "true"], as: abel)
      XCTAssertEqual(write.status, 403)
      XCTAssertEqual(
        write.json,
        [
          "error": [
            "message": "Operation Failed",
            "detail": "ACL Exception Insert Failed due to security constraints",
          ],
          "status": "failure",
        ])
      let properties = try await rows(sim, "/api/now/table/sys_properties?sysparm_query=name=x.y")
      XCTAssertTrue(properties.isEmpty, "nothing written")
      // A bearer token acts as its user: abel's token is refused too.
      let token = try await sim.passwordGrant(user: "abel.tuter", password: "Abel-Tuter-1")
      let bearer = try await sim.send(
        "GET", "/api/now/table/oauth_entity", bearer: try XCTUnwrap(token.json?["access_token"] as? String))
      XCTAssertEqual(bearer.status, 403)
    }
  }

  func testReferencesRenderAsLinkAndValueOrTheirDisplayValue() async throws {
    try await with { sim in
      let plain = try await rows(sim, "/api/now/table/sys_group_has_role?sysparm_fields=role")
      let reference = try XCTUnwrap(plain.first?["role"] as? [String: Any])
      let value = try XCTUnwrap(reference["value"] as? String)
      XCTAssertEqual(
        reference["link"] as? String,
        "http://127.0.0.1:\(sim.server.port)/api/now/table/sys_user_role/\(value)")
      let shown = try await rows(
        sim, "/api/now/table/sys_group_has_role?sysparm_display_value=true&sysparm_fields=role")
      XCTAssertEqual(Set(shown.compactMap { $0["role"] as? String }), ["awa_agent", "agent_workspace_user"])
      let presence = try await rows(
        sim, "/api/now/table/awa_agent_presence_capacity?sysparm_display_value=true")
      XCTAssertEqual(presence.first?["ap_agent"] as? String, "beth.anglin")
      XCTAssertEqual(presence.first?["aca_available"] as? String, "true")
      let state = try await rows(sim, "/api/now/table/awa_agent_presence?sysparm_display_value=true")
      XCTAssertEqual(state.first?["current_presence_state"] as? String, "Available")
    }
  }

  func testEachMisconfigurationScenarioBreaksItsOneThing() async throws {
    try await with([.inactiveClient]) { sim in
      let record = try await rows(sim, "/api/now/table/oauth_entity?sysparm_query=client_id=snowgate-demo")
      XCTAssertEqual(record.first?["active"] as? String, "false")
      let grant = try await sim.passwordGrant()
      XCTAssertEqual(grant.status, 401)
      XCTAssertEqual(grant.json, SimulatorHarness.accessDenied)
    }
    try await with([.wrongRedirect]) { sim in
      let record = try await rows(sim, "/api/now/table/oauth_entity?sysparm_query=client_id=snowgate-demo")
      XCTAssertEqual(
        record.first?["redirect_url"] as? String, "https://elsewhere.example.test/oauth/callback")
      sim.server.update { $0.autoApprove = true }
      let authorize = try await sim.send(
        "GET",
        "/oauth_auth.do?response_type=code&client_id=snowgate-demo&state=s1&redirect_uri=http%3A%2F%2F127.0.0.1%3A8484%2Fcallback"
      )
      XCTAssertEqual(authorize.status, 302)
      XCTAssertTrue(
        authorize.header("Location")?.hasPrefix("https://elsewhere.example.test/oauth/callback?code=")
          == true,
        authorize.header("Location") ?? "")
    }
    try await with([.ccDisabled]) { sim in
      let property = try await rows(
        sim,
        "/api/now/table/sys_properties?sysparm_query=name=glide.oauth.inbound.client.credential.grant_type.enabled"
      )
      XCTAssertTrue(property.isEmpty, "the property does not exist until an admin creates it")
    }
    try await with([.ccNotConfigured]) { sim in
      let record = try await rows(sim, "/api/now/table/oauth_entity?sysparm_query=client_id=snowgate-demo")
      XCTAssertEqual(record.first?["user"] as? String, "")
    }
    try await with([.missingPlugin]) { sim in
      let plugins = try await rows(sim, "/api/now/table/sys_plugins?sysparm_query=source=com.glide.awa")
      XCTAssertTrue(plugins.isEmpty)
      let view = try await rows(sim, "/api/now/table/v_plugin?sysparm_query=id=com.glide.awa")
      XCTAssertTrue(view.isEmpty)
      let others = try await rows(sim, "/api/now/table/sys_plugins")
      XCTAssertEqual(others.count, 4)
    }
    try await with([.missingRole]) { sim in
      let roles = try await rows(sim, "/api/now/table/sys_group_has_role?sysparm_display_value=true")
      XCTAssertEqual(roles.compactMap { $0["role"] as? String }, ["awa_agent"])
    }
    try await with([.emptyGroup]) { sim in
      let members = try await rows(sim, "/api/now/table/sys_user_grmember")
      XCTAssertTrue(members.isEmpty)
    }
    try await with([.webhookElsewhere]) { sim in
      let message = try await rows(sim, "/api/now/table/sys_rest_message?sysparm_query=name=VABot%20to%20Bot")
      XCTAssertEqual(
        message.first?["rest_endpoint"] as? String, "https://old-bot.example.test/chatbot/hooks/st-retired")
      let method = try await rows(
        sim, "/api/now/table/sys_rest_message_fn?sysparm_query=function_name=postMessage")
      XCTAssertEqual(
        method.first?["rest_endpoint"] as? String, "https://old-bot.example.test/chatbot/hooks/st-retired")
    }
  }

  func testCreatingThePropertyLetsClientCredentialsSignIn() async throws {
    try await with([.ccDisabled]) { sim in
      let form = [
        ("grant_type", "client_credentials"), ("client_id", "snowgate-demo"),
        ("client_secret", "demo-secret"),
      ]
      let before = try await sim.send("POST", "/oauth_token.do", form: form)
      XCTAssertEqual(before.status, 401)
      let created = try await post(
        sim, "sys_properties",
        [
          "name": "glide.oauth.inbound.client.credential.grant_type.enabled", "value": true,
          "type": "true|false",
        ],
        as: admin)
      XCTAssertEqual(created.status, 201, created.text)
      XCTAssertEqual((created.json?["result"] as? [String: Any])?["value"] as? String, "true")
      XCTAssertNotNil(created.header("Location"))
      let after = try await sim.send("POST", "/oauth_token.do", form: form)
      XCTAssertEqual(after.status, 200, after.text)
    }
  }

  func testPatchingTheRESTMessageAndAddingARoleAndAMemberAreSeenByLaterReads() async throws {
    try await with([.webhookElsewhere, .missingRole, .emptyGroup]) { sim in
      let messages = try await rows(sim, "/api/now/table/sys_rest_message")
      let message = try XCTUnwrap(messages.first)
      let id = try XCTUnwrap(message["sys_id"] as? String)
      let patched = try await sim.send(
        "PATCH", "/api/now/table/sys_rest_message/\(id)", basic: admin,
        headers: ["Content-Type": "application/json"],
        body: json(["endpoint": "https://bots.example.test/new"]))
      XCTAssertEqual(patched.status, 200, patched.text)
      let single = try await sim.send("GET", "/api/now/table/sys_rest_message/\(id)", basic: admin)
      XCTAssertEqual(
        (single.json?["result"] as? [String: Any])?["rest_endpoint"] as? String,
        "https://bots.example.test/new")

      let groups = try await rows(sim, "/api/now/table/sys_user_group")
      let group = try XCTUnwrap(groups.first?["sys_id"] as? String)
      let role = try await post(
        sim, "sys_group_has_role", ["group": group, "role": "agent_workspace_user"], as: admin)
      XCTAssertEqual(role.status, 201, role.text)
      let member = try await post(
        sim, "sys_user_grmember", ["group": "Consumer Service Support", "user": "abel.tuter"], as: admin)
      XCTAssertEqual(member.status, 201, member.text)
      let roles = try await rows(sim, "/api/now/table/sys_group_has_role?sysparm_display_value=true")
      XCTAssertEqual(Set(roles.compactMap { $0["role"] as? String }), ["awa_agent", "agent_workspace_user"])
      let members = try await rows(sim, "/api/now/table/sys_user_grmember?sysparm_display_value=true")
      XCTAssertEqual(members.compactMap { $0["user"] as? String }, ["abel.tuter"])
      XCTAssertEqual(members.first?["group"] as? String, "Consumer Service Support")
    }
  }

  func testWritesAreBoundedAndMustBeJSONObjects() async throws {
    try await with { sim in
      for body in [Data("not json".utf8), Data("[1,2]".utf8), Data(#"{"name":{"nested":1}}"#.utf8)] {
        let answer = try await sim.send(
          "POST", "/api/now/table/sys_properties", basic: admin,
          headers: ["Content-Type": "application/json"],
          body: body)
        XCTAssertEqual(answer.status, 400, String(decoding: body, as: UTF8.self))
        XCTAssertEqual(answer.json?["status"] as? String, "failure")
      }
      let huge = try await post(
        sim, "sys_properties", ["name": String(repeating: "x", count: 70_000)], as: admin)
      XCTAssertEqual(huge.status, 400)
      let view = try await post(sim, "v_plugin", ["id": "x"], as: admin)
      XCTAssertEqual(view.status, 403, "a view is not writable")
      let missing = try await sim.send(
        "PATCH", "/api/now/table/sys_properties/0123456789abcdef0123456789abcdef", basic: admin,
        headers: ["Content-Type": "application/json"], body: json(["value": "x"]))
      XCTAssertEqual(missing.status, 404)
    }
  }

  func testAClientCreatedThroughTheTableAPISignsInWithThePasswordGrantAndTheBrowserFlow() async throws {
    try await with { sim in
      let created = try await post(
        sim, "oauth_entity",
        [
          "name": "snowgate (created)", "client_id": "created-client", "client_secret": "S3CR3T-created",
          "redirect_url": "http://127.0.0.1:9999/callback", "access_token_lifespan": 900,
          "refresh_token_lifespan": 86400, "active": true,
        ], as: admin)
      XCTAssertEqual(created.status, 201, created.text)
      let record = try XCTUnwrap(created.json?["result"] as? [String: Any])
      XCTAssertEqual(record["client_id"] as? String, "created-client")
      XCTAssertFalse(created.text.contains("S3CR3T-created"), "the secret reads back encrypted")
      let listed = try await rows(sim, "/api/now/table/oauth_entity?sysparm_query=client_id=created-client")
      XCTAssertEqual(listed.count, 1)

      let password = try await sim.passwordGrant(client: "created-client", secret: "S3CR3T-created")
      XCTAssertEqual(password.status, 200, password.text)
      XCTAssertEqual(password.json?["expires_in"] as? Int, 899)

      sim.server.update { $0.autoApprove = true }
      let authorize = try await sim.send(
        "GET",
        "/oauth_auth.do?response_type=code&client_id=created-client&state=st&redirect_uri=http%3A%2F%2F127.0.0.1%3A9999%2Fcallback"
      )
      XCTAssertEqual(authorize.status, 302)
      let location = try XCTUnwrap(URLComponents(string: authorize.header("Location") ?? ""))
      XCTAssertEqual(location.port, 9999)
      let code = try XCTUnwrap(location.queryItems?.first { $0.name == "code" }?.value)
      let exchanged = try await sim.send(
        "POST", "/oauth_token.do",
        form: [
          ("grant_type", "authorization_code"), ("code", code),
          ("redirect_uri", "http://127.0.0.1:9999/callback"),
          ("client_id", "created-client"), ("client_secret", "S3CR3T-created"),
        ])
      XCTAssertEqual(exchanged.status, 200, exchanged.text)
      let token = try XCTUnwrap(exchanged.json?["access_token"] as? String)
      let users = try await sim.send("GET", "/api/now/table/sys_user", bearer: token)
      XCTAssertEqual(users.status, 200)

      // Switched off by a PATCH, it signs in no more.
      let id = try XCTUnwrap(record["sys_id"] as? String)
      let off = try await sim.send(
        "PATCH", "/api/now/table/oauth_entity/\(id)", basic: admin,
        headers: ["Content-Type": "application/json"],
        body: json(["active": false]))
      XCTAssertEqual(off.status, 200, off.text)
      let refused = try await sim.passwordGrant(client: "created-client", secret: "S3CR3T-created")
      XCTAssertEqual(refused.status, 401)
    }
  }

  func testAClientCreatedForClientCredentialsNeedsItsApplicationUser() async throws {
    try await with { sim in
      let created = try await post(
        sim, "oauth_entity", ["name": "cc", "client_id": "cc-client", "client_secret": "cc-secret"], as: admin
      )
      XCTAssertEqual(created.status, 201, created.text)
      let form = [
        ("grant_type", "client_credentials"), ("client_id", "cc-client"), ("client_secret", "cc-secret"),
      ]
      let without = try await sim.send("POST", "/oauth_token.do", form: form)
      XCTAssertEqual(without.status, 400, "no OAuth Application User: unauthorized_client")
      let id = try XCTUnwrap((created.json?["result"] as? [String: Any])?["sys_id"] as? String)
      let patched = try await sim.send(
        "PATCH", "/api/now/table/oauth_entity/\(id)?sysparm_display_value=true", basic: admin,
        headers: ["Content-Type": "application/json"], body: json(["user": "admin"]))
      XCTAssertEqual((patched.json?["result"] as? [String: Any])?["user"] as? String, "admin")
      let with = try await sim.send("POST", "/oauth_token.do", form: form)
      XCTAssertEqual(with.status, 200, with.text)
    }
  }

  func testQueriesWalkOneReferenceAndDeleteRemovesARecord() async throws {
    try await with { sim in
      let walked = try await rows(
        sim, "/api/now/table/sys_user_grmember?sysparm_query=group.name=Consumer%20Service%20Support")
      XCTAssertEqual(walked.count, 1)
      let none = try await rows(sim, "/api/now/table/sys_user_grmember?sysparm_query=group.name=Nobody")
      XCTAssertTrue(none.isEmpty)
      let unknown = try await sim.send(
        "GET", "/api/now/table/sys_user_grmember?sysparm_query=group.nothing=x", basic: admin)
      XCTAssertEqual(unknown.status, 403, "an unknown field is refused, as before")
      let id = try XCTUnwrap(walked.first?["sys_id"] as? String)
      let deleted = try await sim.send("DELETE", "/api/now/table/sys_user_grmember/\(id)", basic: admin)
      XCTAssertEqual(deleted.status, 204)
      let after = try await rows(sim, "/api/now/table/sys_user_grmember")
      XCTAssertTrue(after.isEmpty)
      let again = try await sim.send("DELETE", "/api/now/table/sys_user_grmember/\(id)", basic: admin)
      XCTAssertEqual(again.status, 404)
    }
  }

  func testAllWritesTogetherAreBoundedSoMemoryStaysBounded() async throws {
    try await with { sim in
      var refusedAt: Int?
      let fields = Dictionary(
        uniqueKeysWithValues: (0..<15).map { ("u_field_\($0)", String(repeating: "v", count: 3_900)) })
      for attempt in 1...400 {
        let answer = try await post(
          sim, "sys_properties", fields.merging(["name": "p\(attempt)"]) { $1 }, as: admin)
        if answer.status == 400 {
          XCTAssertEqual((answer.json?["error"] as? [String: Any])?["message"] as? String, "Insert Failed")
          refusedAt = attempt
          break
        }
        XCTAssertEqual(answer.status, 201)
      }
      let at = try XCTUnwrap(refusedAt, "8 MiB of writes must be refused")
      XCTAssertLessThan(at, 200)
      let properties = try await rows(sim, "/api/now/table/sys_properties?sysparm_fields=name")
      XCTAssertEqual(properties.count, at - 1 + 2, "the writes before the limit stay, with the two seeds")
    }
  }

  func testPUTReplacesARecordAndACreatedUserSignsIn() async throws {
    try await with { sim in
      let methods = try await rows(sim, "/api/now/table/sys_rest_message_fn")
      let id = try XCTUnwrap(methods.first?["sys_id"] as? String)
      let put = try await sim.send(
        "PUT", "/api/now/table/sys_rest_message_fn/\(id)", basic: admin,
        headers: ["Content-Type": "application/json"],
        body: json(["name": "postMessage", "http_method": "post"]))
      XCTAssertEqual(put.status, 200, put.text)
      let replaced = try XCTUnwrap(put.json?["result"] as? [String: Any])
      XCTAssertEqual(
        replaced["function_name"] as? String, "postMessage", "name is accepted for function_name")
      XCTAssertEqual(replaced["rest_endpoint"] as? String, "", "PUT replaces: a field not given is emptied")

      let created = try await post(
        sim, "sys_user",
        ["user_name": "svc.snowgate", "user_password": "S3CR3T-svc", "first_name": "Service"],
        as: admin)
      XCTAssertEqual(created.status, 201, created.text)
      XCTAssertFalse(created.text.contains("S3CR3T-svc"), "the password is never read back")
      let signedIn = try await sim.send(
        "GET", "/api/now/table/sys_user?sysparm_limit=1", basic: ("svc.snowgate", "S3CR3T-svc"))
      XCTAssertEqual(signedIn.status, 200)
      let nameless = try await post(sim, "sys_user", ["first_name": "x"], as: admin)
      XCTAssertEqual(nameless.status, 403)
    }
  }
}
