import Foundation
import Simulator
import XCTest

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

final class RobustnessTests: XCTestCase {
  private func harness(idleTimeout: Double = 2, maxConnections: Int = 256) throws -> SimulatorHarness {
    var configuration = SimulatorConfiguration.demo
    configuration.idleTimeout = idleTimeout
    configuration.maxConnections = maxConnections
    return try SimulatorHarness(configuration)
  }

  /// Sends raw bytes on a fresh connection and returns the answer's status (nil: closed without one).
  private func rawStatus(_ port: UInt16, _ bytes: [UInt8], closeAfterSend: Bool = false) throws -> Int? {
    let client = try RawClient(port: port)
    defer { client.disconnect() }
    client.send(bytes)
    if closeAfterSend { shutdown(client.fd, Int32(SHUT_WR)) }
    return RawClient.status(of: client.readAll(seconds: 5).bytes)
  }

  func testGarbageGets400() async throws {
    let sim = try harness()
    defer { sim.stop() }
    XCTAssertEqual(try rawStatus(sim.server.port, [0, 255, 1, 2, 13, 10, 13, 10]), 400)
    XCTAssertEqual(try rawStatus(sim.server.port, Array("HELLO\r\n\r\n".utf8)), 400)
    XCTAssertEqual(try rawStatus(sim.server.port, Array("GET / HTTP/9.9\r\n\r\n".utf8)), 400)
    XCTAssertEqual(try rawStatus(sim.server.port, Array("GET / HTTP/1.1\r\nno colon here\r\n\r\n".utf8)), 400)
    XCTAssertEqual(
      try rawStatus(sim.server.port, Array("POST / HTTP/1.1\r\nContent-Length: abc\r\n\r\n".utf8)), 400)
  }

  func testOversizedHeadersGet431() async throws {
    let sim = try harness()
    defer { sim.stop() }
    let big = "GET / HTTP/1.1\r\nX-Big: " + String(repeating: "a", count: 70 * 1024) + "\r\n\r\n"
    XCTAssertEqual(try rawStatus(sim.server.port, Array(big.utf8)), 431)
  }

  func testOversizedBodyGets413() async throws {
    let sim = try harness()
    defer { sim.stop() }
    let request = "POST /oauth_token.do HTTP/1.1\r\nContent-Length: 2000000\r\n\r\n"
    XCTAssertEqual(try rawStatus(sim.server.port, Array(request.utf8)), 413)
  }

  func testTruncatedBodyIsRefused() async throws {
    let sim = try harness()
    defer { sim.stop() }
    let request =
      "POST /oauth_token.do HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\ngrant_type"
    XCTAssertEqual(try rawStatus(sim.server.port, Array(request.utf8), closeAfterSend: true), 400)
  }

  func testIdleClientIsDisconnected() async throws {
    let sim = try harness(idleTimeout: 0.5)
    defer { sim.stop() }
    let client = try RawClient(port: sim.server.port)
    defer { client.disconnect() }
    client.send("GET / HT")
    let (bytes, closed) = client.readAll(seconds: 5)
    XCTAssertTrue(closed, "the server hangs up on a client that stops sending")
    XCTAssertEqual(RawClient.status(of: bytes), 408)
  }

