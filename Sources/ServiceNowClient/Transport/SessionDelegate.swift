import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The session's delegate: collects each answer, refuses redirects, and turns a 401 challenge
/// back into the plain 401 answer.
///
/// Two FoundationNetworking behaviours on Linux shape it. Redirects can only be refused on the
/// session, not per task; the probe needs the 3xx itself and a token request must never be
/// replayed at another host. And a 401 carrying `WWW-Authenticate` becomes an authentication
/// challenge that, without credentials, leaves the task suspended for ever (corelibs-foundation
/// issue 5456): we have already received the answer's head and body through this delegate, so
/// the challenge ends the call with that answer and cancels the suspended task.
final class SessionDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
  private struct Exchange {
    var call: PendingCall
    var start: ContinuousClock.Instant
    var response: HTTPURLResponse?
    var body = Data()
  }

  private let lock = NSLock()
  private var exchanges: [Int: Exchange] = [:]

  /// Starts collecting the answer to `task` for `call`.
  func register(_ task: URLSessionTask, call: PendingCall, start: ContinuousClock.Instant) {
    lock.lock()
    exchanges[task.taskIdentifier] = Exchange(call: call, start: start)
    lock.unlock()
  }

  private func take(_ task: URLSessionTask) -> Exchange? {
    lock.lock()
    defer { lock.unlock() }
    return exchanges.removeValue(forKey: task.taskIdentifier)
  }

  private func finishWithAnswer(_ task: URLSessionTask, fallback: URLResponse?) {
    guard let exchange = take(task) else { return }
    guard let http = exchange.response ?? (fallback as? HTTPURLResponse) else {
      exchange.call.finish(.failure(URLError(.badServerResponse)))
      return
    }
    exchange.call.finish(
      .success(
        HTTPResponse(
          status: http.statusCode, headers: URLSessionTransport.headers(of: http), body: exchange.body,
          elapsed: ContinuousClock.now - exchange.start)))
  }

  func urlSession(
    _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
    completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
  ) {
    lock.lock()
    exchanges[dataTask.taskIdentifier]?.response = response as? HTTPURLResponse
    lock.unlock()
    completionHandler(.allow)
  }

  func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
    lock.lock()
    exchanges[dataTask.taskIdentifier]?.body.append(data)
    lock.unlock()
  }

  func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
    if let error {
      guard let exchange = take(task) else { return }
      exchange.call.finish(.failure(error))
      return
    }
    finishWithAnswer(task, fallback: task.response)
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
    finishWithAnswer(task, fallback: challenge.failureResponse)
    completionHandler(.cancelAuthenticationChallenge, nil)
  }
}
