import Foundation
import ServiceNowClient
import XCTest

/// The connection test's Table API calls, and how each refusal is classified.
final class TableAccessTests: XCTestCase {
  private func failure(of response: HTTPResponse, auth: Credentials = Fixtures.basic) async throws
    -> ServiceNowFailure
  {
    let transport = ScriptedTransport()
    transport.expect("GET", Fixtures.usersPath, respond: response)
    let result = await Fixtures.client(transport).testTableAccess(auth: auth)
    XCTAssertNoThrow(try transport.verifyAllUsed())
    guard case .failure(let failure) = result else {
      XCTFail("expected a failure, got \(result)")
      throw CancellationError()
    }
    return failure
  }

  func testReadableUserAndMetadataTablesPassWithTheLeastPrivilegeQueries() async throws {
    let transport = ScriptedTransport()
    transport.expect("GET", Fixtures.usersPath, respond: Fixtures.oneUser)
    transport.expect("GET", Fixtures.metaPath, respond: Fixtures.oneTable)
    let result = await Fixtures.client(transport).testTableAccess(auth: Fixtures.basic)
    XCTAssertNoThrow(try transport.verifyAllUsed())
    let report = try result.get()
    XCTAssertEqual(report.users.records.first?["user_name"], "admin")
    XCTAssertEqual(report.users.totalCount, 42)
    XCTAssertNil(report.metadataWarning)
    let first = try XCTUnwrap(transport.sent.first)
    XCTAssertEqual(first.url.query, "sysparm_limit=1&sysparm_fields=sys_id%2Cuser_name")
    let expected = "Basic " + Data("admin:pw-S3CR3T-SENTINEL".utf8).base64EncodedString()
    XCTAssertEqual(first.header("Authorization"), expected)
  }

  func testAForbiddenMetadataReadIsOnlyAWarning() async throws {
    let transport = ScriptedTransport()
    transport.expect("GET", Fixtures.usersPath, respond: Fixtures.oneUser)
    transport.expect("GET", Fixtures.metaPath, respond: Fixtures.aclDenied)
    let report = try await Fixtures.client(transport).testTableAccess(auth: Fixtures.basic).get()
    XCTAssertNoThrow(try transport.verifyAllUsed())
    XCTAssertEqual(report.metadataWarning?.code, "api.forbidden")
    XCTAssertNil(report.metadata)
  }

  func testAVersionedProfileUsesTheVersionedTablePath() async throws {
    let transport = ScriptedTransport()
    transport.expect("GET", "/api/now/v2/table/sys_user", respond: Fixtures.oneUser)
    transport.expect("GET", "/api/now/v2/table/sys_db_object", respond: Fixtures.oneTable)
    _ = try await Fixtures.client(transport, version: "v2").testTableAccess(auth: Fixtures.bearer).get()
    XCTAssertNoThrow(try transport.verifyAllUsed())
    XCTAssertEqual(
      transport.sent.first?.header("Authorization"), "Bearer at-S3CR3T-SENTINEL")
  }

  func testVersionInTheInstanceAddressIsKept() async {
    let client = ServiceNowClient(
      instance: URL(string: "https://dev1.service-now.com/api/now/v1")!, transport: ScriptedTransport())
    XCTAssertEqual(client.apiVersion, "v1")
    XCTAssertEqual(client.instance.absoluteString, "https://dev1.service-now.com")
  }

  func testBasic401IsBasicRejected() async throws {
    let failure = try await failure(of: Fixtures.notAuthenticated)
    XCTAssertEqual(failure.code, "auth.basic_rejected")
    XCTAssertEqual(
      failure.detail, "The instance said: User Not Authenticated: Required to provide Auth information")
  }

  func testBearer401IsTokenRejected() async throws {
    let failure = try await failure(of: Fixtures.notAuthenticated, auth: Fixtures.bearer)
    XCTAssertEqual(failure.code, "oauth.token_rejected")
  }

  func test401WithMFAHeaderIsMFARequired() async throws {
    var response = Fixtures.notAuthenticated
    response.headers["X-MFA_TOKEN"] = "invalid"
    let failure = try await failure(of: response)
    XCTAssertEqual(failure.code, "auth.mfa_required")
  }

