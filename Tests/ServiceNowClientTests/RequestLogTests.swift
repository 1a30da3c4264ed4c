import Foundation
import ServiceNowClient
import Vocabulary
import XCTest

/// The request log keeps the exchange readable and every secret out of it.
final class RequestLogTests: XCTestCase {
  func testRenderedLogOfEveryKindOfCallContainsNoSentinel() async throws {
    let transport = ScriptedTransport()
    let log = RequestLog()
    transport.expect("GET", Fixtures.usersPath, respond: Fixtures.notAuthenticated)
    transport.expect("POST", "/oauth_token.do", respond: Fixtures.tokens)
    transport.expect("POST", "/oauth_token.do", respond: Fixtures.accessDenied)
    transport.expect("GET", Fixtures.usersPath, respond: Fixtures.oneUser)
    transport.expect("GET", Fixtures.metaPath, respond: Fixtures.oneTable)
    transport.expect(
      "GET", "/oauth_revoke_token.do", fail: CurlFailure(code: 7, message: "Failed to connect", osErrno: 111))
    let client = Fixtures.client(transport, log: log)

    _ = await client.probe()
    let tokens = try await client.requestToken(
      TokenRequest(
        clientID: "id", clientSecret: Secret("cs-S3CR3T-SENTINEL"),
        grant: .password(username: "admin", password: Fixtures.password))
    ).get()
    _ = await client.requestToken(
      TokenRequest(
        clientID: "id", clientSecret: nil,
        grant: .authorizationCode(
          code: Secret("code-S3CR3T-SENTINEL"), redirectURI: "http://127.0.0.1:9/cb",
          codeVerifier: Secret("verifier-S3CR3T-SENTINEL"))))
    _ = await client.testTableAccess(auth: .bearer(tokens.accessToken))
    _ = await client.revoke(tokens.refreshToken!)
    XCTAssertNoThrow(try transport.verifyAllUsed())

    let rendered = log.render()
    XCTAssertEqual(log.entries.count, 6)
    XCTAssertFalse(rendered.contains("S3CR3T"), rendered)
    XCTAssertFalse(rendered.contains("SENTINEL"), rendered)
    XCTAssertFalse(rendered.contains(Data("admin:pw-S3CR3T-SENTINEL".utf8).base64EncodedString()))
    XCTAssertTrue(rendered.contains("> POST https://dev1.service-now.com/oauth_token.do"), rendered)
    XCTAssertTrue(rendered.contains("grant_type=password&username=admin&password=\(Secret.mask)"), rendered)
    XCTAssertTrue(rendered.contains("< HTTP 401"), rendered)
    XCTAssertTrue(rendered.contains("Authorization: Bearer \(Secret.mask)"), rendered)
    XCTAssertTrue(rendered.contains("JSESSIONID=\(Secret.mask)"), rendered)
    XCTAssertTrue(rendered.contains("! proxy.failed") || rendered.contains("! tcp.refused"), rendered)
  }

  func testSecretQueryParametersAreMaskedButOthersKept() async {
    let url = URL(string: "https://x.example/oauth_revoke_token.do?token=S3CR3T&sysparm_limit=1&code=S3CR3T2")
    let masked = LogRedaction.url(url)
    XCTAssertFalse(masked.contains("S3CR3T"), masked)
    XCTAssertTrue(masked.contains("sysparm_limit=1"), masked)
  }

  func testJSONAnswerKeepsItsShapeWithTokensMasked() async {
    let body = LogRedaction.body(
      Data(#"{"access_token":"S3CR3T","expires_in":1799,"nested":[{"refresh_token":"S3CR3T"}]}"#.utf8))
    XCTAssertEqual(
      body,
      #"{"access_token":"\#(Secret.mask)","expires_in":1799,"nested":[{"refresh_token":"\#(Secret.mask)"}]}"#)
  }

  func testRememberedSecretIsMaskedEvenInAnUnexpectedPlace() async {
    let log = RequestLog()
    log.remember(Secret("S3CR3T-SENTINEL"))
    let request = TransportRequest(
      url: URL(string: "https://x.example/echo")!, headers: ["X-Custom": "S3CR3T-SENTINEL"])
    log.record(
      request, response: HTTPResponse(status: 200, body: Data("you sent S3CR3T-SENTINEL".utf8)), failure: nil,
      elapsed: .milliseconds(12), startedAt: Date())
    let rendered = log.render()
    XCTAssertFalse(rendered.contains("S3CR3T"), rendered)
    XCTAssertTrue(rendered.contains("< HTTP 200 (12 ms)"), rendered)
  }
}
