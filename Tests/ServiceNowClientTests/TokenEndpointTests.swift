import Foundation
import ServiceNowClient
import Vocabulary
import XCTest

/// Token requests and how the token endpoint's refusals are classified.
final class TokenEndpointTests: XCTestCase {
  private let password = TokenRequest(
    clientID: "id", clientSecret: Secret("cs-S3CR3T-SENTINEL"),
    grant: .password(username: "admin", password: Fixtures.password))
  private let refresh = TokenRequest(
    clientID: "id", clientSecret: Secret("cs-S3CR3T-SENTINEL"), grant: .refreshToken(Secret("rt-S3CR3T-old")))

  private func result(_ request: TokenRequest, _ response: HTTPResponse) async -> Result<
    TokenSet, ServiceNowFailure
  > {
    let transport = ScriptedTransport()
    transport.expect("POST", "/oauth_token.do", respond: response)
    let result = await Fixtures.client(transport).requestToken(request)
    XCTAssertNoThrow(try transport.verifyAllUsed())
    return result
  }

  private func code(_ request: TokenRequest, _ response: HTTPResponse) async -> String? {
    if case .failure(let failure) = await result(request, response) {
      return failure.code
    }
    return nil
  }

  func testSuccessfulGrantReturnsTokensWithTheirExpiry() async throws {
    let tokens = try await result(password, Fixtures.tokens).get()
    XCTAssertEqual(tokens.accessToken.reveal(), "at-S3CR3T-SENTINEL")
    XCTAssertEqual(tokens.refreshToken?.reveal(), "rt-S3CR3T-SENTINEL")
    XCTAssertEqual(tokens.tokenType, "Bearer")
    XCTAssertEqual(tokens.scope, "useraccount")
    XCTAssertEqual(tokens.expiresAt, Date(timeIntervalSince1970: 1_000_000 + 1799))
  }

  func testCatchAllRefusalIsAccessDeniedWithCausesInOrder() async throws {
    let outcome = await result(password, Fixtures.accessDenied)
    guard case .failure(let failure) = outcome else { return XCTFail("expected a failure") }
    XCTAssertEqual(failure.code, "oauth.access_denied")
    XCTAssertTrue(failure.summary.contains("same answer"))
    // The password grant: the user's own credentials first, then the client, then the grant.
    XCTAssertTrue(failure.remedies.first?.contains("User name and password") ?? false, "\(failure.remedies)")
    XCTAssertTrue(failure.remedies[1].contains("Client ID and secret"), "\(failure.remedies)")
    XCTAssertTrue(failure.remedies.last?.contains("syslog") ?? false)
  }

  func testCatchAllRefusalOfARefreshIsRefreshExpired() async {
    let code = await code(refresh, Fixtures.accessDenied)
    XCTAssertEqual(code, "oauth.refresh_expired")
  }

  func testInvalidGrantOfARefreshIsRefreshExpired() async {
    let code = await code(refresh, .json(400, #"{"error":"invalid_grant"}"#))
    XCTAssertEqual(code, "oauth.refresh_expired")
  }

  func testClientCredentialsWithoutApplicationUserIsUnauthorizedClient() async {
    let request = TokenRequest(clientID: "id", clientSecret: Secret("cs"), grant: .clientCredentials)
    let answer = HTTPResponse.json(
      400,
      #"{"error":"unauthorized_client","error_description":"Received client_credentials grant_type request however integration user is not configured for OAuth:abc"}"#
    )
    let code = await code(request, answer)
    XCTAssertEqual(code, "oauth.unauthorized_client")
  }

  func testUnsupportedGrantTypeIsGrantDisabled() async {
    let code = await code(password, .json(400, #"{"error":"unsupported_grant_type"}"#))
    XCTAssertEqual(code, "oauth.grant_disabled")
  }

  func testInvalidRequestSayingTheGrantIsDisabledIsGrantDisabled() async {
    let answer = HTTPResponse.json(
      400, #"{"error":"invalid_request","error_description":"password grant_type is disabled"}"#)
    let code = await code(password, answer)
    XCTAssertEqual(code, "oauth.grant_disabled")
  }

  func testSuccessWithoutAccessTokenIsBadResponse() async {
    let code = await code(password, .json(200, #"{"token_type":"Bearer"}"#))
    XCTAssertEqual(code, "oauth.bad_response")
  }

  func testHTMLAnswerIsBadResponse() async {
    let page = HTTPResponse(
      status: 200, headers: ["Content-Type": "text/html"], body: Data("<html>SSO</html>".utf8))
    let code = await code(password, page)
    XCTAssertEqual(code, "oauth.bad_response")
  }

  func testServerErrorWithoutOAuthBodyIsInstanceUnavailable() async {
    let code = await code(password, HTTPResponse(status: 502))
    XCTAssertEqual(code, "instance.unavailable")
  }

  func testForbiddenPageInsteadOfAnOAuthAnswerIsForbidden() async {
    let page = HTTPResponse(
      status: 403, headers: ["Content-Type": "text/html"], body: Data("<p>denied</p>".utf8))
    let code = await code(password, page)
    XCTAssertEqual(code, "api.forbidden")
  }

  func testRevokeIsTheDocumentedGETWithTheTokenInTheQueryAndTheLogMasksIt() async throws {
    let transport = ScriptedTransport()
    let log = RequestLog()
    transport.expect("GET", "/oauth_revoke_token.do", respond: HTTPResponse(status: 200))
    let result = await Fixtures.client(transport, log: log).revoke(Secret("rt-S3CR3T-SENTINEL"))
    XCTAssertNoThrow(try result.get())
    XCTAssertNoThrow(try transport.verifyAllUsed())
    let sent = try XCTUnwrap(transport.sent.first)
    XCTAssertEqual(sent.url.query, "token=rt-S3CR3T-SENTINEL")
    XCTAssertNil(sent.body)
    XCTAssertFalse(log.render().contains("S3CR3T"), log.render())
  }

  func testAuthorizeURLHangsOffTheInstanceRoot() async {
    let url = Fixtures.client(ScriptedTransport()).authorizeURL(
      AuthorizationRequest(
        clientID: "id", redirectURI: "http://127.0.0.1:1/cb", scope: nil, state: "s", codeChallenge: nil))
    XCTAssertEqual(
      url.absoluteString,
      "https://dev1.service-now.com/oauth_auth.do?response_type=code&client_id=id&redirect_uri=http%3A%2F%2F127.0.0.1%3A1%2Fcb&state=s"
    )
  }
}
