import Foundation
import ServiceNowClient
import Vocabulary
import XCTest

/// CurlTransport against real conditions on loopback: refused ports, silent and dripping
/// servers, unresolvable names, redirects and cookies.
final class RealNetworkTests: XCTestCase {
  private func client(_ url: URL, deadline: Duration = .milliseconds(800), proxy: [String: String] = [:])
    -> ServiceNowClient
  {
    ServiceNowClient(
      instance: url, transport: CurlTransport(), deadline: deadline, proxy: ProxyEnvironment(proxy))
  }

  private func readFailure(_ client: ServiceNowClient) async -> ServiceNowFailure? {
    if case .failure(let failure) = await client.readTable("sys_user", fields: [], auth: Fixtures.basic) {
      return failure
    }
    return nil
  }

  func testClosedPortIsRefused() async throws {
    let port = try LoopbackServer.closedPort()
    let failure = await readFailure(client(URL(string: "http://127.0.0.1:\(port)")!))
    XCTAssertEqual(failure?.code, "tcp.refused")
    XCTAssertEqual(failure?.detail, "Connection to 127.0.0.1:\(port) was refused.")
  }

  func testClosedPortBehindAConfiguredProxyIsProxyFailed() async throws {
    let port = try LoopbackServer.closedPort()
    // libcurl talks to the proxy, here the closed port; the instance address is never contacted.
    let failure = await readFailure(
      client(URL(string: "http://snowgate-test.invalid")!, proxy: ["http_proxy": "http://127.0.0.1:\(port)"]))
    XCTAssertEqual(failure?.code, "proxy.failed")
    XCTAssertTrue(failure?.detail?.contains("127.0.0.1:\(port)") ?? false, failure?.detail ?? "")
  }

  func testSilentServerEndsAtOurDeadlineAsHTTPTimeout() async throws {
    let server = try LoopbackServer(.silent)
    defer { server.stop() }
    let start = ContinuousClock.now
    let failure = await readFailure(client(server.url, deadline: .milliseconds(500)))
    let elapsed = ContinuousClock.now - start
    XCTAssertEqual(failure?.code, "http.timeout")
    XCTAssertEqual(failure?.detail, "No complete answer within 0.5 s.")
    // Loose bound: without our deadline libcurl would wait for its own (deadline + 5 s).
    XCTAssertLessThan(elapsed, .seconds(4))
  }

  func testDrippingServerEndsAtOurDeadlineAsHTTPTimeout() async throws {
    let server = try LoopbackServer(.drip(interval: 0.1, count: 300))
    defer { server.stop() }
    let start = ContinuousClock.now
    let failure = await readFailure(client(server.url, deadline: .milliseconds(500)))
    let elapsed = ContinuousClock.now - start
    XCTAssertEqual(failure?.code, "http.timeout")
    XCTAssertLessThan(elapsed, .seconds(4), "the drip lasts 30 s; only our deadline ends it sooner")
  }

  func testUnresolvableNameIsDNSNotFound() async throws {
    let failure = await readFailure(
      client(URL(string: "https://snowgate-test.invalid")!, deadline: .seconds(8)))
    XCTAssertEqual(failure?.code, "dns.not_found")
  }

  func testRedirectIsReturnedNotFollowedAndCookiesAreNotSentBack() async throws {
    let answer =
      "HTTP/1.1 302 Found\r\nLocation: /login.do\r\nSet-Cookie: JSESSIONID=S3CR3T-COOKIE; Path=/\r\n"
      + "Content-Length: 0\r\nConnection: close\r\n\r\n"
    let server = try LoopbackServer(.respond(raw: answer, delay: 0))
    defer { server.stop() }
    let transport = CurlTransport()
    let request = TransportRequest(method: "GET", url: server.url.appendingPathComponent("start"))
    let first = try await transport.send(request, deadline: .seconds(5))
    let second = try await transport.send(request, deadline: .seconds(5))
    XCTAssertEqual(first.status, 302)
    XCTAssertEqual(first.header("location"), "/login.do")
    XCTAssertEqual(second.status, 302)
    XCTAssertEqual(server.received.count, 2, "the redirect was not followed")
    XCTAssertFalse(server.received.joined().contains("S3CR3T-COOKIE"), "no cookie was stored and sent back")
  }

