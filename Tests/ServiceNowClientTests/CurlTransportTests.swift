import Foundation
import ServiceNowClient
import Vocabulary
import XCTest

/// CurlTransport on loopback: what it sends and how it reads what comes back.
final class CurlTransportTests: XCTestCase {
  func testHeadersArriveByNameWithRepeatedOnesJoinedAndTimingsMeasured() async throws {
    let answer =
      "HTTP/1.1 200 OK\r\nSet-Cookie: a=1\r\nset-cookie: b=2\r\nContent-Type: application/json\r\n"
      + "Content-Length: 2\r\nConnection: close\r\n\r\n{}"
    let server = try LoopbackServer(.respond(raw: answer, delay: 0))
    defer { server.stop() }
    let response = try await CurlTransport().send(
      TransportRequest(
        method: "POST", url: server.url, headers: ["X-Test": "one\r\nInjected: two"], body: Data("x=1".utf8)),
      deadline: .seconds(5))
    XCTAssertEqual(response.status, 200)
    XCTAssertEqual(response.header("SET-COOKIE"), "a=1, b=2")
    XCTAssertEqual(response.text, "{}")
    let timings = try XCTUnwrap(response.timings)
    XCTAssertNotNil(timings.connect)
    XCTAssertNil(timings.tls, "plain http has no TLS phase")
    XCTAssertGreaterThanOrEqual(timings.total, timings.firstByte ?? .zero)
    let sent = server.received.joined()
    XCTAssertTrue(sent.hasPrefix("POST / HTTP/1.1\r\n"), sent)
    XCTAssertTrue(
      sent.contains("X-Test: oneInjected: two\r\n"), "a header value cannot add a header: \(sent)")
    XCTAssertFalse(sent.contains("\r\nInjected:"), sent)
    XCTAssertTrue(sent.hasSuffix("\r\n\r\nx=1"), sent)
  }

  /// Requests one after the other to one server share its connection, as curl's do: a check
  /// pays one TCP (and TLS) handshake, not one per request.
  func testRequestsToOneServerReuseItsConnection() async throws {
    let server = try LoopbackServer(
      .keepAlive(raw: "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"))
    defer { server.stop() }
    let transport = CurlTransport()
    var timings: [PhaseTimings] = []
    for path in ["/one", "/two", "/three"] {
      let response = try await transport.send(
        TransportRequest(url: server.url.appendingPathComponent(path)), deadline: .seconds(5))
      XCTAssertEqual(response.text, "{}")
      timings.append(try XCTUnwrap(response.timings))
    }
    XCTAssertEqual(server.received.count, 3, "\(server.received)")
    XCTAssertEqual(server.accepted, 1, "three requests, one connection")
    XCTAssertNotNil(timings[0].connect, "the first request connected")
    XCTAssertNil(timings[2].connect, "a reused connection has no connect phase")
  }

  /// Requests at the same time never wait for each other's connection: each gets its own, and
  /// each deadline covers only its own request. The server takes 1 s per answer and each
  /// request may take 1.8 s, so a queue (one answer after another) would time the later ones out.
  func testConcurrentRequestsDoNotQueueBehindEachOther() async throws {
    let server = try LoopbackServer(
      .respond(raw: "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok", delay: 1))
    defer { server.stop() }
    let transport = CurlTransport()
    try await withThrowingTaskGroup(of: Int.self) { group in
      for _ in 0..<4 {
        group.addTask {
          try await transport.send(TransportRequest(url: server.url), deadline: .milliseconds(1800)).status
        }
      }
      for try await status in group { XCTAssertEqual(status, 200) }
    }
    XCTAssertEqual(server.accepted, 4)
  }

  func testASmallBodyLimitEndsTheTransferAsTooLarge() async throws {
    let body = String(repeating: "x", count: 5000)
    let answer = "HTTP/1.1 200 OK\r\nContent-Length: \(body.count)\r\nConnection: close\r\n\r\n" + body
    let server = try LoopbackServer(.respond(raw: answer, delay: 0))
    defer { server.stop() }
    do {
      _ = try await CurlTransport(maximumBodyBytes: 1000).send(
        TransportRequest(url: server.url), deadline: .seconds(5))
      XCTFail("a 5000-byte body passed a 1000-byte limit")
    } catch let tooLarge as ResponseTooLarge {
      XCTAssertEqual(tooLarge, ResponseTooLarge(part: .body, limit: 1000))
    }
  }

  func testPresentedNamesAreReadableAndCannotCarryControlCharacters() {
    let certificate = PresentedCertificate(
      subject: "CN=evil\u{1B}[2J", issuer: "CN=Corp CA, O=Corp", notBefore: Date(timeIntervalSince1970: 0),
      notAfter: Date(timeIntervalSince1970: 86_400))
    XCTAssertEqual(
      certificate.summary, "CN=evil?[2J, issued by CN=Corp CA, O=Corp, valid 1970-01-01 to 1970-01-02")
  }
}
