import Foundation
import XCTest

@testable import Simulator

final class ConfigurationTests: XCTestCase {
  func testDemoHasTheDocumentedCredentials() async {
    let demo = SimulatorConfiguration.demo
    XCTAssertEqual(demo.users.first?.userName, "admin")
    XCTAssertEqual(demo.users.first?.password, "admin")
    let client = demo.oauthClients.first
    XCTAssertEqual(client?.id, "snowgate-demo")
    XCTAssertEqual(client?.secret, "demo-secret")
    XCTAssertEqual(client?.redirectURLs, ["http://127.0.0.1:8484/callback"])
    XCTAssertEqual(client?.accessTokenLifespan, 1800)
    XCTAssertEqual(client?.refreshTokenLifespan, 8_640_000)
    XCTAssertTrue(demo.scenarios.isEmpty)
  }

  func testEveryScenarioLoadsByName() async throws {
    for scenario in Scenario.allCases {
      let configuration = try SimulatorConfiguration.load(scenario: scenario.rawValue)
      XCTAssertEqual(configuration.scenarios, [scenario], scenario.rawValue)
      XCTAssertEqual(configuration.users, SimulatorConfiguration.demo.users)
    }
  }

  func testScenarioNamesCanBeCombinedWithCommas() async throws {
    let configuration = try SimulatorConfiguration.load(scenario: "slow,rate-limited")
    XCTAssertEqual(configuration.scenarios, [.slow, .rateLimited])
  }

  func testUnknownNameExplainsTheChoices() async {
    XCTAssertThrowsError(try SimulatorConfiguration.load(scenario: "sleepy")) { error in
      let text = error.localizedDescription
      XCTAssertTrue(text.contains("'sleepy'"), text)
      XCTAssertTrue(text.contains("hibernating"), text)
      XCTAssertTrue(text.contains("JSON"), text)
    }
  }

  func testMissingFileSaysSo() async {
    XCTAssertThrowsError(try SimulatorConfiguration.load(scenario: "/nonexistent/sim.json")) { error in
      XCTAssertEqual(
        error as? SimulatorConfigurationError,
        .unreadableFile(path: "/nonexistent/sim.json", reason: "no such file"))
    }
  }

  func testFileSetsUsersClientsAndScenariosWithDemoDefaultsForTheRest() async throws {
    let file = try temporaryFile(
      """
      {"users": [{"userName": "ops", "password": "SENTINEL-S3CR3T"}],
       "oauthClients": [{"id": "ci", "secret": "S3CR3T-ci", "redirectURLs": ["http://127.0.0.1:9/cb"],
                         "accessTokenLifespan": 60, "refreshTokenLifespan": 120}],
       "scenarios": ["slow", "mfa-required"], "slowDelay": 0.5}
      """)
    let configuration = try SimulatorConfiguration.load(scenario: file)
    XCTAssertEqual(configuration.users.map(\.userName), ["ops"])
    XCTAssertEqual(configuration.users.first?.sysID.count, 32)
    XCTAssertEqual(configuration.oauthClients.first?.accessTokenLifespan, 60)
    XCTAssertEqual(configuration.oauthClients.first?.refreshTokenLifespan, 120)
    XCTAssertEqual(configuration.oauthClients.first?.publicClient, false)
    XCTAssertEqual(configuration.scenarios, [.slow, .mfaRequired])
    XCTAssertEqual(configuration.slowDelay, 0.5)
    XCTAssertEqual(configuration.maxHeaderBytes, 64 * 1024)
  }

  func testFileWithAnUnknownScenarioIsRefusedWithoutEchoingSecrets() async throws {
    let file = try temporaryFile(
      #"{"users": [{"userName": "ops", "password": "SENTINEL-S3CR3T"}], "scenarios": ["sleepy"]}"#)
    XCTAssertThrowsError(try SimulatorConfiguration.load(scenario: file)) { error in
      let text = error.localizedDescription
      XCTAssertTrue(text.contains("scenarios"), text)
      XCTAssertTrue(text.contains("not a valid simulator configuration"), text)
      XCTAssertFalse(text.contains("S3CR3T"), text)
    }
  }

  func testFileThatIsNotJSONIsRefused() async throws {
    let file = try temporaryFile("users: admin")
    XCTAssertThrowsError(try SimulatorConfiguration.load(scenario: file)) { error in
      XCTAssertTrue(error.localizedDescription.contains("not valid JSON"), error.localizedDescription)
    }
  }

  func testConfigurationRoundTripsThroughJSON() async throws {
    var configuration = SimulatorConfiguration.demo
    configuration.scenarios = [.drip, .aclSysUser]
    let data = try JSONEncoder().encode(configuration)
    XCTAssertEqual(try JSONDecoder().decode(SimulatorConfiguration.self, from: data), configuration)
  }

  private func temporaryFile(_ text: String) throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("sim-\(UUID().uuidString).json")
    try Data(text.utf8).write(to: url)
    addTeardownBlock { try? FileManager.default.removeItem(at: url) }
    return url.path
  }
}
