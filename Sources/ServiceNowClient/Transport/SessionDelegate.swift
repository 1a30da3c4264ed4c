import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The session delegate of `URLSessionTransport`: collects each task's answer, refuses
/// redirects, and delivers 401 answers that FoundationNetworking would otherwise never finish.
///
/// Two platform facts shape it (seen with Swift 6.3.1 on Linux):
/// - A redirect delegate works only on the session; refusing (`nil`) hands the 3xx to us, which
///   the probe needs, and keeps a token request from being replayed at another host.
/// - A 401 answer with `WWW-Authenticate` (every ServiceNow 401) raises an authentication
///   challenge after the whole body has arrived; with a completion-handler task, or with
///   `.performDefaultHandling`, the task then never completes. So tasks are delegate-driven:
///   the answer is assembled from `didReceive response` and `didReceive data`, delivered when the
///   challenge comes, and the challenge is cancelled (the task then ends with -999, ignored).
final class SessionDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
  private struct Pending {
    var call: PendingCall
    var start: ContinuousClock.Instant
    var response: HTTPURLResponse?
    var body = Data()
  }

  private let lock = NSLock()
  private var pending: [Int: Pending] = [:]

  /// Starts collecting the answer of `task` for `call`.
  func track(_ task: URLSessionTask, call: PendingCall, start: ContinuousClock.Instant) {
    lock.withLock { pending[task.taskIdentifier] = Pending(call: call, start: start) }
  }

  func urlSession(
    _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
    completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
  ) {
    lock.withLock { pending[dataTask.taskIdentifier]?.response = response as? HTTPURLResponse }
    completionHandler(.allow)
  }

  func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
    lock.withLock { pending[dataTask.taskIdentifier]?.body.append(data) }
  }

  func urlSession(
    _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
  ) {
    completionHandler(nil)
  }

  func urlSession(
    _ session: URLSession, task: URLSessionTask, didReceive challenge: URLAuthenticationChallenge,
    completionHandler: @escaping @Sendable (URLSession.AuthChallengeDisposition, URLCredential?) -> Void
  ) {
    if var state = take(task) {
      if state.response == nil {
        state.response = challenge.failureResponse as? HTTPURLResponse
      }
      deliver(state)
    }
    completionHandler(.cancelAuthenticationChallenge, nil)
  }

  func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
    guard let state = take(task) else { return }
    if let error {
      state.call.finish(.failure(error))
    } else {
      deliver(state)
    }
  }

  private func take(_ task: URLSessionTask) -> Pending? {
    lock.withLock { pending.removeValue(forKey: task.taskIdentifier) }
  }

  private func deliver(_ state: Pending) {
    guard let http = state.response else {
      state.call.finish(.failure(URLError(.badServerResponse)))
      return
    }
    var headers: [String: String] = [:]
    for (key, value) in http.allHeaderFields {
      headers[String(describing: key)] = String(describing: value)
    }
    state.call.finish(
      .success(
        HTTPResponse(
          status: http.statusCode, headers: headers, body: state.body,
          elapsed: ContinuousClock.now - state.start)))
  }
}
