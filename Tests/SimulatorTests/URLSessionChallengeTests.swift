import Foundation
import Simulator
import XCTest

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// What a URLSession client sees of the Table API's 401s, which carry `WWW-Authenticate: Basic`.
final class URLSessionChallengeTests: XCTestCase {
  func testA401ArrivesAsAChallengeWhoseFailureResponseCarriesStatusAndHeaders() async throws {
    let server = SimulatorServer(configuration: try SimulatorConfiguration.load(scenario: "mfa-required"))
    try server.start()
    defer { server.stop() }
    let recorder = ChallengeRecorder()
    let session = URLSession(configuration: .ephemeral, delegate: recorder, delegateQueue: nil)
    defer { session.invalidateAndCancel() }
    var request = URLRequest(url: server.baseURL.appendingPathComponent("/api/now/table/sys_user"))
    request.setValue(
      "Basic " + Data("admin:admin".utf8).base64EncodedString(), forHTTPHeaderField: "Authorization")

    var status: Int?
    do {
      let (_, response) = try await SimulatorHarness.data(session, request, seconds: 10)
      status = (response as? HTTPURLResponse)?.statusCode
    } catch {
      // Linux: the challenge was cancelled (-999) and the response is only in the delegate.
      XCTAssertEqual((error as? URLError)?.code, .cancelled, "\(error)")
      let failure = try XCTUnwrap(recorder.failureResponse)
      status = failure.statusCode
      XCTAssertEqual(failure.value(forHTTPHeaderField: "X-MFA_TOKEN"), "invalid")
      XCTAssertEqual(failure.value(forHTTPHeaderField: "WWW-Authenticate"), "BASIC realm=\"Service-now\"")
    }
    XCTAssertEqual(status, 401)
  }
}