  func test401WithADifferentlyWordedMessageIsStillBasicRejected() async throws {
    let response = HTTPResponse.json(
      401, #"{"error":{"message":"Benutzer nicht authentifiziert"},"status":"failure"}"#)
    let failure = try await failure(of: response)
    XCTAssertEqual(failure.code, "auth.basic_rejected")
  }

  func testTableACLRefusalIsForbiddenWithAReadACLRemedyNotTheRESTRole() async throws {
    for body in [Fixtures.aclDenied, Fixtures.fieldsDenied] {
      let failure = try await failure(of: body)
      XCTAssertEqual(failure.code, "api.forbidden")
      XCTAssertTrue(failure.remedies.joined().contains("read ACL"), "\(failure.remedies)")
      XCTAssertTrue(failure.remedies.joined().contains("sys_user"))
      // The REST API role cures the REST API ACL only, not a table ACL.
      XCTAssertFalse(failure.remedies.joined().contains("snc_platform_rest_api_access"))
      XCTAssertTrue(failure.detail?.contains("Insufficient rights to query records") == true)
    }
  }

  func testRESTAPIACLRefusalNamesTheRESTAPIRole() async throws {
    let failure = try await failure(of: Fixtures.restAPIDenied)
    XCTAssertEqual(failure.code, "api.rest_api_denied")
    XCTAssertTrue(failure.remedies[0].contains("snc_platform_rest_api_access"), "\(failure.remedies)")
    XCTAssertEqual(failure.detail, "The instance said: User Not Authorized: Failed API level ACL Validation")
  }

  func testScopeRefusalIsScopeMissingAndNamesTheScopeWhicheverWayTheTextSplits() async throws {
    for body in [Fixtures.scopeMissing, Fixtures.scopeMissingSplit] {
      let failure = try await failure(of: body, auth: Fixtures.bearer)
      XCTAssertEqual(failure.code, "api.scope_missing")
      XCTAssertTrue(failure.remedies[0].contains("useraccount"), "\(failure.remedies)")
      XCTAssertTrue(failure.detail?.contains("Missing required api access scope: useraccount") == true)
    }
  }

  func testTableSecurityAndCrossScopeHaveTheirOwnCodes() async throws {
    let security = try await failure(of: Fixtures.tableSecurity)
    XCTAssertEqual(security.code, "api.table_security")
    XCTAssertTrue(security.detail?.contains("Operation against file 'sys_user'") == true)
    let fenced = try await failure(of: Fixtures.crossScope, auth: Fixtures.bearer)
    XCTAssertEqual(fenced.code, "api.cross_scope")
    XCTAssertTrue(fenced.summary.contains("not OAuth scopes"), fenced.summary)
  }

  func testA403PageWithoutTheEnvelopeIsForbiddenEvenIfItMentionsScope() async throws {
    let page = HTTPResponse(
      status: 403, headers: ["Content-Type": "text/html"], body: Data("<p>scope of IP access denied</p>".utf8)
    )
    let failure = try await failure(of: page)
    XCTAssertEqual(failure.code, "api.forbidden")
  }

  func testRateLimitCarriesRetryAfter() async throws {
    let response = HTTPResponse.json(
      429, #"{"error":{"message":"Rate limit exceeded"},"status":"failure"}"#, headers: ["Retry-After": "30"])
    let failure = try await failure(of: response)
    XCTAssertEqual(failure.code, "api.rate_limited")
    XCTAssertTrue(failure.detail?.contains("30 s") ?? false, failure.detail ?? "")
  }

  func testServerErrorIsInstanceUnavailable() async throws {
    let response = HTTPResponse(status: 503, headers: ["Content-Type": "text/html"], body: Data("down".utf8))
    let failure = try await failure(of: response)
    XCTAssertEqual(failure.code, "instance.unavailable")
  }

  func testHTMLSuccessIsABadResponse() async throws {
    let response = HTTPResponse(
      status: 200, headers: ["Content-Type": "text/html"], body: Data("<html>login</html>".utf8))
    let failure = try await failure(of: response)
    XCTAssertEqual(failure.code, "api.bad_response")
  }

  func testInvalidTableIsABadResponse() async throws {
    let response = HTTPResponse.json(
      400, #"{"error":{"message":"Invalid table sys_user"},"status":"failure"}"#)
    let failure = try await failure(of: response)
    XCTAssertEqual(failure.code, "api.bad_response")
  }

  func testHibernationPageIsRecognisedWhateverTheStatus() async throws {
    var page = Fixtures.hibernating
    page.status = 302
    let failure = try await failure(of: page)
    XCTAssertEqual(failure.code, "instance.hibernating")
  }

  func testUnusedScriptedAnswerFailsVerification() async {
    let transport = ScriptedTransport()
    transport.expect("GET", Fixtures.usersPath, respond: Fixtures.oneUser)
    XCTAssertThrowsError(try transport.verifyAllUsed())
  }

  func testUnexpectedRequestFailsVerification() async {
    let transport = ScriptedTransport()
    _ = await Fixtures.client(transport).probe()
    XCTAssertThrowsError(try transport.verifyAllUsed())
  }
}
