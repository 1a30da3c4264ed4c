import Foundation
import Platform
import ServiceNowClient
import Vocabulary
import XCTest

/// The pure request builders of the OAuth flows: PKCE, form encoding, token and authorize requests.
final class OAuthBuilderTests: XCTestCase {
  private let instance = URL(string: "https://dev1.service-now.com/api/now/v2")!

  func testChallengeOfRFC7636AppendixBVerifierMatchesTheRFC() async {
    // RFC 7636 appendix B prints this challenge (computed independently with Python's hashlib too).
    XCTAssertEqual(
      PKCE.challenge(for: "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
      "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
  }

  func testVerifierFromTheSameSeedIsTheSameAndUsesOnlyUnreservedCharacters() async {
    var first = SeededGenerator(seed: 42)
    var second = SeededGenerator(seed: 42)
    let one = PKCE.makeVerifier(using: &first).reveal()
    let two = PKCE.makeVerifier(using: &second).reveal()
    XCTAssertEqual(one, two)
    XCTAssertEqual(one.count, 43)
    XCTAssertTrue(one.allSatisfy { $0.isLetter || $0.isNumber || "-._~".contains($0) }, one)
  }

  func testStatesFromDifferentDrawsDifferAndHaveNoPadding() async {
    var generator = SeededGenerator(seed: 7)
    let one = PKCE.makeState(using: &generator)
    let two = PKCE.makeState(using: &generator)
    XCTAssertNotEqual(one, two)
    XCTAssertEqual(one.count, 22)
    XCTAssertFalse(one.contains("=") || one.contains("+") || one.contains("/"))
    XCTAssertNotEqual(PKCE.makeState(), PKCE.makeState())
  }

  func testFormEncodingEscapesEverythingButUnreservedCharacters() async {
    XCTAssertEqual(FormEncoding.escape("a+b&c=d e/é~_.-"), "a%2Bb%26c%3Dd%20e%2F%C3%A9~_.-")
    XCTAssertEqual(FormEncoding.escape("🔑"), "%F0%9F%94%91")
    let fields = [(name: "password", value: "p+w&x=y z%")]
    let decoded = FormEncoding.decode(FormEncoding.encode(fields))
    XCTAssertEqual(decoded.first?.value, "p+w&x=y z%")
  }

  func testPasswordGrantSendsCredentialsAndClientInTheBody() async throws {
    let request = TokenRequest(
      clientID: "client one", clientSecret: Secret("S3CR3T+&="),
      grant: .password(username: "admin", password: Secret("pa ss&word=S3CR3T")), scope: " ")
    let body = String(decoding: request.formBody(), as: UTF8.self)
    XCTAssertEqual(
      body,
      "grant_type=password&username=admin&password=pa%20ss%26word%3DS3CR3T&client_id=client%20one"
        + "&client_secret=S3CR3T%2B%26%3D")
    let urlRequest = request.urlRequest(instance: instance)
    XCTAssertEqual(urlRequest.url.absoluteString, "https://dev1.service-now.com/oauth_token.do")
    XCTAssertEqual(urlRequest.method, "POST")
    XCTAssertEqual(
      urlRequest.header("Content-Type"), "application/x-www-form-urlencoded; charset=utf-8"
    )
    XCTAssertNil(urlRequest.url.query)
  }

  func testRefreshGrantSendsTheRefreshTokenAndScope() async {
    let request = TokenRequest(
      clientID: "id", clientSecret: Secret("sec"), grant: .refreshToken(Secret("rt")), scope: "useraccount")
    XCTAssertEqual(
      FormEncoding.encode(request.formFields()),
      "grant_type=refresh_token&refresh_token=rt&client_id=id&client_secret=sec&scope=useraccount")
  }

  func testAuthorizationCodeGrantOfAPublicClientSendsVerifierAndNoSecret() async {
    let request = TokenRequest(
      clientID: "id", clientSecret: Secret(""),
      grant: .authorizationCode(
        code: Secret("c0de"), redirectURI: "http://127.0.0.1:8400/callback", codeVerifier: Secret("v")))
    XCTAssertEqual(
      FormEncoding.encode(request.formFields()),
      "grant_type=authorization_code&code=c0de&redirect_uri=http%3A%2F%2F127.0.0.1%3A8400%2Fcallback"
        + "&code_verifier=v&client_id=id")
  }

  func testClientCredentialsGrantSendsOnlyTheClient() async {
    let request = TokenRequest(clientID: "id", clientSecret: Secret("sec"), grant: .clientCredentials)
    XCTAssertEqual(
      FormEncoding.encode(request.formFields()),
      "grant_type=client_credentials&client_id=id&client_secret=sec")
  }

  func testAuthorizeURLCarriesStateAndS256Challenge() async throws {
    let authorization = AuthorizationRequest(
      clientID: "id", redirectURI: "http://127.0.0.1:8400/cb", scope: "useraccount write", state: "st-1",
      codeChallenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
    let url = authorization.url(instance: instance)
    XCTAssertEqual(
      url.absoluteString,
      "https://dev1.service-now.com/oauth_auth.do?response_type=code&client_id=id"
        + "&redirect_uri=http%3A%2F%2F127.0.0.1%3A8400%2Fcb&scope=useraccount%20write&state=st-1"
        + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256")
    let items = try XCTUnwrap(URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems)
    XCTAssertEqual(items.first { $0.name == "redirect_uri" }?.value, "http://127.0.0.1:8400/cb")
  }

  func testTokenSetReadsStringExpiryAndComputesExpiresAt() async throws {
    let body = Data(#"{"access_token":"a","token_type":"Bearer","expires_in":"1799"}"#.utf8)
    let start = Date(timeIntervalSince1970: 1000)
    let tokens = try XCTUnwrap(TokenSet.parse(body, obtainedAt: start))
    XCTAssertEqual(tokens.expiresAt, Date(timeIntervalSince1970: 2799))
    XCTAssertNil(tokens.refreshToken)
    XCTAssertTrue(tokens.expires(within: 60, now: Date(timeIntervalSince1970: 2750)))
    XCTAssertFalse(tokens.expires(within: 60, now: Date(timeIntervalSince1970: 2000)))
  }

  func testTheClientKeepsTheVersionAndDropsUIPaths() async {
    XCTAssertEqual(ServiceNowClient(instance: instance).apiVersion, "v2")
    XCTAssertNil(ServiceNowClient(instance: URL(string: "https://x.service-now.com/now/nav/ui")!).apiVersion)
    XCTAssertEqual(
      ServiceNowClient(instance: URL(string: "http://127.0.0.1:8080/login.do?x=1")!).instance.absoluteString,
      "http://127.0.0.1:8080")
    XCTAssertEqual(InstanceEndpoints.tablePath("sys_user", apiVersion: "v2"), "/api/now/v2/table/sys_user")
  }
}
