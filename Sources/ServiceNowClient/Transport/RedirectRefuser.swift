import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// A session delegate that refuses every redirect, so the caller sees the 3xx answer itself.
///
/// The probe needs the 302s an instance or a captive proxy sends (they say where the user
/// really should point), and a token request must never be replayed at another host.
/// On Linux the redirect delegate works only on the session, not per task.
final class RedirectRefuser: NSObject, URLSessionTaskDelegate, Sendable {
  func urlSession(
    _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
  ) {
    completionHandler(nil)
  }
}
