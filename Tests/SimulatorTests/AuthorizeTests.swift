import Foundation
import Simulator
import XCTest

final class AuthorizeTests: XCTestCase {
  var sim: SimulatorHarness!
  let callback = "http://127.0.0.1:8484/callback"

  override func setUp() async throws { sim = try SimulatorHarness() }
  override func tearDown() async throws { sim.stop() }

  private func query(_ pairs: [(String, String)]) -> String { SimulatorHarness.formEncode(pairs) }

  private func parameters(_ location: String?) throws -> [String: String] {
    let components = try XCTUnwrap(URLComponents(string: try XCTUnwrap(location)))
    var result: [String: String] = [:]
    for item in components.queryItems ?? [] { result[item.name] = item.value }
    return result
  }

  private var standard: [(String, String)] {
    [
      ("response_type", "code"), ("client_id", "snowgate-demo"), ("redirect_uri", callback),
      ("scope", "useraccount"), ("state", "st-42"),
    ]
  }

  func testConsentPageOffersAllowAndDeny() async throws {
    let answer = try await sim.send("GET", "/oauth_auth.do?" + query(standard))
    XCTAssertEqual(answer.status, 200)
    XCTAssertTrue(answer.header("Content-Type")?.hasPrefix("text/html") == true)
    XCTAssertTrue(answer.text.contains("value=\"allow\""))
    XCTAssertTrue(answer.text.contains("value=\"deny\""))
    XCTAssertTrue(answer.text.contains(">Allow<"))
    XCTAssertTrue(answer.text.contains(">Deny<"))
    XCTAssertEqual(answer.header("Server"), "snow_adc")
  }

  func testAllowRedirectsWithACodeThatBuysTokens() async throws {
    let allow = try await sim.send("POST", "/oauth_auth.do", form: standard + [("action", "allow")])
    XCTAssertEqual(allow.status, 302)
    let location = try XCTUnwrap(allow.header("Location"))
    XCTAssertTrue(location.hasPrefix(callback + "?"), location)
    let redirected = try parameters(location)
    XCTAssertEqual(redirected["state"], "st-42")
    let code = try XCTUnwrap(redirected["code"])

    let token = try await sim.send(
      "POST", "/oauth_token.do",
      form: [
        ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", callback),
        ("client_id", "snowgate-demo"), ("client_secret", "demo-secret"),
      ])
    XCTAssertEqual(token.status, 200)
    XCTAssertNotNil(token.json?["refresh_token"] as? String)
    XCTAssertEqual(token.json?["expires_in"] as? Int, 1799)

    let again = try await sim.send(
      "POST", "/oauth_token.do",
      form: [
        ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", callback),
        ("client_id", "snowgate-demo"), ("client_secret", "demo-secret"),
      ])
    XCTAssertEqual(again.status, 401, "a code works once")
    XCTAssertEqual(again.json, SimulatorHarness.accessDenied)
  }

  func testDenyRedirectsWithAccessDeniedAndTheState() async throws {
    let deny = try await sim.send("POST", "/oauth_auth.do", form: standard + [("action", "deny")])
    XCTAssertEqual(deny.status, 302)
    let redirected = try parameters(deny.header("Location"))
    XCTAssertEqual(redirected["error"], "access_denied")
    XCTAssertEqual(redirected["state"], "st-42")
    XCTAssertNil(redirected["code"])
  }

  func testMissingStateIsRefused() async throws {
    let answer = try await sim.send(
      "GET",
      "/oauth_auth.do?"
        + query([("response_type", "code"), ("client_id", "snowgate-demo"), ("redirect_uri", callback)]))
    XCTAssertEqual(answer.status, 400)
    XCTAssertTrue(answer.text.contains("Missing State parameter in request"))
  }

  func testUnknownClientIsRefused() async throws {
    let answer = try await sim.send(
      "GET", "/oauth_auth.do?" + query([("response_type", "code"), ("client_id", "nobody"), ("state", "s")]))
    XCTAssertEqual(answer.status, 400)
    XCTAssertTrue(answer.text.contains("client_id"))
  }

  func testUnregisteredRedirectFallsBackToTheFirstRegisteredOne() async throws {
    var pairs = standard
    pairs[2] = ("redirect_uri", "http://127.0.0.1:9999/elsewhere")
    let allow = try await sim.send("POST", "/oauth_auth.do", form: pairs + [("action", "allow")])
    XCTAssertEqual(allow.status, 302)
    XCTAssertTrue(try XCTUnwrap(allow.header("Location")).hasPrefix(callback + "?"))
  }

  func testAutoApproveRedirectsAtOnce() async throws {
    var configuration = SimulatorConfiguration.demo
    configuration.autoApprove = true
    let auto = try SimulatorHarness(configuration)
    defer { auto.stop() }
    let answer = try await auto.send("GET", "/oauth_auth.do?" + query(standard))
    XCTAssertEqual(answer.status, 302)
    let redirected = try parameters(answer.header("Location"))
    XCTAssertNotNil(redirected["code"])
    XCTAssertEqual(redirected["state"], "st-42")
  }

  func testPublicClientExchangesItsCodeWithAPKCEVerifier() async throws {
    let verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
    let challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
    let pairs: [(String, String)] = [
      ("response_type", "code"), ("client_id", "snowgate-public"), ("redirect_uri", callback),
      ("state", "p1"),
      ("code_challenge", challenge), ("code_challenge_method", "S256"), ("action", "allow"),
    ]
    func code() async throws -> String {
      let allow = try await sim.send("POST", "/oauth_auth.do", form: pairs)
      return try XCTUnwrap(try parameters(allow.header("Location"))["code"])
    }
    let wrong = try await sim.send(
      "POST", "/oauth_token.do",
      form: [
        ("grant_type", "authorization_code"), ("code", try await code()), ("redirect_uri", callback),
        ("client_id", "snowgate-public"), ("code_verifier", "not-the-verifier-not-the-verifier-not-the-v"),
      ])
    XCTAssertEqual(wrong.status, 401)
    XCTAssertEqual(wrong.json, SimulatorHarness.accessDenied)

    let missing = try await sim.send(
      "POST", "/oauth_token.do",
      form: [
        ("grant_type", "authorization_code"), ("code", try await code()), ("redirect_uri", callback),
        ("client_id", "snowgate-public"),
      ])
    XCTAssertEqual(missing.status, 401)

    let right = try await sim.send(
      "POST", "/oauth_token.do",
      form: [
        ("grant_type", "authorization_code"), ("code", try await code()), ("redirect_uri", callback),
        ("client_id", "snowgate-public"), ("code_verifier", verifier),
      ])
    XCTAssertEqual(right.status, 200)
    XCTAssertNotNil(right.json?["access_token"] as? String)
  }

  func testPublicClientWithoutChallengeIsRefused() async throws {
    let answer = try await sim.send(
      "GET",
      "/oauth_auth.do?"
        + query([("response_type", "code"), ("client_id", "snowgate-public"), ("state", "s")]))
    XCTAssertEqual(answer.status, 400)
    XCTAssertTrue(answer.text.contains("PKCE"))
  }
}
