/// Sends one HTTP request and returns its answer, or throws when no answer came.
///
/// A protocol so the client runs against a scripted transport in unit tests and libcurl
/// (`CurlTransport`) in the program. Implementations must end the call when `deadline` passes
/// (throwing `DeadlineExceeded`), and must not follow redirects: the caller wants to see a 302.
public protocol Transport: Sendable {
  func send(_ request: TransportRequest, deadline: Duration) async throws -> HTTPResponse
}
