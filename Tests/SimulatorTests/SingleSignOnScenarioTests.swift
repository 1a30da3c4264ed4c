import Foundation
import Simulator
import XCTest

/// The `sso` and `sso-oidc` scenarios: the login pages redirect to a fake identity provider,
/// everything else (the Table API, the token endpoint) stays the instance's.
final class SingleSignOnScenarioTests: XCTestCase {
  private func with(_ scenario: Scenario, _ body: (SimulatorHarness) async throws -> Void) async throws {
    let sim = try SimulatorHarness(scenarios: [scenario])
    defer { sim.stop() }
    try await body(sim)
  }

  private func location(_ sim: SimulatorHarness, _ path: String) throws -> URLComponents {
    let answer = try SimulatorHarness.rawExchange(
      port: sim.server.port, method: "GET", path: path, headers: [], body: nil)
    XCTAssertEqual(answer.status, 302, path)
    XCTAssertNotNil(answer.header("X-Transaction-ID"), "the node answers, \(path)")
    return try XCTUnwrap(URLComponents(string: answer.header("Location") ?? ""), path)
  }

  func testTheLoginPagesRedirectToASAMLProvider() async throws {
    try await with(.sso) { sim in
      for path in ["/", "/login.do", "/navpage.do"] {
        let components = try location(sim, path)
        XCTAssertEqual(components.host, "idp.example.test", path)
        XCTAssertEqual(components.scheme, "https", path)
        let request = try XCTUnwrap(components.queryItems?.first { $0.name == "SAMLRequest" }?.value, path)
        XCTAssertNotNil(Data(base64Encoded: request), "base64, \(path)")
        XCTAssertNil(components.queryItems?.first { $0.name == "client_id" })
      }
    }
  }

  func testTheLoginPagesRedirectToAnOIDCProvider() async throws {
    try await with(.ssoOIDC) { sim in
      for path in ["/", "/login.do", "/navpage.do"] {
        let components = try location(sim, path)
        XCTAssertEqual(components.host, "idp.example.test", path)
        XCTAssertNotNil(components.queryItems?.first { $0.name == "client_id" }?.value, path)
        XCTAssertEqual(components.queryItems?.first { $0.name == "response_type" }?.value, "code")
      }
    }
  }

  func testTheAPIAndTheTokenEndpointStayTheInstances() async throws {
    try await with(.sso) { sim in
      let users = try await sim.send("GET", "/api/now/table/sys_user", basic: ("admin", "admin"))
      XCTAssertEqual(users.status, 200, "a local integration user still signs in")
      let token = try await sim.passwordGrant()
      XCTAssertEqual(token.status, 200)
    }
  }
}
