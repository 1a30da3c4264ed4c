import Foundation
import ServiceNowClient
import Vocabulary
import XCTest

/// What real instances send (shared/SERVICENOW.md, "Corrections and additions"), classified.
final class ResponseClassifierTests: XCTestCase {
  // MARK: challenges and markers

  func testChallengeSchemesAreReadWithoutRegardToCaseAlsoWhenJoined() {
    func schemes(_ value: String) -> [String] {
      ResponseClassifier.challengeSchemes(HTTPResponse(status: 401, headers: ["WWW-Authenticate": value]))
    }
    XCTAssertEqual(schemes(#"BASIC realm="Service-now""#), ["basic"])
    XCTAssertEqual(schemes(#"BEARER realm="Service-now""#), ["bearer"])
    XCTAssertEqual(schemes(#"BASIC realm="Service-now", BEARER realm="Service-now""#), ["basic", "bearer"])
    XCTAssertEqual(schemes(#"Basic realm="x", charset="UTF-8""#), ["basic"])
    XCTAssertEqual(ResponseClassifier.challengeSchemes(HTTPResponse(status: 401)), [])
  }

  func testABearerOnlyChallengeToBasicSaysAnAccessPolicyWantsAToken() {
    var response = Fixtures.notAuthenticated
    response.headers["WWW-Authenticate"] = #"BEARER realm="Service-now""#
    let failure = ResponseClassifier.tableFailure(response, auth: .basic)
    XCTAssertEqual(failure?.code, "auth.basic_rejected")
    XCTAssertTrue(failure?.detail?.contains("API access policy") == true, failure?.detail ?? "")
    response.headers["WWW-Authenticate"] = #"BASIC realm="Service-now", BEARER realm="Service-now""#
    XCTAssertFalse(
      ResponseClassifier.tableFailure(response, auth: .basic)?.detail?.contains("policy") ?? true,
      "both challenges: Basic is still allowed")
  }

  func testTheHiddenMarkersOfALiveNodeCountAsInstanceMarkers() {
    let node = HTTPResponse(
      status: 200,
      headers: [
        "X-Transaction-ID": "a1b2c3d4e5f6", "X-Is-Logged-In": "false", "Server-Timing": "total;dur=3",
      ])
    XCTAssertEqual(
      ResponseClassifier.instanceMarkers(node, apiAnswer: false),
      ["X-Transaction-ID", "X-Is-Logged-In", "Server-Timing"])
    XCTAssertTrue(ResponseClassifier.isFromApplicationNode(node))
    // Server-Timing alone is anybody's header.
    let generic = HTTPResponse(status: 200, headers: ["Server-Timing": "total;dur=3", "Server": "nginx"])
    XCTAssertEqual(ResponseClassifier.instanceMarkers(generic, apiAnswer: false), [])
  }

  func testServerServiceNowBeforeTheEdgeCountsAsSnowADCDoes() {
    for server in ["ServiceNow", "snow_adc"] {
      let markers = ResponseClassifier.instanceMarkers(
        HTTPResponse(status: 200, headers: ["Server": server]), apiAnswer: false)
      XCTAssertEqual(markers, ["Server: \(server)"])
    }
    XCTAssertEqual(
      ResponseClassifier.instanceMarkers(
        HTTPResponse(status: 200, headers: ["Server": "snowflake"]), apiAnswer: false),
      [])
  }

  func testTheReal401CookiesAndUpperCaseChallengeAreMarkers() {
    let markers = ResponseClassifier.instanceMarkers(Fixtures.notAuthenticated, apiAnswer: true)
    XCTAssertTrue(markers.contains(#"WWW-Authenticate: BASIC realm="Service-now""#), "\(markers)")
    XCTAssertTrue(markers.contains("cookie glide_user_session"), "\(markers)")
    XCTAssertTrue(markers.contains("X-Transaction-ID"), "\(markers)")
    XCTAssertTrue(markers.contains("401 with the Table API's error body"), "\(markers)")
  }

  // MARK: hibernation and no node

  func testTheHibernationPageIsRecognisedByItsMarkersTogether() {
    XCTAssertTrue(ResponseClassifier.isHibernationPage(Fixtures.hibernating))
  }

  func testADirectoryListingWithAFileCalledHibernatingIsNotHibernation() {
    let listing = HTTPResponse(
      status: 200, headers: ["Content-Type": "text/html", "Server": "Apache"],
      body: Data(
        """
        <html><head><title>Index of /pages</title></head><body><h1>Index of /pages</h1>
        <ul><li><a href="hibernating.html">hibernating.html</a></li><li><a href="instance-hibernating.png">instance-hibernating.png</a></li></ul></body></html>
        """.utf8))
    XCTAssertFalse(ResponseClassifier.isHibernationPage(listing))
    XCTAssertNil(
      ResponseClassifier.tableFailure(listing, auth: .basic).flatMap {
        $0.code == "instance.hibernating" ? $0 : nil
      })
  }

  func testAnApplicationNodesPageQuotingTheHeadingIsNotHibernation() {
    var page = Fixtures.hibernating
    page.headers["X-Transaction-ID"] = "a1b2c3"
    XCTAssertFalse(ResponseClassifier.isHibernationPage(page), "a live node is awake")
  }

  func testThe502FromTheEdgeWithoutANodeIsRecognised() {
    XCTAssertTrue(ResponseClassifier.isEdgeWithoutNode(Fixtures.noNode))
    XCTAssertEqual(Fixtures.noNode.body.count, 153)
    var fromNode = Fixtures.noNode
    fromNode.headers["X-Transaction-ID"] = "ab12"
    XCTAssertFalse(ResponseClassifier.isEdgeWithoutNode(fromNode))
    var nginx = Fixtures.noNode
    nginx.headers["Server"] = "nginx"
    XCTAssertFalse(ResponseClassifier.isEdgeWithoutNode(nginx))
  }

  func testTheNoNodeCodeSaysRepairOrReplaceNotWait() {
    let failure = ServiceNowFailure(.instanceNoNode)
    XCTAssertEqual(failure.code, "instance.no_node")
    XCTAssertTrue(failure.remedies[0].contains("developer.servicenow.com"), "\(failure.remedies)")
    XCTAssertTrue(failure.remedies[0].contains("Waiting does not fix"), "\(failure.remedies)")
    XCTAssertFalse(failure.remedies.contains { $0.hasPrefix("Wait ") || $0.contains("try again") })
  }

  // MARK: the instance's own message

  func testTheInstancesMessageIsKeptWithItsControlCharactersMadeVisible() {
    let response = HTTPResponse.json(
      403,
      #"{"error":{"message":"Insufficient rights\u001b]0;owned\u0007 to query records\r\n","detail":null},"status":"failure"}"#
    )
    let failure = ResponseClassifier.tableFailure(response, auth: .basic)
    XCTAssertEqual(failure?.code, "api.forbidden")
    let detail = try? XCTUnwrap(failure?.detail)
    // The one rule for outside text (UntrustedText): shown as stand-ins, never obeyed.
    XCTAssertEqual(detail, "The instance said: Insufficient rights␛]0;owned␇ to query records")
    XCTAssertFalse(detail?.unicodeScalars.contains { $0.value < 0x20 } ?? true)
  }

  func testAnEndlessMessageIsCut() {
    let long = String(repeating: "x", count: 10_000)
    let envelope = ErrorEnvelope.parse(Data(#"{"error":{"message":"\#(long)"},"status":"failure"}"#.utf8))
    XCTAssertEqual(envelope?.message.count, ErrorEnvelope.textLimit)
    XCTAssertTrue(envelope?.message.hasSuffix("…") == true)
  }

  // MARK: reads that pass but show nothing

  func testAReadWithZeroRowsIsAWarning() {
    let read = TableRead(table: "sys_user", records: [], totalCount: 0, elapsed: .zero)
    let warning = ResponseClassifier.readWarning(read, requested: ["sys_id", "user_name"])
    XCTAssertEqual(warning?.code, "api.no_rows")
    XCTAssertTrue(warning?.detail?.contains("X-Total-Count: 0") == true)
  }

  func testAReadWithoutARequestedFieldIsAWarningThatNamesIt() {
    let read = TableRead(table: "sys_user", records: [["sys_id": "x"]], totalCount: 1, elapsed: .zero)
    let warning = ResponseClassifier.readWarning(read, requested: ["sys_id", "user_name"])
    XCTAssertEqual(warning?.code, "api.fields_missing")
    XCTAssertTrue(warning?.detail?.contains("lacks user_name") == true, warning?.detail ?? "")
    let full = TableRead(
      table: "sys_user", records: [["sys_id": "x", "user_name": "admin"]], totalCount: 1, elapsed: .zero)
    XCTAssertNil(ResponseClassifier.readWarning(full, requested: ["sys_id", "user_name"]))
  }

  // MARK: token endpoint

  private let now = Date(timeIntervalSince1970: 1_000_000)

  func testAnEmptyScopeAndAJWTAccessTokenAreAcceptedAsTheyAre() throws {
    let jwt =
      "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhZG1pbiJ9."
      + String(repeating: "Ab-_", count: 200)
    let response = HTTPResponse.json(
      200, #"{"scope":"","token_type":"Bearer","expires_in":1799,"access_token":"\#(jwt)"}"#)
    let tokens = try ResponseClassifier.tokenResult(response, grant: .clientCredentials, now: now).get()
    XCTAssertEqual(tokens.accessToken.reveal(), jwt)
    XCTAssertEqual(tokens.scope, "")
    XCTAssertNil(tokens.refreshToken)
  }

  private func denied(_ request: TokenRequest) -> ServiceNowFailure? {
    if case .failure(let failure) = ResponseClassifier.tokenResult(
      Fixtures.accessDenied, request: request, now: now)
    {
      return failure
    }
    return nil
  }

  func testTheCatchAllForClientCredentialsNamesThePropertyTheApplicationUserAndActive() throws {
    let failure = try XCTUnwrap(
      denied(TokenRequest(clientID: "id", clientSecret: Secret("s"), grant: .clientCredentials)))
    XCTAssertEqual(failure.code, "oauth.access_denied")
    let text = failure.remedies.prefix(3).joined(separator: "\n")
    XCTAssertTrue(text.contains("glide.oauth.inbound.client.credential.grant_type.enabled"), text)
    XCTAssertTrue(text.contains("OAuth Application User") && text.contains("hidden"), text)
    XCTAssertTrue(text.contains("Active"), text)
    XCTAssertFalse(failure.remedies.joined().contains("Password needs reset"))
  }

  func testTheCatchAllForThePasswordGrantNamesALockedUserPasswordResetAndSecurityCenter() throws {
    let failure = try XCTUnwrap(
      denied(
        TokenRequest(
          clientID: "id", clientSecret: Secret("s"), grant: .password(username: "u", password: Secret("p")))))
    let text = failure.remedies.joined(separator: "\n")
    XCTAssertTrue(failure.remedies[0].contains("locked"), failure.remedies[0])
    XCTAssertTrue(text.contains("Password needs reset"), text)
    XCTAssertTrue(text.contains("Security Center"), text)
    XCTAssertFalse(text.contains("client.credential"), text)
  }

  func testAPasswordKnownToWorkMovesTheBlameToTheClientAndTheGrant() {
    let failure = FailureCatalog.accessDenied(grantType: "password", passwordWorks: true)
    XCTAssertTrue(failure.remedies[0].hasPrefix("Client ID and secret"), failure.remedies[0])
    XCTAssertTrue(failure.remedies[1].contains("sign in with Basic"), failure.remedies[1])
    XCTAssertFalse(failure.remedies.joined().contains("locked"))
  }

  func testStraySpacesInThePastedIDOrSecretComeFirstWithoutTheirValues() throws {
    let failure = try XCTUnwrap(
      denied(
        TokenRequest(
          clientID: " snowgate-demo ", clientSecret: Secret("S3CR3T-x\n"), grant: .clientCredentials)))
    XCTAssertTrue(failure.remedies[0].contains("client ID and client secret"), failure.remedies[0])
    XCTAssertFalse(failure.remedies.joined().contains("S3CR3T"))
    XCTAssertNil(
      denied(TokenRequest(clientID: "id", clientSecret: Secret("s"), grant: .clientCredentials))?.remedies
        .first {
          $0.contains("space at the start")
        })
  }

  func testGrantDisabledOnlyWhenTheAnswerSaysSo() {
    func code(_ body: String) -> String? {
      if case .failure(let failure) = ResponseClassifier.tokenResult(
        HTTPResponse.json(400, body), grant: .clientCredentials, now: now)
      {
        return failure.code
      }
      return nil
    }
    XCTAssertEqual(code(#"{"error":"unsupported_grant_type"}"#), "oauth.grant_disabled")
    XCTAssertEqual(
      code(#"{"error":"invalid_request","error_description":"grant type is disabled"}"#),
      "oauth.grant_disabled")
    XCTAssertEqual(
      code(#"{"error_description":"access_denied","error":"server_error"}"#), "oauth.access_denied")
  }

  func testTokenRejectedNamesEnforceTokenRestrictionsAndAccessPolicies() {
    let failure = ResponseClassifier.tableFailure(Fixtures.notAuthenticated, auth: .bearer)
    XCTAssertEqual(failure?.code, "oauth.token_rejected")
    let text = failure?.remedies.joined(separator: "\n") ?? ""
    XCTAssertTrue(text.contains("Enforce Token Restrictions"), text)
    XCTAssertTrue(text.contains("REST API access policy"), text)
  }

  func testTheDocumented429BodyIsRateLimitedWithItsMessage() {
    let response = HTTPResponse.json(
      429,
      #"{"error":{"message":"Rate limit exceeded","detail":"Rate limit of 100 requests per hour for Table API exceeded"},"status":"failure"}"#,
      headers: ["Retry-After": "60"])
    let failure = ResponseClassifier.tableFailure(response, auth: .basic)
    XCTAssertEqual(failure?.code, "api.rate_limited")
    XCTAssertTrue(failure?.detail?.contains("100 requests per hour for Table API") == true)
    XCTAssertTrue(failure?.detail?.contains("60 s") == true)
  }

  func testAnInvalidTableIsABadResponseWithEitherDetail() {
    for body in [
      #"{"error":{"message":"Invalid table u_x","detail":null},"status":"failure"}"#,
      #"{"error":{"message":"Invalid table u_x","detail":"Table u_x does not exist"},"status":"failure"}"#,
    ] {
      let failure = ResponseClassifier.tableFailure(HTTPResponse.json(400, body), auth: .basic)
      XCTAssertEqual(failure?.code, "api.bad_response")
      XCTAssertTrue(failure?.detail?.contains("Invalid table u_x") == true)
    }
  }
}
