import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Sends one HTTP request and returns its answer, or throws when no answer came.
///
/// A protocol so the client runs against a scripted transport in unit tests and URLSession in
/// the program. Implementations must end the call when `deadline` passes (throwing
/// `DeadlineExceeded`), and must not follow redirects: the caller wants to see a 302.
public protocol Transport: Sendable {
  func send(_ request: URLRequest, deadline: Duration) async throws -> HTTPResponse
}
