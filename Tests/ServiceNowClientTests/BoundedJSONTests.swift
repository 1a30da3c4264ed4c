import Foundation
import Platform
import ServiceNowClient
import TestSupport
import Vocabulary
import XCTest

/// Answers nested without end or too large are refused by the bounds, never parsed into a crash.
final class BoundedJSONTests: XCTestCase {
  static func nested(_ depth: Int) -> Data {
    Data((String(repeating: "[", count: depth) + String(repeating: "]", count: depth)).utf8)
  }

  func testDepthIsBoundedAndBracketsInStringsDoNotCount() {
    XCTAssertNotNil(BoundedJSON.parse(Self.nested(64)))
    XCTAssertNil(BoundedJSON.parse(Self.nested(65)))
    let quoted = Data(("{\"a\":\"" + String(repeating: "[", count: 1000) + "\\\"\"}").utf8)
    XCTAssertNotNil(BoundedJSON.object(quoted))
  }

  func testAMillionLevelsDeepAnswerIsABadResponseNotACrash() async {
    let deep = Self.nested(1_000_000)
    let transport = ScriptedTransport()
    transport.expect(
      "GET", Fixtures.usersPath,
      respond: HTTPResponse(status: 200, headers: ["Content-Type": "application/json"], body: deep))
    transport.expect(
      "POST", "/oauth_token.do",
      respond: HTTPResponse(status: 200, headers: ["Content-Type": "application/json"], body: deep))
    let log = RequestLog()
    let client = Fixtures.client(transport, log: log)
    let read = await client.readTable("sys_user", fields: [], auth: Fixtures.basic)
    guard case .failure(let failure) = read else { return XCTFail("a million brackets read as records") }
    XCTAssertEqual(failure.code, "api.bad_response")
    let token = await client.requestToken(
      TokenRequest(
        clientID: "id", clientSecret: nil, grant: .password(username: "a", password: Fixtures.password)))
    guard case .failure(let refusal) = token else { return XCTFail("a million brackets read as a token") }
    XCTAssertEqual(refusal.code, "oauth.bad_response")
    XCTAssertLessThan(log.render().count, 10_000, "the log keeps a bounded excerpt")
  }
}
