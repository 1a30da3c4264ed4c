import Foundation
import ServiceNowClient
import Vocabulary
import XCTest

/// The DNS and TCP layer check against real loopback conditions.
final class TCPConnectCheckTests: XCTestCase {
  func testListeningServerConnectsAndNamesTheAddress() async throws {
    let server = try LoopbackServer(.silent)
    defer { server.stop() }
    let connection = try await TCPConnectCheck.connect(
      host: "127.0.0.1", port: Int(server.port), timeout: .seconds(2)
    ).get()
    XCTAssertEqual(connection.connectedAddress, "127.0.0.1")
    XCTAssertEqual(connection.addresses, ["127.0.0.1"])
  }

  func testClosedPortIsRefused() async throws {
    let port = try LoopbackServer.closedPort()
    let result = await TCPConnectCheck.connect(host: "localhost", port: Int(port), timeout: .seconds(2))
    XCTAssertEqual(result.failureCode, "tcp.refused")
  }

  func testInvalidNameIsDNSNotFound() async {
    let result = await TCPConnectCheck.connect(host: "snowgate-test.invalid", port: 443, timeout: .seconds(5))
    XCTAssertEqual(result.failureCode, "dns.not_found")
  }

  func testHostThatDropsTheConnectionAttemptIsTCPTimeout() async throws {
    let listener = try FullBacklogListener()
    defer { listener.stop() }
    let result = await TCPConnectCheck.connect(
      host: "127.0.0.1", port: Int(listener.port), timeout: .milliseconds(300))
    XCTAssertEqual(result.failureCode, "tcp.timeout")
  }

  func testRequestToAHostThatDropsConnectionsIsTCPTimeoutNotHTTPTimeout() async throws {
    let listener = try FullBacklogListener()
    defer { listener.stop() }
    let client = ServiceNowClient(
      instance: listener.url, transport: CurlTransport(), deadline: .milliseconds(500),
      proxy: ProxyEnvironment([:]))
    let result = await client.readTable("sys_user", fields: [], auth: Fixtures.basic)
    XCTAssertEqual(result.failureCode, "tcp.timeout")
  }
}

extension Result where Failure == ServiceNowFailure {
  /// The failure's code, or nil on success: keeps the assertions one line each.
  var failureCode: String? {
    if case .failure(let failure) = self {
      return failure.code
    }
    return nil
  }
}