  func testProbeOverARealSocketRecognisesTheInstanceChallenge() async throws {
    let body =
      #"{"error":{"message":"User Not Authenticated","detail":"Required to provide Auth information"},"status":"failure"}"#
    let answer =
      "HTTP/1.1 401 Unauthorized\r\nserver: snow_adc\r\nwww-authenticate: BASIC realm=\"Service-now\"\r\n"
      + "Set-Cookie: JSESSIONID=S3CR3T-COOKIE; Path=/; HttpOnly\r\nSet-Cookie: glide_user_route=glide.x; Path=/\r\n"
      + "Content-Type: application/json;charset=UTF-8\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n"
      + body
    let server = try LoopbackServer(.respond(raw: answer, delay: 0))
    defer { server.stop() }
    let log = RequestLog()
    let client = ServiceNowClient(
      instance: server.url, transport: CurlTransport(), log: log, deadline: .seconds(5),
      proxy: ProxyEnvironment([:]))
    let result = await client.probe()
    guard case .servicenow(let evidence) = result else { return XCTFail("got \(result)") }
    XCTAssertTrue(evidence.markers.contains("Server: snow_adc"), "\(evidence.markers)")
    XCTAssertTrue(evidence.markers.contains("cookie glide_user_route"), "\(evidence.markers)")
    XCTAssertTrue(evidence.markers.contains("401 with the Table API's error body"), "\(evidence.markers)")
    XCTAssertFalse(log.render().contains("S3CR3T"), log.render())
  }

  func testWrongPasswordIsBasicRejectedAtOnceNotAfterTheDeadline() async throws {
    // FoundationNetworking never finished a 401 that carries WWW-Authenticate; libcurl does.
    let body =
      #"{"error":{"message":"User Not Authenticated","detail":"Required to provide Auth information"},"status":"failure"}"#
    let answer =
      "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: BASIC realm=\"Service-now\"\r\n"
      + "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n"
      + body
    let server = try LoopbackServer(.respond(raw: answer, delay: 0))
    defer { server.stop() }
    let failure = await readFailure(client(server.url, deadline: .seconds(20)))
    XCTAssertEqual(failure?.code, "auth.basic_rejected")
    XCTAssertEqual(
      failure?.detail, "The instance said: User Not Authenticated: Required to provide Auth information")
  }

  func testTokenEndpointCatchAllArrivesWithItsBody() async throws {
    let body = #"{"error_description":"access_denied","error":"server_error"}"#
    let answer =
      "HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n"
      + "Connection: close\r\n\r\n" + body
    let server = try LoopbackServer(.respond(raw: answer, delay: 0))
    defer { server.stop() }
    let result = await client(server.url, deadline: .seconds(20)).requestToken(
      TokenRequest(clientID: "id", clientSecret: Secret("cs"), grant: .refreshToken(Secret("rt"))))
    XCTAssertEqual(result.failureCode, "oauth.refresh_expired")
  }

  func testCancellingTheCallingTaskEndsTheRequestAtOnce() async throws {
    let server = try LoopbackServer(.silent)
    defer { server.stop() }
    let slow = client(server.url, deadline: .seconds(30))
    let probing = Task { await slow.probe() }
    try await Task.sleep(for: .milliseconds(200))
    probing.cancel()
    let result = await probing.value
    XCTAssertEqual(result, .unreachable(ServiceNowFailure(.cancelled)))
  }

  func testServerThatClosesWithoutAnsweringIsInstanceUnavailable() async throws {
    let server = try LoopbackServer(.respond(raw: "", delay: 0))
    defer { server.stop() }
    let failure = await readFailure(client(server.url, deadline: .seconds(5)))
    XCTAssertEqual(failure?.code, "instance.unavailable")
  }

  func testSelfSignedCertificateIsUntrusted() async throws {
    let tls = try TLSServer.start()
    defer { tls.stop() }
    let failure = await readFailure(
      client(URL(string: "https://localhost:\(tls.port)")!, deadline: .seconds(8)))
    XCTAssertEqual(failure?.code, "tls.untrusted", failure?.detail ?? "")
    // libcurl's sentence, seen here: "SSL certificate problem: self-signed certificate".
    XCTAssertTrue(failure?.detail?.contains("certificate") ?? false, failure?.detail ?? "")
  }
}
