import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Records the 401 behind an authentication challenge and cancels it, so the task ends at once.
///
/// On Linux this is the only way a URLSession client learns anything about a Basic 401: the
/// challenge's failure response carries the status and headers (not the body).
final class ChallengeRecorder: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
  private let lock = NSLock()
  private var recorded: HTTPURLResponse?

  /// The failure response of the last challenge.
  var failureResponse: HTTPURLResponse? {
    lock.lock()
    defer { lock.unlock() }
    return recorded
  }

  func urlSession(
    _ session: URLSession, task: URLSessionTask, didReceive challenge: URLAuthenticationChallenge,
    completionHandler: @escaping @Sendable (URLSession.AuthChallengeDisposition, URLCredential?) -> Void
  ) {
    lock.lock()
    recorded = challenge.failureResponse as? HTTPURLResponse
    lock.unlock()
    completionHandler(.cancelAuthenticationChallenge, nil)
  }
}
