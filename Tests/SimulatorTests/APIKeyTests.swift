import Foundation
import Simulator
import Testing

/// API key sign-in on the simulator's Table API, and the 401 envelope for every bad key.
@Suite struct APIKeyTests {
  static let key = "S3NT1NEL-api-key-good"

  private func harness(scenarios: Set<Scenario> = []) throws -> SimulatorHarness {
    var configuration = SimulatorConfiguration.demo
    configuration.scenarios = scenarios
    configuration.apiKeys = [
      SimulatedAPIKey(key: Self.key, userName: "abel.tuter", expiresAt: Date().addingTimeInterval(86_400)),
      SimulatedAPIKey(
        key: "S3NT1NEL-api-key-expired", userName: "abel.tuter", expiresAt: Date().addingTimeInterval(-60)),
      SimulatedAPIKey(key: "S3NT1NEL-api-key-inactive", userName: "abel.tuter", active: false),
      SimulatedAPIKey(key: "S3NT1NEL-api-key-ghost", userName: "no.such.user"),
    ]
    return try SimulatorHarness(configuration)
  }

  private func expectNotAuthenticated(_ answer: Answer, _ comment: Comment? = nil) {
    #expect(answer.status == 401, comment)
    let error = answer.json?["error"] as? NSDictionary
    #expect(error?["message"] as? String == "User Not Authenticated", comment)
    #expect(error?["detail"] as? String == "Required to provide Auth information", comment)
    #expect(answer.json?["status"] as? String == "failure", comment)
    #expect(!answer.text.contains("S3NT1NEL"), "the answer repeats the key")
  }

  @Test func aGoodKeyInTheHeaderReadsTheTable() async throws {
    let sim = try harness()
    defer { sim.stop() }
    let answer = try await sim.send(
      "GET", "/api/now/table/sys_user?sysparm_query=user_name=abel.tuter", headers: ["x-sn-apikey": Self.key])
    #expect(answer.status == 200)
    #expect(answer.results.first?["user_name"] as? String == "abel.tuter")
    #expect(answer.header("x-is-logged-in") == "true")
  }

  @Test func aGoodKeyInTheQueryReadsTheTable() async throws {
    let sim = try harness()
    defer { sim.stop() }
    let answer = try await sim.send("GET", "/api/now/table/sys_user?sysparm_limit=1&x-sn-apikey=\(Self.key)")
    #expect(answer.status == 200)
    #expect(answer.results.count == 1)
  }

  @Test func wrongExpiredInactiveAndOrphanKeysGetThe401Envelope() async throws {
    let sim = try harness()
    defer { sim.stop() }
    for key in [
      "S3NT1NEL-api-key-wrong", "S3NT1NEL-api-key-expired", "S3NT1NEL-api-key-inactive",
      "S3NT1NEL-api-key-ghost", " ", String(repeating: "k", count: 2000),
    ] {
      let answer = try await sim.send("GET", "/api/now/table/sys_user", headers: ["x-sn-apikey": key])
      expectNotAuthenticated(answer, "\(key.prefix(30))")
    }
  }

  @Test func aRightKeyWithoutAnAccessPolicyGetsThe401Envelope() async throws {
    let sim = try harness(scenarios: [.apiKeyNoPolicy])
    defer { sim.stop() }
    let answer = try await sim.send("GET", "/api/now/table/sys_user", headers: ["x-sn-apikey": Self.key])
    expectNotAuthenticated(answer)
    let basic = try await sim.send(
      "GET", "/api/now/table/sys_user?sysparm_limit=1", basic: ("admin", "admin"))
    #expect(basic.status == 200, "the scenario must refuse API keys only")
  }

  @Test func apiKeysInAScenarioFileTakeAnISODate() throws {
    let json = """
      {"apiKeys": [{"key": "k1", "userName": "admin", "expiresAt": "2030-01-31T00:00:00Z"}, {"key": "k2", "userName": "admin"}]}
      """
    let configuration = try JSONDecoder().decode(SimulatorConfiguration.self, from: Data(json.utf8))
    #expect(configuration.apiKeys.count == 2)
    #expect(configuration.apiKeys[0].expiresAt == Date(timeIntervalSince1970: 1_896_048_000))
    #expect(configuration.apiKeys[1].expiresAt == nil && configuration.apiKeys[1].active)
    let bad = #"{"apiKeys": [{"key": "k1", "userName": "admin", "expiresAt": "tomorrow"}]}"#
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(SimulatorConfiguration.self, from: Data(bad.utf8))
    }
  }
}