  func testKeepAliveServesSeveralRequestsOnOneConnection() async throws {
    let sim = try harness()
    defer { sim.stop() }
    let client = try RawClient(port: sim.server.port)
    defer { client.disconnect() }
    client.send(
      "GET / HTTP/1.1\r\nHost: x\r\n\r\nGET /navpage.do HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    let (bytes, closed) = client.readAll(seconds: 5)
    let text = String(decoding: bytes, as: UTF8.self)
    XCTAssertTrue(closed)
    XCTAssertTrue(text.hasPrefix("HTTP/1.1 302 Found"))
    XCTAssertTrue(text.contains("HTTP/1.1 200 OK"))
  }

  func testHeadAnswersHeadersWithoutABody() async throws {
    let sim = try harness()
    defer { sim.stop() }
    let client = try RawClient(port: sim.server.port)
    defer { client.disconnect() }
    client.send(
      "HEAD /navpage.do HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    let text = String(decoding: client.readAll(seconds: 5).bytes, as: UTF8.self)
    let answers = text.components(separatedBy: "HTTP/1.1 ").filter { !$0.isEmpty }
    XCTAssertEqual(answers.count, 2, text)
    XCTAssertTrue(answers[0].hasPrefix("200 OK"), text)
    XCTAssertTrue(answers[0].hasSuffix("\r\n\r\n"), "no body after the HEAD answer's headers")
    XCTAssertTrue(answers[1].hasPrefix("302 Found"), text)
  }

  func testConnectionsOverTheCapGet503AndTheServerRecovers() async throws {
    let sim = try harness(idleTimeout: 30, maxConnections: 3)
    defer { sim.stop() }
    let holders = try (0..<3).map { _ in try RawClient(port: sim.server.port) }
    for holder in holders { holder.send("GET / HTTP/1.1\r\n") }
    let allHeld = await eventually { sim.server.openConnections == 3 }
    XCTAssertTrue(allHeld)
    XCTAssertEqual(try rawStatus(sim.server.port, Array("GET / HTTP/1.1\r\n\r\n".utf8)), 503)
    for holder in holders { holder.disconnect() }
    let allFreed = await eventually { sim.server.openConnections == 0 }
    XCTAssertTrue(allFreed)
    let answer = try await sim.send("GET", "/navpage.do")
    XCTAssertEqual(answer.status, 200)
  }

  func testStopEndsADrippingAnswerPromptly() async throws {
    var configuration = SimulatorConfiguration.demo
    configuration.scenarios = [.drip]
    let server = SimulatorServer(configuration: configuration)
    let port = try server.start()
    let client = try RawClient(port: port)
    defer { client.disconnect() }
    client.send("GET / HTTP/1.1\r\n\r\n")
    XCTAssertEqual(client.read(atLeast: 1, seconds: 5).count, 1)
    server.stop()
    let (_, closed) = client.readAll(seconds: 5)
    XCTAssertTrue(closed)
    XCTAssertThrowsError(try RawClient(port: port), "nothing listens after stop")
  }

  func testFiftyConcurrentClientsThenTwoHundredMalformedRequests() async throws {
    let sim = try harness(idleTimeout: 1)
    defer { sim.stop() }
    let configuration = URLSessionConfiguration.ephemeral
    configuration.httpMaximumConnectionsPerHost = 64
    let session = URLSession(configuration: configuration)
    defer { session.invalidateAndCancel() }
    let users = ["admin", "abel.tuter", "beth.anglin"]
    let base = sim.base.absoluteString
    let authorization = "Basic " + Data("admin:admin".utf8).base64EncodedString()

    let started = Date()
    let correct = try await withThrowingTaskGroup(of: Int.self) { group in
      for clientIndex in 0..<50 {
        group.addTask {
          var good = 0
          for requestIndex in 0..<20 {
            let user = users[(clientIndex + requestIndex) % users.count]
            var request = URLRequest(
              url: URL(
                string:
                  "\(base)/api/now/table/sys_user?sysparm_query=user_name%3D\(user)&sysparm_fields=user_name")!
            )
            request.setValue(authorization, forHTTPHeaderField: "Authorization")
            let (data, response) = try await SimulatorHarness.data(session, request, seconds: 20)
            let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            let rows = json?["result"] as? [[String: String]]
            if (response as? HTTPURLResponse)?.statusCode == 200, rows == [["user_name": user]] { good += 1 }
          }
          return good
        }
      }
      return try await group.reduce(0, +)
    }
    let seconds = Date().timeIntervalSince(started)
    XCTAssertEqual(correct, 1000, "every one of 50 x 20 requests got the right row")
    print(
      "load: 1000 requests from 50 clients in \(String(format: "%.2f", seconds)) s (\(Int(1000 / seconds)) requests/s)"
    )

    let port = sim.server.port
    let kinds: [([UInt8], Bool)] = [
      ([0, 255, 7, 13, 10, 13, 10], false),
      (
        Array(("GET / HTTP/1.1\r\nX-Big: " + String(repeating: "b", count: 66 * 1024) + "\r\n\r\n").utf8),
        false
      ),
      (Array("POST /oauth_token.do HTTP/1.1\r\nContent-Length: 50\r\n\r\nabc".utf8), true),
      (Array("GET / HTTP/1.1\r\nHost: slow".utf8), false),
      (Array("NOT A REQUEST\r\n\r\n".utf8), false),
    ]
    // Real threads, not the cooperative pool: idle clients block for the idle timeout, in parallel.
    let refused = await Self.onThreads(200) { index in
      let (bytes, halfClose) = kinds[index % kinds.count]
      guard let client = try? RawClient(port: port) else { return false }
      defer { client.disconnect() }
      client.send(bytes)
      if halfClose { shutdown(client.fd, Int32(SHUT_WR)) }
      let (answer, closed) = client.readAll(seconds: 10)
      let status = RawClient.status(of: answer)
      return closed && (status == nil || [400, 408, 431].contains(status!))
    }
    XCTAssertEqual(refused, 200, "every malformed request got a 4xx or a closed connection")

    let after = try await sim.send(
      "GET", "/api/now/table/sys_user?sysparm_limit=1", basic: ("admin", "admin"))
    XCTAssertEqual(after.status, 200)
    XCTAssertEqual(after.results.count, 1)
    let drained = await eventually { sim.server.openConnections <= 1 }
    XCTAssertTrue(drained, "malformed connections are all closed")
    print("load: resident memory after the load test \(residentKiB() / 1024) MiB (whole test process)")
  }

  /// Runs `body` on `count` threads at once and counts the true results.
  private static func onThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Bool) async -> Int {
    let successes = Counter()
    let group = DispatchGroup()
    for index in 0..<count {
      group.enter()
      Thread.detachNewThread {
        if body(index) { successes.increment() }
        group.leave()
      }
    }
    await withCheckedContinuation { continuation in
      group.notify(queue: .global()) { continuation.resume() }
    }
    return successes.value
  }

  /// Polls a condition for up to five seconds; for state that settles asynchronously.
  private func eventually(_ condition: @Sendable () -> Bool) async -> Bool {
    for _ in 0..<100 {
      if condition() { return true }
      try? await Task.sleep(nanoseconds: 50_000_000)
    }
    return condition()
  }

  private func residentKiB() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") })
    else { return 0 }
    return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
  }
}
