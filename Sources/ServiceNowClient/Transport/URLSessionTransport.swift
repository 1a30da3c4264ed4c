import Dispatch
import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The real transport: URLSession with an ephemeral session, no cookies, no redirects, and a
/// deadline that holds.
///
/// On Linux URLSession ignores `timeoutIntervalForResource` and never times out a server that
/// drips a byte a second, so every call races a timer and the data task is cancelled when
/// the deadline passes. Cookies are neither stored nor sent: each call stands alone, like the
/// curl commands a support bundle shows.
public final class URLSessionTransport: Transport, Sendable {
  private let session: URLSession
  private let delegate = SessionDelegate()

  public init() {
    let configuration = URLSessionConfiguration.ephemeral
    configuration.httpCookieStorage = nil
    configuration.httpShouldSetCookies = false
    configuration.httpCookieAcceptPolicy = .never
    configuration.urlCache = nil
    configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
    configuration.httpMaximumConnectionsPerHost = 4
    session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
  }

  deinit {
    session.invalidateAndCancel()
  }

  public func send(_ request: URLRequest, deadline: Duration) async throws -> HTTPResponse {
    let seconds = Self.seconds(deadline)
    var request = request
    // libcurl's own timer stays out of the way; ours decides (and is not rounded down).
    request.timeoutInterval = seconds + 5
    let start = ContinuousClock.now
    let call = PendingCall()
    let session = self.session
    let delegate = self.delegate
    return try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { continuation in
        call.start(continuation)
        // A delegate task, not a completion handler: see SessionDelegate for why.
        let task = session.dataTask(with: request)
        delegate.register(task, call: call, start: start)
        let timer = DispatchWorkItem {
          call.finish(.failure(DeadlineExceeded(deadline: deadline)))
        }
        if call.attach(task: task, timer: timer) {
          DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: timer)
          task.resume()
        }
      }
    } onCancel: {
      call.finish(.failure(CancellationError()))
    }
  }

  private static func seconds(_ duration: Duration) -> Double {
    let parts = duration.components
    return max(0, Double(parts.seconds) + Double(parts.attoseconds) / 1e18)
  }

  static func headers(of response: HTTPURLResponse) -> [String: String] {
    var headers: [String: String] = [:]
    for (key, value) in response.allHeaderFields {
      headers[String(describing: key)] = String(describing: value)
    }
    return headers
  }
}
