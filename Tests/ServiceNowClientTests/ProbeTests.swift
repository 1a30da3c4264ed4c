import Foundation
import ServiceNowClient
import XCTest

/// The unauthenticated probe: ServiceNow, hibernating, something else, or nothing.
final class ProbeTests: XCTestCase {
  func testInstance401WithServiceNowRealmIsServiceNow() async {
    let transport = ScriptedTransport()
    transport.expect("GET", Fixtures.usersPath, respond: Fixtures.notAuthenticated)
    let result = await Fixtures.client(transport).probe()
    XCTAssertNoThrow(try transport.verifyAllUsed())
    guard case .servicenow(let evidence) = result else { return XCTFail("got \(result)") }
    XCTAssertEqual(evidence.status, 401)
    XCTAssertTrue(
      evidence.markers.contains(#"WWW-Authenticate: BASIC realm="Service-now""#), "\(evidence.markers)")
    XCTAssertTrue(evidence.markers.contains("Server: snow_adc"))
    XCTAssertNil(transport.sent.first?.header("Authorization"))
  }

  func testHibernationPageIsHibernating() async {
    let transport = ScriptedTransport()
    transport.expect("GET", Fixtures.usersPath, respond: Fixtures.hibernating)
    let result = await Fixtures.client(transport).probe()
    XCTAssertNoThrow(try transport.verifyAllUsed())
    XCTAssertEqual(result, .hibernating)
  }

  func testOtherServerIsNotServiceNowAfterCheckingTheRootToo() async {
    let transport = ScriptedTransport()
    let notFound = HTTPResponse(status: 404, headers: ["Content-Type": "text/html", "Server": "nginx"])
    transport.expect("GET", Fixtures.usersPath, respond: notFound)
    transport.expect("GET", "/", respond: HTTPResponse(status: 200, headers: ["Server": "nginx"]))
    let result = await Fixtures.client(transport).probe()
    XCTAssertNoThrow(try transport.verifyAllUsed())
    guard case .notServiceNow(let reason) = result else { return XCTFail("got \(result)") }
    XCTAssertTrue(reason.contains("404") && reason.contains("nginx"), reason)
    XCTAssertEqual(result.failure?.code, "instance.not_servicenow")
    XCTAssertEqual(ProbeResult.hibernating.failure?.code, "instance.hibernating")
  }

  func testRootWithGlideCookiesIsServiceNow() async {
    let transport = ScriptedTransport()
    transport.expect(
      "GET", Fixtures.usersPath, respond: HTTPResponse(status: 302, headers: ["Location": "/login.do"]))
    transport.expect(
      "GET", "/",
      respond: HTTPResponse(status: 200, headers: ["Set-Cookie": "glide_user_route=glide.abc; Path=/"]))
    let result = await Fixtures.client(transport).probe()
    XCTAssertNoThrow(try transport.verifyAllUsed())
    guard case .servicenow(let evidence) = result else { return XCTFail("got \(result)") }
    XCTAssertEqual(evidence.markers, ["cookie glide_user_route"])
  }

  func testRedirectElsewhereSaysWhereTo() async {
    let transport = ScriptedTransport()
    let moved = HTTPResponse(status: 301, headers: ["Location": "https://elsewhere.example/"])
    transport.expect("GET", Fixtures.usersPath, respond: moved)
    transport.expect("GET", "/", respond: moved)
    let result = await Fixtures.client(transport).probe()
    guard case .notServiceNow(let reason) = result else { return XCTFail("got \(result)") }
    XCTAssertTrue(reason.contains("https://elsewhere.example/"), reason)
  }

  func testServerErrorIsUnreachableUnavailable() async {
    let transport = ScriptedTransport()
    transport.expect(
      "GET", Fixtures.usersPath, respond: HTTPResponse(status: 503, headers: ["Server": "snow_adc"]))
    let result = await Fixtures.client(transport).probe()
    XCTAssertEqual(
      result,
      .unreachable(ServiceNowFailure(.instanceUnavailable, detail: "HTTP 503 (no type, server snow_adc).")))
  }

  func testDNSFailureIsUnreachable() async {
    let transport = ScriptedTransport()
    transport.expect(
      "GET", Fixtures.usersPath,
      fail: CurlFailure(code: 6, message: "Could not resolve host: dev1.service-now.com"))
    let result = await Fixtures.client(transport).probe()
    guard case .unreachable(let failure) = result else { return XCTFail("got \(result)") }
    XCTAssertEqual(failure.code, "dns.not_found")
    XCTAssertEqual(failure.detail, "dev1.service-now.com did not resolve.")
  }

  func test502FromTheEdgeOnEveryPathIsNoNode() async {
    let transport = ScriptedTransport()
    transport.expect("GET", Fixtures.usersPath, respond: Fixtures.noNode)
    transport.expect("GET", "/", respond: Fixtures.noNode)
    let result = await Fixtures.client(transport).probe()
    XCTAssertNoThrow(try transport.verifyAllUsed())
    guard case .unreachable(let failure) = result else { return XCTFail("got \(result)") }
    XCTAssertEqual(failure.code, "instance.no_node")
  }

  func test502OnOnePathOnlyIsUnavailable() async {
    let transport = ScriptedTransport()
    transport.expect("GET", Fixtures.usersPath, respond: Fixtures.noNode)
    transport.expect("GET", "/", respond: HTTPResponse(status: 302, headers: ["Location": "/navpage.do"]))
    let result = await Fixtures.client(transport).probe()
    XCTAssertNoThrow(try transport.verifyAllUsed())
    XCTAssertEqual(result.failure?.code, "instance.unavailable")
  }

  func testOnlyTheNodesHiddenHeadersAreEnoughToRecogniseAnInstance() async {
    let transport = ScriptedTransport()
    let hidden = HTTPResponse(
      status: 404, headers: ["X-Transaction-ID": "ab12cd34ef56", "X-Is-Logged-In": "false"])
    transport.expect("GET", Fixtures.usersPath, respond: hidden)
    let result = await Fixtures.client(transport).probe()
    XCTAssertNoThrow(try transport.verifyAllUsed())
    guard case .servicenow(let evidence) = result else { return XCTFail("got \(result)") }
    XCTAssertEqual(evidence.markers, ["X-Transaction-ID", "X-Is-Logged-In"])
  }

  func testARedirectOnTheRootIsShownWithItsLocation() async {
    let transport = ScriptedTransport()
    transport.expect(
      "GET", Fixtures.usersPath, respond: HTTPResponse(status: 404, headers: ["Server": "nginx"]))
    transport.expect(
      "GET", "/", respond: HTTPResponse(status: 302, headers: ["Location": "https://portal.example/login"]))
    let result = await Fixtures.client(transport).probe()
    guard case .notServiceNow(let reason) = result else { return XCTFail("got \(result)") }
    XCTAssertTrue(reason.contains("https://portal.example/login"), reason)
  }

  func testAnInstanceRedirectKeepsItsLocationInTheEvidence() async {
    let transport = ScriptedTransport()
    transport.expect(
      "GET", Fixtures.usersPath,
      respond: HTTPResponse(
        status: 302, headers: ["Server": "snow_adc", "Location": "https://itsm.example.com/"]))
    let result = await Fixtures.client(transport).probe()
    guard case .servicenow(let evidence) = result else { return XCTFail("got \(result)") }
    XCTAssertTrue(evidence.markers.contains("redirects to https://itsm.example.com/"), "\(evidence.markers)")
  }
}
