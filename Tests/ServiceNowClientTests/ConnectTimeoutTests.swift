import Foundation
import ServiceNowClient
import Vocabulary
import XCTest

/// A host that never completes the TCP handshake: the client's request says the connection
/// timed out, not that the answer was slow (the diagnosis' TCP layer has its own connector).
final class ConnectTimeoutTests: XCTestCase {
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
